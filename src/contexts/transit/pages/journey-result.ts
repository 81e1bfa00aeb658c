import type { Services } from '../../../core/context.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { TransferMapInput } from '../maps/map-input.js';
import { stepSentence } from '../maps/transfer-map-text.js';
import type { RideLeg, TransferLeg } from '../routing/plan-journey.js';
import { PROFILES } from '../routing/profiles.js';
import type { JourneyAnswer } from '../use-cases/find-journey.js';
import { transferMapInput } from '../use-cases/transfer-maps.js';
import { journeyMessages } from './journey.messages.js';
import { transferMapsMessages } from './transfer-maps.messages.js';
import { facilityStatus, transferMapBlock } from './transfer-map-view.js';
import { fillHtml, lineName, minutes, stationLabel, type StationNames } from './transit-labels.js';

/** A journey with what its page shows besides the answer: station names in both languages, one map per surveyed transfer. */
export interface JourneyView {
  answer: JourneyAnswer;
  names: Map<string, StationNames>;
  /** Leg index → the transfer map of that transfer. */
  maps: Map<number, TransferMapInput>;
}

export async function loadJourneyView(services: Services, answer: JourneyAnswer): Promise<JourneyView> {
  const ids = new Set([answer.from.id, answer.to.id]);
  for (const l of answer.legs) {
    if (l.kind === 'ride') [l.from.id, l.to.id].forEach((id) => ids.add(id));
    else ids.add(l.station.id);
  }
  const rows = await services.db.selectFrom('transit_station').select(['id', 'name_ko', 'name_en']).where('id', 'in', [...ids]).execute();
  const names = new Map(rows.map((r) => [r.id, { ko: r.name_ko, en: r.name_en }]));
  const maps = new Map<number, TransferMapInput>();
  for (const [i, leg] of answer.legs.entries()) {
    if (leg.kind !== 'transfer' || !leg.route) continue;
    const { input } = await transferMapInput(services, leg.station.id, {
      from: leg.route.from.id, to: leg.route.to.id, profile: answer.profile, toward: leg.route.boardAt?.toward ?? undefined,
    });
    maps.set(i, input);
  }
  return { answer, names, maps };
}

type T = ReturnType<typeof translator<typeof journeyMessages>>;

function rideLeg(t: T, locale: Locale, view: JourneyView, leg: RideLeg, i: number): Html {
  const name = (s: { id: string; name: string }) => stationLabel(view.names.get(s.id), s.name, locale);
  return html`<li class="leg leg-ride"><h3 id="leg-${i}">${fillHtml(t('journey.ride'), { line: lineName(leg.line, locale), from: name(leg.from), to: name(leg.to) })}</h3>
    <p>${t('journey.rideFacts', { stops: leg.stops, min: minutes(leg.timeS) })}${leg.estimated ? html` <span class="muted">${t('journey.estimated')}</span>` : null}</p>
    ${leg.boardAt
      ? html`<div class="board-at"><p class="board-at-label">${t('journey.boardAt')}</p><p class="board-at-value"><strong>${leg.boardAt.label[locale]}</strong></p><p class="muted">${leg.boardAt.reason[locale]}</p></div>`
      : html`<p class="muted">${t('journey.boardNone')}</p>`}
  </li>`;
}

function transferLeg(t: T, locale: Locale, view: JourneyView, leg: TransferLeg, i: number): Html {
  const station = stationLabel(view.names.get(leg.station.id), leg.station.name, locale);
  const heading = fillHtml(t('journey.transfer'), { station, fromLine: lineName(leg.fromLine, locale), toLine: lineName(leg.toLine, locale) });
  const input = view.maps.get(i);
  return html`<li class="leg leg-transfer"><h3 id="leg-${i}">${heading}</h3>
    <p>${t('journey.transferFacts', { min: minutes(leg.timeS), wait: minutes(leg.waitS) })}</p>
    <p class="survey-flag ${leg.surveyed ? 'surveyed' : 'not-surveyed'}"><strong>${leg.surveyed ? t('journey.surveyed') : t('journey.notSurveyed')}</strong>${leg.note ? html` – ${leg.note[locale]}` : null}</p>
    ${input ? transferMapBlock(locale, input, { level: 3, idBase: `leg-${i}`, showBoarding: false }) : null}
  </li>`;
}

/** The answer: summary, disruption, each leg in order (board here, change there with its map), and what it depends on. */
export function journeyResult(locale: Locale, view: JourneyView): Html {
  const t = translator(journeyMessages, locale);
  const a = view.answer;
  const from = stationLabel(view.names.get(a.from.id), a.from.name, locale);
  const to = stationLabel(view.names.get(a.to.id), a.to.name, locale);
  const profile = PROFILES[a.profile].label[locale];
  const tm = translator(transferMapsMessages, locale);
  return html`<section aria-labelledby="result-h" class="journey-result">
    <h2 id="result-h">${from} → ${to}</h2>
    ${a.disruption ? html`<div class="alert alert-danger disruption" role="status"><h3>${t('journey.disruptionHeading')}</h3>
      <p>${a.disruption.message[locale]}</p>
      ${a.disruption.usualTimeS !== null && a.timeS !== null ? html`<p>${t('journey.usualTime', { usual: minutes(a.disruption.usualTimeS), now: minutes(a.timeS) })}</p>` : null}
      <p>${t('journey.outOfService')}:</p><ul class="out-of-service">${a.disruption.outOfService.map((d) => facilityStatus(locale, d))}</ul></div>` : null}
    ${!a.feasible ? html`<div class="alert alert-danger journey-infeasible" role="status"><h3>${t('journey.infeasibleHeading')}</h3><p>${a.reason?.[locale] ?? ''}</p>
      ${a.alternatives?.nearby.length ? html`<p>${tm('tm.nearby', { list: a.alternatives.nearby.map((n) => n.name ?? n.stationId).join(', ') })}</p>` : null}
      ${a.alternatives ? html`<p class="assistance">${tm('tm.assistance', { message: a.alternatives.assistance.message[locale] })}</p>` : null}</div>` : html`
      <p class="journey-summary"><strong>${t('journey.summary', { profile, min: a.timeS === null ? '?' : minutes(a.timeS), n: a.transfers })}</strong></p>
      ${a.unsurveyedTransfers ? html`<p class="muted">${t('journey.unsurveyed', { n: a.unsurveyedTransfers })}</p>` : null}
      <ol class="legs" aria-label="${t('journey.legs')}">${a.legs.map((leg, i) => (leg.kind === 'ride' ? rideLeg(t, locale, view, leg, i) : transferLeg(t, locale, view, leg, i)))}</ol>
      ${a.exitRoute?.feasible ? html`<h3 id="exit-h">${t('journey.exit')}</h3>
        <ol class="map-steps" aria-labelledby="exit-h">${a.exitRoute.steps.map((s) => html`<li value="${s.n}">${stepSentence(s, locale, false)}</li>`)}</ol>` : null}
      <h2 id="depends-h">${t('journey.dependsOn')}</h2>
      ${a.dependsOn.length ? html`<ul class="depends-on journey-depends-on" aria-labelledby="depends-h">${a.dependsOn.map((d) => facilityStatus(locale, d))}</ul>` : html`<p>${t('journey.dependsNone')}</p>`}`}
  </section>`;
}
