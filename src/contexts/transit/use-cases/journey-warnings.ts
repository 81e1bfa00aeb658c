import { PROVENANCE_WORDS } from '../domain/provenance.js';
import type { UnplacedFacilityView } from '../interiors/unplaced.js';
import { UNKNOWN_WORDS } from '../routing/instructions.js';
import type { RideLeg, TransferLeg } from '../routing/plan-journey.js';
import type { RouteResult, Text } from '../routing/route-types.js';
import type { JourneyAnswer } from './find-journey.js';

/** One warning or unknown, at the part of the journey it concerns (and the step inside it). */
export interface JourneyWarning {
  /** Stable machine code, e.g. `access.no_lift_data`, `transfer.estimated`, `step.unknown`. */
  code: string;
  /** `journey`, `origin`, `destination`, or `leg:<index in legs>`. */
  at: string;
  /** The step number inside that part (its route's `steps[].n`), or null for the part as a whole. */
  step: number | null;
  message: Text;
}

const stepWarnings = (route: RouteResult | null, at: string): JourneyWarning[] =>
  (route?.steps ?? [])
    .filter((s) => s.unknown.length)
    .map((s) => ({
      code: 'step.unknown',
      at,
      step: s.n,
      message: {
        ko: `${s.n}단계에서 확인되지 않은 정보: ${s.unknown.map((u) => UNKNOWN_WORDS[u]?.ko ?? u).join(', ')}.`,
        en: `Step ${s.n}, not known: ${s.unknown.map((u) => UNKNOWN_WORDS[u]?.en ?? u).join(', ')}.`,
      },
    }));

const routeSource = (route: RouteResult, at: string): JourneyWarning[] =>
  route.assurance === 'surveyed'
    ? []
    : [
        {
          code: `route.${route.assurance}`,
          at,
          step: null,
          message: {
            ko: `이 구간 안내의 근거: ${PROVENANCE_WORDS[route.assurance].ko}.`,
            en: `What this part is guided from: ${PROVENANCE_WORDS[route.assurance].en}.`,
          },
        },
      ];

function legWarnings(leg: RideLeg | TransferLeg, i: number): JourneyWarning[] {
  const at = `leg:${i}`;
  if (leg.kind === 'ride') {
    return leg.estimated
      ? [
          {
            code: 'ride.estimated',
            at,
            step: null,
            message: { ko: '운행 시간 일부는 역 사이 거리로 추정했습니다.', en: 'Part of the run time is estimated from the distance between stations.' },
          },
        ]
      : [];
  }
  if (!leg.route) return leg.note ? [{ code: `transfer.${leg.source}`, at, step: null, message: leg.note }] : [];
  return [...routeSource(leg.route, at), ...stepWarnings(leg.route, at)];
}

/**
 * Every warning and unknown of a journey answer, in one list, each at the part it concerns. The page renders
 * exactly this list, each item in its place; nothing the API says is left off the page.
 */
export function journeyWarnings(a: Omit<JourneyAnswer, 'warnings'>, unplaced: Map<string, UnplacedFacilityView[]> = new Map()): JourneyWarning[] {
  const out: JourneyWarning[] = [];
  const missing = (stationId: string, at: string): JourneyWarning[] => {
    const lifts = unplaced.get(stationId) ?? [];
    return lifts.length
      ? [
          {
            code: 'interior.unplaced_lifts',
            at,
            step: null,
            message: {
              ko: `이 역의 엘리베이터·리프트 ${lifts.length}대는 역 내부 지도에 들어 있지 않아 경로에 쓰지 않았습니다 (${lifts.map((l) => `${l.name}: ${l.message.ko}`).join('; ')}).`,
              en: `${lifts.length} lift(s) of this station are not in its interior map, so the route does not use them (${lifts.map((l) => `${l.name}: ${l.message.en}`).join('; ')}).`,
            },
          },
        ]
      : [];
  };
  if (!a.feasible && a.reason) out.push({ code: 'journey.infeasible', at: 'journey', step: null, message: a.reason });
  if (a.disruption) out.push({ code: 'journey.outage_changed_route', at: 'journey', step: null, message: a.disruption.message });
  for (const [at, end] of [
    ['origin', a.access.origin],
    ['destination', a.access.destination],
  ] as const) {
    if (!end) continue;
    if (end.warning) out.push({ code: `access.${end.cause ?? end.state}`, at, step: null, message: end.warning });
    if (end.route) out.push(...stepWarnings(end.route, at));
    if (end.route || end.state === 'blocked') out.push(...missing(end.stationId, at));
  }
  if (a.feasible)
    a.legs.forEach((leg, i) => out.push(...legWarnings(leg, i), ...(leg.kind === 'transfer' && leg.route ? missing(leg.station.id, `leg:${i}`) : [])));
  return out;
}
