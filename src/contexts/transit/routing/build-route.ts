import { weakest } from '../domain/provenance.js';
import { BLOCK_REASONS, englishPlace, stepInstruction } from './instructions.js';
import type { BoardingAdvice, ProfileId, RouteOverrides, RouteResult, RouteStep, StepMode } from './route-types.js';
import { changesLevel } from './station-graph.js';
import type { StationRouter } from './station-router.js';

export interface RouteOptions {
  feed: string;
  stationId: string | null;
  overrides?: RouteOverrides;
  /** The direction the traveller arrives in (a station id or name), to choose the boarding door. */
  toward?: string | null;
}

const round = (s: number) => Math.round(s);

/**
 * The answer for one route inside a station: feasibility and why, times, numbered steps with spoken
 * instructions, counts, the facilities it depends on and where to board. Null when a place is unknown.
 */
export function buildRoute(router: StationRouter, fromId: string, toId: string, profile: ProfileId, opts: RouteOptions): RouteResult | null {
  const found = router.findPath(fromId, toId, profile, opts.overrides);
  if (!found) return null;
  const g = router.graph;
  const { table } = found;
  // Named as asked (a platform), even when its pathways start at the node beside it.
  const from = g.nodes[g.index.get(fromId)!]!;
  const to = g.nodes[g.index.get(toId)!]!;
  const base = {
    feed: opts.feed,
    stationId: opts.stationId,
    profile,
    from: { id: from.id, name: from.name, source: from.source ?? 'unknown' },
    to: { id: to.id, name: to.name, source: to.source ?? 'unknown' },
  };
  const emptyCounts = { elevatorRides: 0, levelChanges: 0, fareGates: 0, outdoorMetres: 0, stairs: 0, escalators: 0 };
  if (found.costS === Infinity) {
    const blockers = router.blockersBetween(table, found.from, found.to).map((k) => {
      const e = g.edges[g.arcEdge[k]!]!;
      return { pathwayId: e.id, mode: e.mode, reason: table.info[k]!.blocked!, facilityId: e.facilityId };
    });
    const reasons = [...new Set(blockers.map((b) => b.reason))];
    const ko = reasons.map((r) => BLOCK_REASONS[r]?.ko ?? r).join(', ');
    const en = reasons.map((r) => BLOCK_REASONS[r]?.en ?? r).join(', ');
    return {
      ...base,
      feasible: false,
      assurance: 'unknown' as const,
      timeS: null,
      timeSlowS: null,
      steps: [],
      counts: emptyCounts,
      dependsOn: [],
      unknownSteps: 0,
      boardAt: null,
      reason: blockers.length
        ? {
            code: 'blocked',
            blockedBy: blockers,
            message: {
              ko: `${table.profile.label.ko} 이용자가 지날 수 없는 곳이 있습니다: ${ko}.`,
              en: `No route for ${table.profile.label.en.toLowerCase()}: the way is blocked by ${en}.`,
            },
          }
        : {
            code: 'no_path',
            blockedBy: [],
            message: { ko: '두 곳을 잇는 통로가 데이터에 없습니다.', en: 'The data has no pathway between these two places.' },
          },
    };
  }

  const steps: RouteStep[] = [];
  const counts = { ...emptyCounts };
  const depends = new Map<string, RouteResult['dependsOn'][number]>();
  let time = 0;
  for (const k of found.arcs) {
    const edge = g.edges[g.arcEdge[k]!]!;
    const reversed = g.arcReversed[k] === 1;
    const a = g.nodes[g.arcFrom[k]!]!;
    const b = g.nodes[g.arcTo[k]!]!;
    const info = table.info[k]!;
    const state = edge.facilityId ? router.facilities.get(edge.facilityId) : undefined;
    // A stopped escalator is walked as stairs; the step says so.
    const mode: StepMode = edge.mode === 'escalator' && (state?.status === 'not_available' || state?.status === 'planned_outage') ? 'stairs' : edge.mode;
    time += info.timeS;
    if (mode === 'elevator') counts.elevatorRides++;
    if (mode === 'stairs') counts.stairs++;
    if (mode === 'escalator') counts.escalators++;
    if (mode === 'fare_gate') counts.fareGates++;
    if (changesLevel(a, b)) counts.levelChanges++;
    if (edge.outdoor && edge.lengthM) counts.outdoorMetres += edge.lengthM;
    if (edge.facilityId) {
      depends.set(edge.facilityId, { facilityId: edge.facilityId, type: state?.type ?? mode, name: state?.name ?? null, status: state?.status ?? 'unknown' });
    }
    steps.push({
      n: steps.length + 1,
      fromId: a.id,
      toId: b.id,
      pathwayId: edge.id,
      mode,
      reversed,
      fromName: a.name,
      toName: b.name,
      fromLevelId: a.levelId,
      toLevelId: b.levelId,
      timeS: round(info.timeS),
      lengthM: edge.lengthM,
      instruction: stepInstruction(mode, edge, reversed, a, b, info.unknown),
      facilityId: edge.facilityId,
      unknown: info.unknown,
      assistance: mode === 'stair_lift',
      source: edge.source ?? 'unknown',
    });
  }
  return {
    ...base,
    feasible: true,
    reason: null,
    assurance: weakest([base.from.source, base.to.source, ...steps.map((s) => s.source)]),
    timeS: round(time),
    timeSlowS: round(time * table.profile.slowFactor),
    steps,
    counts,
    dependsOn: [...depends.values()],
    unknownSteps: steps.filter((s) => s.unknown.length).length,
    boardAt: boardingFor(router, found.from, steps, opts.toward ?? null),
  };
}

