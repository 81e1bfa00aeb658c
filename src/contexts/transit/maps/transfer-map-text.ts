import { translator } from '../../../core/i18n/messages.js';
import type { BlockedEdge, RouteStep } from '../routing/route-types.js';
import { englishPlace } from '../routing/instructions.js';
import { layoutTransferMap, type LegendKey } from './layout.js';
import type { MapLocale, TransferMapInput } from './map-input.js';
import { mapMessages, type MapMessageKey } from './messages.js';
import { stepGuides, type StepGuide } from './step-guides.js';

/**
 * The transfer map as plain sentences, for screen readers and for anyone who prefers text: what to board
 * first (that is what a traveller acts on last but must know before leaving), then the time and counts,
 * the numbered steps (same numbers as the map), what the route depends on, and where the data came from.
 * The SVG's <desc> and the PDF reuse the sentences built here.
 */
export type MapTranslate = (key: MapMessageKey, vars?: Record<string, string | number>) => string;
export const mapTranslator = (locale: MapLocale): MapTranslate => translator(mapMessages, locale);

export function formatDuration(t: MapTranslate, seconds: number): string {
  return seconds < 60 ? t('map.timeSeconds', { s: Math.max(1, Math.round(seconds)) }) : t('map.time', { min: Math.round(seconds / 60) });
}

/**
 * "2025-08-14T00:30:00Z" → "2025-08-14 09:30": a time with a zone is shown in Seoul time (UTC+9, no daylight
 * saving since 1988, so plain arithmetic: no clock, no time-zone database); one without a zone as written.
 */
