import type { Services } from '../../../core/context.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { TransferMapInput } from '../maps/map-input.js';
import { stepSentence } from '../maps/transfer-map-text.js';
import type { RideLeg, TransferLeg } from '../routing/plan-journey.js';
import { PROFILES } from '../routing/profiles.js';
import { PROVENANCE_WORDS, type Provenance } from '../domain/provenance.js';
import type { JourneyAnswer, JourneyWarning } from '../use-cases/find-journey.js';
import { liftWhere, type EndAccess, type EndLift } from '../use-cases/journey-ends.js';
import { transferMapInput } from '../use-cases/transfer-maps.js';
import { listStationNames } from '../store/station.repository.js';
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
  const rows = await listStationNames(services.db, [...ids]);
  const names = new Map(rows.map((r) => [r.id, { ko: r.name_ko, en: r.name_en }]));
  const maps = new Map<number, TransferMapInput>();
  for (const [i, leg] of answer.legs.entries()) {
    if (leg.kind !== 'transfer' || !leg.route) continue;
    const { input } = await transferMapInput(services, leg.station.id, {
      from: leg.route.from.id,
      to: leg.route.to.id,
      profile: answer.profile,
      toward: leg.route.boardAt?.toward ?? undefined,
    });
    maps.set(i, input);
  }
  return { answer, names, maps };
}

type T = ReturnType<typeof translator<typeof journeyMessages>>;

/** One warning, marked with where it applies (the browser test matches these against the API's list). */
const warningItem = (locale: Locale, w: JourneyWarning) =>
  html`<li class="journey-warning" data-code="${w.code}" data-at="${w.at}" data-step="${w.step === null ? '' : String(w.step)}">${w.message[locale]}</li>`;

/** The warnings of one part of the journey that concern it as a whole (step warnings go beside their step). */
function partWarnings(locale: Locale, view: JourneyView, at: string): Html | null {
  const list = view.answer.warnings.filter((w) => w.at === at && w.step === null);
  return list.length ? html`<ul class="journey-warnings" data-at="${at}">${list.map((w) => warningItem(locale, w))}</ul>` : null;
}

/** The warnings about one step of one part, rendered inside that step's list item. */
const stepNotes =
  (locale: Locale, view: JourneyView, at: string) =>
  (n: number): Html | null => {
    const list = view.answer.warnings.filter((w) => w.at === at && w.step === n);
    return list.length ? html`<ul class="journey-warnings step-warnings" data-at="${at}">${list.map((w) => warningItem(locale, w))}</ul>` : null;
  };

const sourceLine = (t: T, locale: Locale, source: Provenance) =>
  html`<p class="provenance provenance-${source}" data-source="${source}"><strong>${t('journey.source')}</strong> ${PROVENANCE_WORDS[source][locale]}</p>`;

function rideLeg(t: T, locale: Locale, view: JourneyView, leg: RideLeg, i: number): Html {
  const name = (s: { id: string; name: string }) => stationLabel(view.names.get(s.id), s.name, locale);
  return html`<li class="leg leg-ride"><h3 id="leg-${i}">${fillHtml(t('journey.ride'), { line: lineName(leg.line, locale), from: name(leg.from), to: name(leg.to) })}</h3>
    <p>${t('journey.rideFacts', { stops: leg.stops, min: minutes(leg.timeS) })}</p>
    ${partWarnings(locale, view, `leg:${i}`)}
    ${
      leg.boardAt
        ? html`<div class="board-at"><p class="board-at-label">${t('journey.boardAt')}</p><p class="board-at-value"><strong>${leg.boardAt.label[locale]}</strong></p><p class="muted">${leg.boardAt.reason[locale]}</p></div>`
        : html`<p class="muted">${t('journey.boardNone')}</p>`
    }
  </li>`;
}

function transferLeg(t: T, locale: Locale, view: JourneyView, leg: TransferLeg, i: number): Html {
  const station = stationLabel(view.names.get(leg.station.id), leg.station.name, locale);
  const heading = fillHtml(t('journey.transfer'), { station, fromLine: lineName(leg.fromLine, locale), toLine: lineName(leg.toLine, locale) });
  const input = view.maps.get(i);
  return html`<li class="leg leg-transfer"><h3 id="leg-${i}">${heading}</h3>
    <p>${t('journey.transferFacts', { min: minutes(leg.timeS), wait: minutes(leg.waitS) })}</p>
    ${sourceLine(t, locale, leg.source)}
    ${partWarnings(locale, view, `leg:${i}`)}
    ${input ? transferMapBlock(locale, input, { level: 3, idBase: `leg-${i}`, showBoarding: false, showSource: false, stepNotes: stepNotes(locale, view, `leg:${i}`) }) : null}
  </li>`;
}

/** A lift at an end: where it stands (exit, place, floors; its position as a link for the phone's map app) and its status in words. */
function liftItem(locale: Locale, l: EndLift): Html {
  const tm = translator(transferMapsMessages, locale);
  const key = `status.${l.status}`;
  const word = key in transferMapsMessages ? tm(key as 'status.unknown') : tm('status.unknown');
  return html`<li data-facility="${l.id}" data-status="${l.status}"><span lang="ko">${liftWhere(l) || (l.name ?? l.type)}</span>
    ${l.position ? html` (<a href="geo:${l.position.lat.toFixed(6)},${l.position.lon.toFixed(6)}">${locale === 'ko' ? '위치' : 'position'} ${l.position.lat.toFixed(5)}, ${l.position.lon.toFixed(5)}</a>)` : null}:
    <strong class="facility-status facility-${l.status === 'available' ? 'up' : 'down'}">${word}</strong></li>`;
}

