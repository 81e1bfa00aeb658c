import { buildRoute } from './build-route.js';
import type { ProfileId, RouteOverrides, RouteResult, StepMode } from './route-types.js';
import type { FacilityState, PathEdge, PathNode } from './station-graph.js';
import { StationRouter } from './station-router.js';

/**
 * Small hand-made stations for the profile-rule tests (research/transit-anchors.md §5.4), routed end to end
 * (StationRouter + buildRoute). Platform P is on B2, concourse C on B1; other places are added per test.
 */
export const node = (id: string, levelIndex: number, extra: Partial<PathNode> = {}): PathNode => ({
  id,
  name: id,
  locationType: 3,
  parentId: null,
  levelId: `L${levelIndex}`,
  levelIndex,
  levelName: levelIndex === 0 ? '1' : `B${-levelIndex}`,
  ...extra,
});
export const edge = (id: string, mode: StepMode, from: string, to: string, extra: Partial<PathEdge> = {}): PathEdge => ({
  id,
  from,
  to,
  mode,
  bidirectional: true,
  lengthM: null,
  traversalTimeS: null,
  stairCount: null,
  maxSlope: null,
  minWidthM: null,
  stepHeightCm: null,
  wideGate: null,
  handrail: null,
  tactile: null,
  audio: null,
  outdoor: false,
  facilityId: null,
  signpostedAs: null,
  reversedSignpostedAs: null,
  platformBoarding: false,
  assistancePhone: null,
  ...extra,
});
export const facility = (id: string, status = 'available', type = 'elevator'): FacilityState => ({ id, type, name: `${type} ${id}`, status });
export const station = (edges: PathEdge[], facilities: FacilityState[] = [], more: PathNode[] = []) =>
  new StationRouter([node('P', -2), node('C', -1), node('X', -1), node('Q', -2), ...more], edges, facilities);

export interface Ask {
  from?: string;
  to?: string;
  overrides?: RouteOverrides;
  toward?: string;
}
export const route = (r: StationRouter, profile: ProfileId, ask: Ask = {}): RouteResult =>
  buildRoute(r, ask.from ?? 'P', ask.to ?? 'C', profile, { feed: 'test', stationId: null, overrides: ask.overrides, toward: ask.toward ?? null })!;
export const via = (r: RouteResult) => r.steps.map((s) => s.pathwayId);
export const blockedBy = (r: RouteResult) => r.reason?.blockedBy.map((b) => `${b.pathwayId}:${b.reason}`) ?? [];

// The ways between platform and concourse (P → C is one level up).
export const stairs = (extra: Partial<PathEdge> = {}) => edge('stairs', 'stairs', 'P', 'C', { stairCount: 30, handrail: true, tactile: true, ...extra });
export const escalator = (extra: Partial<PathEdge> = {}) =>
  edge('esc', 'escalator', 'P', 'C', { bidirectional: false, lengthM: 20, facilityId: 'ES', ...extra });
export const elevator = (id = 'elev', facilityId = 'EL', extra: Partial<PathEdge> = {}) =>
  edge(id, 'elevator', 'P', 'C', { facilityId, audio: true, ...extra });
// A level walkway C → X with every attribute known (and then overridden per test).
export const walk = (extra: Partial<PathEdge> = {}) => edge('walk', 'walkway', 'C', 'X', { lengthM: 20, minWidthM: 2, maxSlope: 0, stepHeightCm: 0, ...extra });

export const STEP_FREE: ProfileId[] = ['wheelchair', 'powered_wheelchair', 'stroller'];