/**
 * Where to board the train arriving at the route's first platform: the boarding position (GTFS location_type
 * 4) of that platform nearest to the first facility the route uses; when the platform serves both
 * directions, the one signed for the direction of travel.
 */
export function boardingFor(router: StationRouter, fromIndex: number, steps: RouteStep[], toward: string | null): BoardingAdvice | null {
  const g = router.graph;
  const start = g.nodes[fromIndex]!;
  const platformId = start.platformStopId ?? (start.locationType === 4 ? start.parentId : start.locationType === 0 ? start.id : null);
  if (!platformId) return null;
  const firstFacility = steps.find((s) => s.facilityId)?.facilityId ?? null;
  // Boarding positions are tied to the facility they are nearest to: with no facility on the route there is no door to advise.
  if (!firstFacility && start.locationType !== 4) return null;
  const candidates = start.locationType === 4 ? [start] : g.nodes.filter((n) => n.locationType === 4 && n.parentId === platformId && n.boarding);
  const near = candidates.filter((n) => n.boarding && (!firstFacility || n.boarding.facilityId === firstFacility));
  if (!near.length) return null;
  const bare = (s: string | null | undefined) =>
    (s ?? '')
      .replace(/\(.*?\)/g, '')
      .replace(/역$/, '')
      .trim();
  const chosen = (toward && near.find((n) => bare(n.boarding?.toward) === bare(toward))) || near[0]!;
  const b = chosen.boarding!;
  const facility = b.facilityId ? router.facilities.get(b.facilityId) : undefined;
  const what = facility ? (facility.name ?? facility.type) : null;
  return {
    stopId: chosen.id,
    car: b.car,
    door: b.door,
    toward: b.toward,
    label: {
      ko: `${b.toward ? `${b.toward} 방면 ` : ''}${b.car}번째 칸 ${b.door}번 문`,
      en: `Car ${b.car}, door ${b.door}${b.toward ? ` (towards ${b.toward})` : ''}`,
    },
    reason: {
      ko: what ? `${what}에 가장 가까운 문입니다.` : '경로의 첫 구간에 가장 가까운 문입니다.',
      en: what ? `The door nearest to ${englishPlace(what)}.` : 'The door nearest to the first step of the route.',
    },
  };
}