export function formatGeneratedAt(iso: string): string {
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(iso);
  const ms = Date.parse(iso);
  if (zoned && !Number.isNaN(ms)) return new Date(ms + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(iso);
  return m ? [m[1], m[2]].filter(Boolean).join(' ') : iso;
}

export function mapTitle(input: TransferMapInput, locale: MapLocale): string {
  const station = locale === 'en' ? (input.station.nameEn ?? input.station.nameKo) : input.station.nameKo;
  return mapTranslator(locale)('map.title', { station, profile: input.profile.label[locale] });
}

const endName = (end: { id: string; name: string | null }) => end.name ?? end.id;

/** One sentence: from, to, number of steps and time (or that there is no route). */
export function routeSummary(input: TransferMapInput, locale: MapLocale): string {
  const t = mapTranslator(locale);
  const { route } = input;
  const from = endName(route.from);
  const to = endName(route.to);
  if (!route.feasible) return t('map.summaryInfeasible', { from, to });
  const time = route.timeS === null ? '?' : formatDuration(t, route.timeS);
  const slow =
    route.timeSlowS !== null && route.timeS !== null && Math.round(route.timeSlowS / 60) > Math.round(route.timeS / 60)
      ? t('map.timeRange', { time, slow: formatDuration(t, route.timeSlowS) })
      : time;
  return t('map.summary', { from, to, steps: route.steps.length, time: slow });
}

export function legendLabel(key: LegendKey, t: MapTranslate, input: TransferMapInput): string {
  if (key.startsWith('mode.')) return t(key as `mode.${RouteStep['mode']}`);
  const advice = input.route.boardAt;
  if (key === 'boarding' && advice) return `${t('legend.boarding')} (${advice.car}-${advice.door})`;
  return t(`legend.${key}` as 'legend.route');
}

/**
 * "1. … (엘리베이터, 약 2분)" plus the turn and landmarks (when a guide is given), assistance and unknown data;
 * `numbered: false` leaves out the "1. ".
 */
export function stepSentence(step: RouteStep, locale: MapLocale, numbered = true, guide?: StepGuide): string {
  const t = mapTranslator(locale);
  const details = [t(`mode.${step.mode}`), formatDuration(t, step.timeS)];
  if (step.lengthM !== null) details.push(t('map.length', { m: Math.round(step.lengthM) }));
  const parts = [`${numbered ? `${step.n}. ` : ''}${step.instruction[locale]} (${details.join(', ')})`];
  const guided = guideWords(guide, locale);
  if (guided) parts.push(`${guided}.`);
  if (step.assistance) parts.push(t('map.assistance'));
  if (step.unknown.length) parts.push(t('map.unknown', { list: step.unknown.map((u) => unknownName(t, u)).join(', ') }));
  return parts.join(' ');
}

/** The guide as words after the step's instruction: "지도에서 왼쪽으로 꺾기 · 표지: 5번 출구". */
export function guideWords(guide: StepGuide | undefined, locale: MapLocale): string {
  if (!guide) return '';
  const t = mapTranslator(locale);
  const place = (name: string) => (locale === 'en' ? englishPlace(name) : name);
  const words = guide.landmarks.map((l) => {
    switch (l.kind) {
      case 'gate':
        return t('guide.gate');
      case 'exit':
        return t('guide.exit', { n: l.n });
      case 'carDoor':
        return t('guide.carDoor', { car: l.car, door: l.door });
      default:
        return place(l.name);
    }
  });
  const parts: string[] = [];
  if (guide.turn) parts.push(t(`guide.turn.${guide.turn}`));
  if (words.length) parts.push(t('guide.landmarks', { list: [...new Set(words)].join(', ') }));
  if (guide.position) parts.push(guide.position[locale]);
  return parts.join(' · ');
}

/** Said once wherever a direction is given: left and right are the map's, not the station's. */
export function asDrawnNote(guides: Map<number, StepGuide>, locale: MapLocale): string | null {
  return [...guides.values()].some((g) => g.turn) ? mapTranslator(locale)('guide.asDrawn') : null;
}

/** Every step's guide, from the map as drawn. */
export const guidesOf = (input: TransferMapInput): Map<number, StepGuide> => stepGuides(input, layoutTransferMap(input));

/** A facility status in words ('not_available' → '운행 중단' / 'out of service'). */
export function statusWord(t: MapTranslate, status: string): string {
  const key = `status.${status}`;
  return key in mapMessages ? t(key as MapMessageKey) : status;
}

function unknownName(t: MapTranslate, attribute: string): string {
  const key = `unknown.${attribute}`;
  return key in mapMessages ? t(key as MapMessageKey) : attribute;
}

export function boardingSentence(input: TransferMapInput, locale: MapLocale): string | null {
  const advice = input.route.boardAt;
  if (!advice) return null;
  const t = mapTranslator(locale);
  return `${t('map.boardAt', { label: advice.label[locale] })} ${t('map.boardWhy', { reason: advice.reason[locale] })}`;
}

/** "엘리베이터 (운행 중지): B1 2호선 대합실 – 2호선 승강장". */
export function blockedSentence(input: TransferMapInput, blocked: BlockedEdge, locale: MapLocale): string {
  const t = mapTranslator(locale);
  const reasonKey = `blocked.${blocked.reason}`;
  const reason = reasonKey in mapMessages ? t(reasonKey as MapMessageKey) : blocked.reason;
  const edge = input.edges.find((e) => e.pathwayId === blocked.pathwayId);
  const name = (id: string) => input.nodes.find((n) => n.stopId === id)?.name ?? id;
  const where = edge ? `: ${name(edge.fromStopId)} – ${name(edge.toStopId)}` : '';
  const mode = t(`mode.${blocked.mode}`);
  // "계단 (계단)" says nothing twice: the reason is left out when it only repeats the mode.
  const what = reason.toLowerCase() === mode.toLowerCase() ? mode : t('map.blocked', { mode, reason });
  return `${what}${where}`;
}

/** Provenance and date lines, shared by every output. */
export function provenanceLines(input: TransferMapInput, locale: MapLocale): string[] {
  const t = mapTranslator(locale);
  const lines = [t('map.generatedAt', { date: formatGeneratedAt(input.generatedAt) })];
  if (input.provenance) {
    lines.push(t('map.source', { source: input.provenance.source[locale] }));
    if (!input.provenance.fieldVerified) lines.push(t('map.notVerified'));
  }
  return lines;
}

export function transferMapText(input: TransferMapInput, locale: MapLocale): string[] {
  const t = mapTranslator(locale);
  const { route } = input;
  const lines = [mapTitle(input, locale)];
  if (!route.feasible) {
    lines.push(routeSummary(input, locale));
    if (route.reason) lines.push(t('map.infeasible', { message: route.reason.message[locale] }));
    const blocked = route.reason?.blockedBy ?? [];
    lines.push(t('map.blockedHeading'));
    lines.push(...(blocked.length ? blocked.map((b) => `- ${blockedSentence(input, b, locale)}`) : [`- ${t('map.noBlocked')}`]));
  } else {
    const boarding = boardingSentence(input, locale);
    if (boarding) lines.push(boarding);
    lines.push(routeSummary(input, locale));
    const c = route.counts;
    lines.push(t('map.counts', { elevators: c.elevatorRides, levels: c.levelChanges, gates: c.fareGates, stairs: c.stairs, escalators: c.escalators }));
    if (c.outdoorMetres > 0) lines.push(t('map.outdoor', { m: Math.round(c.outdoorMetres) }));
    const guides = guidesOf(input);
    lines.push(...[...route.steps].sort((a, b) => a.n - b.n).map((s) => stepSentence(s, locale, true, guides.get(s.n))));
    const note = asDrawnNote(guides, locale);
    if (note) lines.push(note);
    if (route.dependsOn.length) {
      const list = route.dependsOn.map((d) => t('map.facility', { name: d.name ?? d.facilityId, status: statusWord(t, d.status) })).join(', ');
      lines.push(t('map.dependsOn', { list }));
    }
    if (route.unknownSteps > 0) lines.push(t('map.unknownSteps', { n: route.unknownSteps }));
  }
  lines.push(...(input.status ?? []));
  lines.push(...provenanceLines(input, locale));
  return lines;
}