/** The way between the street and the platform at one end: its route step by step, or the lifts listed, and what is not known. */
function endSection(t: T, locale: Locale, view: JourneyView, at: 'origin' | 'destination', end: EndAccess | null): Html | null {
  if (!end || (end.state === 'not_needed' && !end.route)) return null;
  const id = `${at}-h`;
  const title = t(at === 'origin' ? 'journey.entry' : 'journey.exit');
  return html`<div class="journey-end journey-${at}"><h3 id="${id}">${title}</h3>
    ${sourceLine(t, locale, end.source)}
    ${partWarnings(locale, view, at)}
    ${end.route?.feasible ? html`<ol class="map-steps">${end.route.steps.map((s) => html`<li value="${s.n}">${stepSentence(s, locale, false)}${stepNotes(locale, view, at)(s.n)}</li>`)}</ol>` : null}
    ${!end.route && end.lifts.length ? html`<p>${t('journey.liftsListed', { n: end.lifts.length })}</p><ul class="end-lifts">${end.lifts.map((l) => liftItem(locale, l))}</ul>` : null}
    ${end.phones.length ? html`<p class="muted">${t('journey.stationPhone', { phone: end.phones.map((p) => p.phone).join(', ') })}</p>` : null}
  </div>`;
}

/** "Depends on": the facilities of the route, and never "no lift needed" while an end's access is unknown. */
function dependsOn(t: T, locale: Locale, a: JourneyAnswer): Html {
  const ends = [a.access.origin, a.access.destination].filter((e): e is EndAccess => !!e);
  const unknownEnd = ends.some((e) => e.state !== 'route' && e.state !== 'not_needed');
  const endLifts = ends.filter((e) => !e.route && e.lifts.length);
  return html`<h2 id="depends-h">${t('journey.dependsOn')}</h2>
    ${a.dependsOn.length ? html`<ul class="depends-on journey-depends-on" aria-labelledby="depends-h">${a.dependsOn.map((d) => facilityStatus(locale, d))}</ul>` : null}
    ${endLifts.length ? html`<p>${t('journey.dependsEndLifts', { list: endLifts.map((e) => e.name).join(', ') })}</p>` : null}
    ${
      unknownEnd
        ? html`<p class="depends-unknown"><strong>${t('journey.dependsUnknown')}</strong></p>`
        : !a.dependsOn.length
          ? html`<p>${t('journey.dependsNone')}</p>`
          : null
    }`;
}

/** The answer: summary, what is known and how, both ends, each leg in order (board here, change there with its map), and what it depends on. */
export function journeyResult(locale: Locale, view: JourneyView): Html {
  const t = translator(journeyMessages, locale);
  const a = view.answer;
  const from = stationLabel(view.names.get(a.from.id), a.from.name, locale);
  const to = stationLabel(view.names.get(a.to.id), a.to.name, locale);
  const profile = PROFILES[a.profile].label[locale];
  const tm = translator(transferMapsMessages, locale);
  return html`<section aria-labelledby="result-h" class="journey-result" data-assurance="${a.assurance}">
    <h2 id="result-h">${from} → ${to}</h2>
    ${
      a.disruption
        ? html`<div class="alert alert-danger disruption" role="status"><h3>${t('journey.disruptionHeading')}</h3>
      <ul class="journey-warnings" data-at="journey">${a.warnings.filter((w) => w.code === 'journey.outage_changed_route').map((w) => warningItem(locale, w))}</ul>
      ${a.disruption.usualTimeS !== null && a.timeS !== null ? html`<p>${t('journey.usualTime', { usual: minutes(a.disruption.usualTimeS), now: minutes(a.timeS) })}</p>` : null}
      <p>${t('journey.outOfService')}:</p><ul class="out-of-service">${a.disruption.outOfService.map((d) => facilityStatus(locale, d))}</ul></div>`
        : null
    }
    ${
      !a.feasible
        ? html`<div class="alert alert-danger journey-infeasible" role="status"><h3>${t('journey.infeasibleHeading')}</h3>
      <ul class="journey-warnings" data-at="journey">${a.warnings.filter((w) => w.code === 'journey.infeasible').map((w) => warningItem(locale, w))}</ul>
      ${a.alternatives?.nearby.length ? html`<p>${tm('tm.nearby', { list: a.alternatives.nearby.map((n) => n.name ?? n.stationId).join(', ') })}</p>` : null}
      ${a.alternatives ? html`<p class="assistance">${tm('tm.assistance', { message: a.alternatives.assistance.message[locale] })}</p>` : null}</div>
      ${endSection(t, locale, view, 'origin', a.access.origin)}
      ${endSection(t, locale, view, 'destination', a.access.destination)}`
        : html`
      <p class="journey-summary"><strong>${t('journey.summary', { profile, min: a.timeS === null ? '?' : minutes(a.timeS), n: a.transfers })}</strong></p>
      ${sourceLine(t, locale, a.assurance)}
      ${endSection(t, locale, view, 'origin', a.access.origin)}
      <ol class="legs" aria-label="${t('journey.legs')}">${a.legs.map((leg, i) => (leg.kind === 'ride' ? rideLeg(t, locale, view, leg, i) : transferLeg(t, locale, view, leg, i)))}</ol>
      ${endSection(t, locale, view, 'destination', a.access.destination)}
      ${dependsOn(t, locale, a)}`
    }
  </section>`;
}
