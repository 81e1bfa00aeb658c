import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, raw, type Html } from '../../../web/html.js';
import { PROVENANCE_WORDS } from '../domain/provenance.js';
import type { TransferMapInput } from '../maps/map-input.js';
import { renderTransferMapSvg } from '../maps/transfer-map-svg.js';
import { asDrawnNote, guidesOf, stepSentence } from '../maps/transfer-map-text.js';
import type { FacilityDependency } from '../routing/route-types.js';
import type { StationRouteAnswer } from '../use-cases/route-in-station.js';
import { transferMapsMessages } from './transfer-maps.messages.js';
import { minutes } from './transit-labels.js';

type HeadingLevel = 1 | 2 | 3 | 4;
const heading = (level: HeadingLevel, id: string, text: string) => raw(`<h${level} id="${id}">${html`${text}`}</h${level}>`);

/** The query that names one transfer map, for the SVG, text and PDF links and the pages that show it. */
export function mapQuery(input: Pick<TransferMapInput, 'route' | 'profile'>, extra: Record<string, string | undefined> = {}) {
  const q = new URLSearchParams({ from: input.route.from.id, to: input.route.to.id, profile: input.profile.id });
  if (input.route.boardAt?.toward) q.set('toward', input.route.boardAt.toward);
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  return q.toString();
}

/** A facility's live status in words, marked so that it is not told by colour alone. */
export function facilityStatus(locale: Locale, d: FacilityDependency): Html {
  const t = translator(transferMapsMessages, locale);
  const key = `status.${d.status}` as const;
  const word = key in transferMapsMessages ? t(key as 'status.unknown') : d.status;
  return html`<li data-facility="${d.facilityId}" data-status="${d.status}"><span lang="ko">${d.name ?? d.type}</span>: <strong class="facility-status facility-${d.status === 'available' ? 'up' : 'down'}">${word}</strong></li>`;
}

/** Where to board, shown first and large: it is what the traveller acts on before the train arrives. */
export function boardingAdvice(locale: Locale, advice: StationRouteAnswer['boardAt'], className = 'board-at'): Html | null {
  if (!advice) return null;
  const t = translator(transferMapsMessages, locale);
  return html`<p class="${className}"><strong>${t('tm.boardAt', { label: advice.label[locale] })}</strong><br><span class="muted">${advice.reason[locale]}</span></p>`;
}

function whenInfeasible(locale: Locale, route: StationRouteAnswer): Html | null {
  if (route.feasible) return null;
  const t = translator(transferMapsMessages, locale);
  const alt = route.alternatives;
  return html`<div class="alert alert-danger"><p><strong>${t('tm.infeasible', { message: route.reason?.message[locale] ?? t('tm.noSteps') })}</strong></p>
    ${alt?.nearby.length ? html`<p>${t('tm.nearby', { list: alt.nearby.map((n) => n.name ?? n.stationId).join(', ') })}</p>` : null}
    ${alt ? html`<p>${t('tm.assistance', { message: alt.assistance.message[locale] })}</p>` : null}</div>`;
}

/**
 * One transfer: where to board, the map (the renderer's accessible SVG: role=img, title, desc), the numbered
 * steps with the map's numbers, the facilities it depends on with their live status, and the downloads.
 */
export function transferMapBlock(
  locale: Locale,
  input: TransferMapInput,
  opts: {
    level: HeadingLevel;
    idBase: string;
    showBoarding?: boolean;
    /** What to say beside a step (by its number): the journey's warnings about that step. */
    stepNotes?: (n: number) => Html | null;
    /** Say how the route is known (default); the journey page says it once per leg instead. */
    showSource?: boolean;
  },
): Html {
  const t = translator(transferMapsMessages, locale);
  const route = input.route as StationRouteAnswer;
  const api = `/api/v1/transit/stations/${encodeURIComponent(input.station.id)}/transfer-map`;
  const q = mapQuery(input, { lang: locale });
  const sub = Math.min(opts.level + 1, 4) as HeadingLevel;
  const guides = guidesOf(input);
  return html`<div class="transfer-map-block">
    ${opts.showBoarding === false ? null : boardingAdvice(locale, route.boardAt)}
    ${whenInfeasible(locale, route)}
    ${opts.showSource === false || !route.feasible ? null : html`<p class="provenance" data-source="${route.assurance}"><strong>${t('tm.source')}</strong> ${PROVENANCE_WORDS[route.assurance][locale]}</p>`}
    ${route.usual ? html`<p class="alert alert-info">${t('tm.usual', { min: route.usual.timeS === null ? '?' : minutes(route.usual.timeS), list: route.usual.outOfService.map((d) => d.name ?? d.type).join(', ') })}</p>` : null}
    <figure class="transfer-map-figure">${raw(renderTransferMapSvg(input, locale))}</figure>
    ${heading(sub, `${opts.idBase}-steps`, t('tm.steps'))}
    ${
      route.steps.length
        ? html`<ol class="map-steps" aria-labelledby="${opts.idBase}-steps">${route.steps.map((s) => html`<li value="${s.n}">${stepSentence(s, locale, false, guides.get(s.n))}${opts.stepNotes?.(s.n) ?? null}</li>`)}</ol>`
        : html`<p>${t('tm.noSteps')}</p>`
    }
    ${asDrawnNote(guides, locale) ? html`<p class="muted as-drawn">${asDrawnNote(guides, locale)}</p>` : null}
    ${route.unknownSteps ? html`<p class="muted">${t('tm.unknownSteps', { n: route.unknownSteps })}</p>` : null}
    ${heading(sub, `${opts.idBase}-deps`, t('tm.dependsOn'))}
    ${route.dependsOn.length ? html`<ul class="depends-on">${route.dependsOn.map((d) => facilityStatus(locale, d))}</ul>` : html`<p>${t('tm.noDependsOn')}</p>`}
    <p class="downloads"><span>${t('tm.downloads')}:</span>
      <a href="${api}.pdf?${q}" type="application/pdf">${t('tm.pdf')}</a> ·
      <a href="${api}.svg?${q}" type="image/svg+xml">${t('tm.svg')}</a> ·
      <a href="${api}.txt?${q}" type="text/plain">${t('tm.txt')}</a></p>
  </div>`;
}
