import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoute } from './build-route.js';
import { stationArb } from './random-graphs.test-support.js';
import type { ProfileId, RouteOverrides, RouteResult, StepMode } from './route-types.js';
import type { FacilityState, PathEdge, PathNode } from './station-graph.js';
import { StationRouter } from './station-router.js';

/**
 * The profile rules of research/transit-anchors.md §5.4, each proved on a small hand-made station routed end to
 * end (StationRouter + buildRoute). Platform P is on B2, concourse C on B1; other places are added per test.
 */
const node = (id: string, levelIndex: number, extra: Partial<PathNode> = {}): PathNode => ({
  id, name: id, locationType: 3, parentId: null, levelId: `L${levelIndex}`, levelIndex, levelName: levelIndex === 0 ? '1' : `B${-levelIndex}`, ...extra,
});
const edge = (id: string, mode: StepMode, from: string, to: string, extra: Partial<PathEdge> = {}): PathEdge => ({
  id, from, to, mode, bidirectional: true, lengthM: null, traversalTimeS: null, stairCount: null, maxSlope: null, minWidthM: null,
  stepHeightCm: null, wideGate: null, handrail: null, tactile: null, audio: null, outdoor: false, facilityId: null,
  signpostedAs: null, reversedSignpostedAs: null, platformBoarding: false, assistancePhone: null, ...extra,
});
const facility = (id: string, status = 'available', type = 'elevator'): FacilityState => ({ id, type, name: `${type} ${id}`, status });
const station = (edges: PathEdge[], facilities: FacilityState[] = [], more: PathNode[] = []) =>
  new StationRouter([node('P', -2), node('C', -1), node('X', -1), node('Q', -2), ...more], edges, facilities);

interface Ask { from?: string; to?: string; overrides?: RouteOverrides; toward?: string }
const route = (r: StationRouter, profile: ProfileId, ask: Ask = {}): RouteResult =>
  buildRoute(r, ask.from ?? 'P', ask.to ?? 'C', profile, { feed: 'test', stationId: null, overrides: ask.overrides, toward: ask.toward ?? null })!;
const via = (r: RouteResult) => r.steps.map((s) => s.pathwayId);
const blockedBy = (r: RouteResult) => r.reason?.blockedBy.map((b) => `${b.pathwayId}:${b.reason}`) ?? [];

// The ways between platform and concourse (P → C is one level up).
const stairs = (extra: Partial<PathEdge> = {}) => edge('stairs', 'stairs', 'P', 'C', { stairCount: 30, handrail: true, tactile: true, ...extra });
const escalator = (extra: Partial<PathEdge> = {}) => edge('esc', 'escalator', 'P', 'C', { bidirectional: false, lengthM: 20, facilityId: 'ES', ...extra });
const elevator = (id = 'elev', facilityId = 'EL', extra: Partial<PathEdge> = {}) => edge(id, 'elevator', 'P', 'C', { facilityId, audio: true, ...extra });
// A level walkway C → X with every attribute known (and then overridden per test).
const walk = (extra: Partial<PathEdge> = {}) => edge('walk', 'walkway', 'C', 'X', { lengthM: 20, minWidthM: 2, maxSlope: 0, stepHeightCm: 0, ...extra });

const STEP_FREE: ProfileId[] = ['wheelchair', 'powered_wheelchair', 'stroller'];

describe('stairs, escalators and elevators per profile', () => {
  const stairsOrLift = station([stairs(), elevator()], [facility('EL')]);
  const threeWays = station([stairs(), escalator(), elevator()], [facility('EL'), facility('ES', 'available', 'escalator')]);

  it('walking takes the short stairs; step-free profiles take the elevator', () => {
    expect(via(route(stairsOrLift, 'walking'))).toEqual(['stairs']);
    for (const p of STEP_FREE) expect(via(route(stairsOrLift, p)), p).toEqual(['elev']);
  });

  it('elderly and pregnant prefer escalator or elevator over 30 stairs', () => {
    for (const p of ['elderly', 'pregnant'] as const) {
      expect(via(route(stairsOrLift, p)), p).toEqual(['elev']);
      expect(via(route(threeWays, p)), p).toEqual(['esc']);
    }
    // A few steps are still fine for them.
    const fewSteps = station([stairs({ stairCount: 3 }), elevator()], [facility('EL')]);
    expect(via(route(fewSteps, 'elderly'))).toEqual(['stairs']);
  });

  it('low vision takes stairs with handrail and tactile paving, and avoids them without when an alternative is close', () => {
    expect(via(route(threeWays, 'low_vision'))).toEqual(['stairs']);
    const unsafe = [stairs({ handrail: false }), escalator()];
    expect(via(route(station(unsafe, [facility('ES', 'available', 'escalator')]), 'low_vision'))).toEqual(['esc']);
    expect(via(route(station([stairs({ tactile: false }), elevator()], [facility('EL')]), 'low_vision'))).toEqual(['elev']);
    // Unknown handrail/tactile is flagged when the stairs are still the way.
    const r = route(station([stairs({ handrail: null })]), 'low_vision');
    expect(r.steps[0]!.unknown).toContain('handrail_tactile');
  });

  it('wheelchair, powered wheelchair and stroller never use stairs or escalators (hand-made and random stations)', () => {
    const variants = [
      [stairsOrLift.graph.nodes, stairsOrLift.graph.edges, [facility('EL')]],
      [threeWays.graph.nodes, threeWays.graph.edges, [facility('EL')]],
      [stairsOrLift.graph.nodes, [stairs(), escalator(), elevator('elev', 'EL', { traversalTimeS: 900 })], [facility('EL')]],
      [stairsOrLift.graph.nodes, [escalator({ bidirectional: true }), stairs(), edge('lift', 'stair_lift', 'P', 'C', { facilityId: 'SL' })], []],
      [stairsOrLift.graph.nodes, [escalator({ facilityId: 'ES' }), walk(), edge('s2', 'stairs', 'X', 'Q', { stairCount: -10 })], [facility('ES', 'not_available')]],
    ] as const;
    const check = (nodes: readonly PathNode[], edges: readonly PathEdge[], facilities: readonly FacilityState[]) => {
      const r = new StationRouter([...nodes], [...edges], [...facilities]);
      for (const p of STEP_FREE) {
        for (const a of nodes) {
          for (const b of nodes) {
            const modes = route(r, p, { from: a.id, to: b.id }).steps.map((s) => s.mode);
            expect(modes, `${p} ${a.id}→${b.id}`).not.toContain('stairs');
            expect(modes, `${p} ${a.id}→${b.id}`).not.toContain('escalator');
          }
        }
      }
    };
    for (const [nodes, edges, facilities] of variants) check(nodes, edges, facilities);
    fc.assert(fc.property(stationArb('r', 8), ({ nodes, edges, facilities }) => check(nodes, edges, facilities)), { numRuns: 60 });
  });
});

describe('facility status', () => {
  it('an elevator out of service is avoided by every profile', () => {
    const ways = [elevator('e1', 'F1', { traversalTimeS: 10 }), elevator('e2', 'F2', { traversalTimeS: 60 })];
    const working = station(ways, [facility('F1'), facility('F2')]);
    const broken = station(ways, [facility('F1', 'not_available'), facility('F2')]);
    for (const p of ['walking', 'wheelchair', 'powered_wheelchair', 'elderly', 'stroller', 'pregnant', 'low_vision'] as const) {
      expect(via(route(working, p)), p).toEqual(['e1']);
      const r = route(broken, p);
      expect(via(r), p).toEqual(['e2']);
      expect(r.dependsOn.map((d) => d.facilityId), p).toEqual(['F2']);
    }
  });

  const onlyStepFree = (edges: PathEdge[]) => {
    const r = route(station(edges, [facility('EL', 'not_available')]), 'wheelchair');
    expect(r.feasible).toBe(false);
    expect(r.timeS).toBeNull();
    expect(r.reason?.code).toBe('blocked');
    expect(r.reason?.blockedBy).toContainEqual({ pathwayId: 'elev', mode: 'elevator', reason: 'out_of_service', facilityId: 'EL' });
    expect(r.reason?.message.en).toContain('out of service');
  };
  it('when the broken elevator is the only step-free way, the wheelchair route is blocked by it', () => onlyStepFree([elevator(), stairs()]));
  // blockersBetween prices an outage below a permanent block, so the lift is named whatever the order of the data.
  it('… whatever the order of the pathways', () => onlyStepFree([stairs(), elevator()]));

  it('a stopped escalator is walked as stairs, and blocks the wheelchair', () => {
    const r = station([escalator()], [facility('ES', 'not_available', 'escalator')]);
    const walking = route(r, 'walking');
    expect(walking.steps.map((s) => s.mode)).toEqual(['stairs']);
    expect(walking.counts).toMatchObject({ stairs: 1, escalators: 0 });
    expect(walking.dependsOn).toEqual([{ facilityId: 'ES', type: 'escalator', name: 'escalator ES', status: 'not_available' }]);
    const wheelchair = route(r, 'wheelchair');
    expect(wheelchair.feasible).toBe(false);
    expect(blockedBy(wheelchair)).toEqual(['esc:stairs']);
    // Control: the same escalator running is an escalator.
    expect(route(station([escalator()], [facility('ES', 'available', 'escalator')]), 'walking').steps[0]!.mode).toBe('escalator');
  });
});

describe('unknown attributes', () => {
  it('a walkway of unknown width and slope is flagged for the wheelchair, not for walking', () => {
    const r = station([walk({ minWidthM: null, maxSlope: null })]);
    const w = route(r, 'wheelchair', { from: 'C', to: 'X' });
    expect(w.steps[0]!.unknown).toEqual(expect.arrayContaining(['min_width', 'max_slope']));
    expect(w.unknownSteps).toBeGreaterThanOrEqual(1);
    expect(w.steps[0]!.instruction.en).toMatch(/Not yet verified: .*passage width.*slope/);
    expect(w.steps[0]!.instruction.ko).toContain('확인되지 않은 정보');
    const walking = route(r, 'walking', { from: 'C', to: 'X' });
    expect(walking.steps[0]!.unknown).toEqual([]);
    expect(walking.unknownSteps).toBe(0);
    expect(walking.steps[0]!.instruction.en).not.toContain('Not yet verified');
  });

  it('the wheelchair prefers a longer walkway it knows to a short unknown one', () => {
    const r = station([walk({ id: 'short', minWidthM: null, maxSlope: null }), walk({ id: 'long', lengthM: 100 })]);
    expect(via(route(r, 'wheelchair', { from: 'C', to: 'X' }))).toEqual(['long']);
    expect(via(route(r, 'walking', { from: 'C', to: 'X' }))).toEqual(['short']);
  });

  it('an elevator with no known status is flagged for the wheelchair', () => {
    const r = route(station([elevator('elev', 'NOSTATUS')]), 'wheelchair');
    expect(r.feasible).toBe(true);
    expect(r.steps[0]!.unknown).toContain('status');
    expect(r.dependsOn).toEqual([{ facilityId: 'NOSTATUS', type: 'elevator', name: null, status: 'unknown' }]);
    expect(route(station([elevator('elev', 'NOSTATUS')]), 'walking').steps[0]!.unknown).toEqual([]);
  });
});

describe('slopes, widths, steps and gates', () => {
  const cx = { from: 'C', to: 'X' };

  it('slope 0.10 blocks the manual wheelchair (both ways) but not the powered one (limit 0.12)', () => {
    const r = station([walk({ mode: 'ramp', maxSlope: 0.1 })]);
    expect(blockedBy(route(r, 'wheelchair', cx))).toEqual(['walk:slope']);
    expect(blockedBy(route(r, 'wheelchair', { from: 'X', to: 'C' }))).toEqual(['walk:slope']);
    expect(route(r, 'powered_wheelchair', cx).feasible).toBe(true);
    expect(route(station([walk({ maxSlope: 0.13 })]), 'powered_wheelchair', cx).feasible).toBe(false);
  });

  it('a user maxSlope of 0.05 blocks a 0.06 slope for the elderly', () => {
    const r = station([walk({ maxSlope: 0.06 })]);
    expect(route(r, 'elderly', cx).feasible).toBe(true);
    expect(route(r, 'wheelchair', cx).feasible).toBe(true);
    expect(blockedBy(route(r, 'elderly', { ...cx, overrides: { maxSlope: 0.05 } }))).toEqual(['walk:slope']);
  });

  it('avoidEscalators makes walking take the stairs, or blocks it', () => {
    const r = station([stairs({ stairCount: 100 }), escalator()], [facility('ES', 'available', 'escalator')]);
    expect(via(route(r, 'walking'))).toEqual(['esc']);
    expect(via(route(r, 'walking', { overrides: { avoidEscalators: true } }))).toEqual(['stairs']);
    const only = station([escalator()], [facility('ES', 'available', 'escalator')]);
    expect(blockedBy(route(only, 'walking', { overrides: { avoidEscalators: true } }))).toEqual(['esc:escalator']);
  });

  it('0.8 m blocks the wheelchair but not the stroller; 0.6 m blocks the stroller', () => {
    const narrow = station([walk({ minWidthM: 0.8 })]);
    expect(blockedBy(route(narrow, 'wheelchair', cx))).toEqual(['walk:width']);
    expect(blockedBy(route(narrow, 'powered_wheelchair', cx))).toEqual(['walk:width']);
    expect(route(narrow, 'stroller', cx).feasible).toBe(true);
    const narrower = station([walk({ minWidthM: 0.6 })]);
    expect(blockedBy(route(narrower, 'stroller', cx))).toEqual(['walk:width']);
    expect(route(narrower, 'walking', cx).feasible).toBe(true);
  });

  it('a 3 cm step blocks the wheelchair; 1 cm does not', () => {
    expect(blockedBy(route(station([walk({ stepHeightCm: 3 })]), 'wheelchair', cx))).toEqual(['walk:step']);
    expect(route(station([walk({ stepHeightCm: 3 })]), 'stroller', cx).feasible).toBe(true);
    expect(route(station([walk({ stepHeightCm: 1 })]), 'wheelchair', cx).feasible).toBe(true);
  });

  it('fare gates without a wide gate block the wheelchair and stroller; a wide gate passes', () => {
    const turnstiles = station([edge('gate', 'fare_gate', 'C', 'X', { wideGate: false })]);
    expect(blockedBy(route(turnstiles, 'wheelchair', cx))).toEqual(['gate:gate']);
    expect(blockedBy(route(turnstiles, 'stroller', cx))).toEqual(['gate:gate']);
    expect(route(turnstiles, 'walking', cx).counts.fareGates).toBe(1);
    const wide = route(station([edge('gate', 'fare_gate', 'C', 'X', { wideGate: true })]), 'wheelchair', cx);
    expect(wide.feasible).toBe(true);
    expect(wide.steps[0]!.instruction.en).toContain('wide gate');
  });
});

describe('stair lift', () => {
  const lift = edge('lift', 'stair_lift', 'P', 'C', { facilityId: 'SL', assistancePhone: '02-6110-1234' });
  const longWay = [edge('far', 'walkway', 'P', 'Q', { lengthM: 300, minWidthM: 2, maxSlope: 0, stepHeightCm: 0 }), edge('elev', 'elevator', 'Q', 'C', { facilityId: 'EL' })];
  const facilities = [facility('SL', 'available', 'stair_lift'), facility('EL')];

  it('is the wheelchair’s last resort: a longer elevator route wins', () => {
    const r = route(station([lift, ...longWay], facilities), 'wheelchair');
    expect(via(r)).toEqual(['far', 'elev']);
    expect(r.timeS).toBeGreaterThan(300); // slower than the lift's 300 s, still chosen
  });

  it('without an elevator the wheelchair uses it, with staff assistance', () => {
    for (const p of ['wheelchair', 'powered_wheelchair'] as const) {
      const r = route(station([lift], facilities), p);
      expect(via(r), p).toEqual(['lift']);
      expect(r.steps[0]!.assistance).toBe(true);
      expect(r.steps[0]!.instruction.en).toMatch(/staff.*02-6110-1234/);
      expect(r.steps[0]!.instruction.ko).toContain('역무원');
    }
  });

  it('is blocked for stroller and elderly (and everyone else)', () => {
    for (const p of ['stroller', 'elderly', 'pregnant', 'low_vision', 'walking'] as const) {
      expect(blockedBy(route(station([lift], facilities), p)), p).toEqual(['lift:stair_lift']);
    }
  });
});

describe('times, counts and dependencies on a known route', () => {
  // Platform P (B3) → concourse C (B1) → fare gate → G → 40 m → H → street S; each level change by elevator or stairs.
  const r = new StationRouter([node('P', -3), node('C', -1), node('G', -1), node('H', -1), node('S', 0)], [
    edge('e1', 'elevator', 'P', 'C', { facilityId: 'EL1' }),
    edge('st1', 'stairs', 'P', 'C', { stairCount: 60 }),
    edge('gate', 'fare_gate', 'C', 'G', { wideGate: true }),
    edge('w', 'walkway', 'G', 'H', { lengthM: 40, minWidthM: 2, maxSlope: 0, stepHeightCm: 0 }),
    edge('e2', 'elevator', 'H', 'S', { facilityId: 'EL2' }),
    edge('st2', 'stairs', 'H', 'S', { stairCount: 25 }),
  ], [facility('EL1'), facility('EL2', 'partially_available')]);
  const ask = { from: 'P', to: 'S' };

  it('wheelchair: OTP elevator timing (90 s board + 20 s per level), counts, slow estimate and facilities', () => {
    const w = route(r, 'wheelchair', ask);
    expect(via(w)).toEqual(['e1', 'gate', 'w', 'e2']);
    expect(w.steps.map((s) => s.n)).toEqual([1, 2, 3, 4]);
    expect(w.steps.map((s) => s.timeS)).toEqual([90 + 2 * 20, 10, 57, 90 + 20]);
    expect(w.timeS).toBe(Math.round(130 + 10 + 40 / 0.7 + 110));
    expect(w.timeSlowS).toBeGreaterThan(w.timeS!);
    expect(w.counts).toEqual({ elevatorRides: 2, levelChanges: 2, fareGates: 1, outdoorMetres: 0, stairs: 0, escalators: 0 });
    expect(w.dependsOn).toEqual([
      { facilityId: 'EL1', type: 'elevator', name: 'elevator EL1', status: 'available' },
      { facilityId: 'EL2', type: 'elevator', name: 'elevator EL2', status: 'partially_available' },
    ]);
  });

  it('walking: the stairs, no facilities', () => {
    const w = route(r, 'walking', ask);
    expect(via(w)).toEqual(['st1', 'gate', 'w', 'st2']);
    expect(w.counts).toEqual({ elevatorRides: 0, levelChanges: 2, fareGates: 1, outdoorMetres: 0, stairs: 2, escalators: 0 });
    expect(w.dependsOn).toEqual([]);
    expect(w.timeSlowS).toBeGreaterThan(w.timeS!);
  });
});

describe('boarding advice', () => {
  // Platform PL routes from its pathway node PN; B1/B3 stand by elevator A (two directions), B2 by elevator B.
  const position = (id: string, car: number, door: number, toward: string, facilityId: string) =>
    node(id, -2, { locationType: 4, parentId: 'PL', boarding: { line: '2', car, door, toward, facilityId } });
  const r = new StationRouter([
    node('PL', -2, { locationType: 0, pathwayStopId: 'PN' }), node('PN', -2, { platformStopId: 'PL' }),
    position('B1', 2, 3, '강남', 'EA'), position('B2', 8, 1, '강남', 'EB'), position('B3', 9, 2, '시청', 'EA'),
    node('CA', -1), node('CB', -1), node('X', -2),
  ], [
    ...['B1', 'B2', 'B3'].map((b) => edge(`to-${b}`, 'walkway', 'PN', b, { lengthM: 30, platformBoarding: true })),
    edge('ea', 'elevator', 'PN', 'CA', { facilityId: 'EA' }), edge('eb', 'elevator', 'PN', 'CB', { facilityId: 'EB' }),
    edge('x', 'walkway', 'PN', 'X', { lengthM: 20, minWidthM: 2, maxSlope: 0 }),
  ], [facility('EA'), facility('EB')]);

  it('advises the door next to the elevator the route uses', () => {
    const a = route(r, 'wheelchair', { from: 'PL', to: 'CA' });
    expect(via(a)).toEqual(['ea']);
    expect(a.boardAt).toMatchObject({ stopId: 'B1', car: 2, door: 3 });
    expect(a.boardAt?.reason.en).toContain('elevator EA');
    expect(route(r, 'wheelchair', { from: 'PL', to: 'CB' }).boardAt).toMatchObject({ stopId: 'B2', car: 8, door: 1 });
  });

  it('chooses the position signed for the direction of travel', () => {
    expect(route(r, 'wheelchair', { from: 'PL', to: 'CA', toward: '시청역' }).boardAt).toMatchObject({ stopId: 'B3', car: 9, door: 2, toward: '시청' });
    expect(route(r, 'wheelchair', { from: 'PL', to: 'CA', toward: '강남 (Gangnam)' }).boardAt).toMatchObject({ stopId: 'B1', toward: '강남' });
  });

  it('gives no door when the route uses no facility', () => {
    const x = route(r, 'wheelchair', { from: 'PL', to: 'X' });
    expect(via(x)).toEqual(['x']);
    expect(x.boardAt).toBeNull();
  });
});

describe('passages between levels', () => {
  // A walkway from platform P (B2) up to concourse C (B1) with no slope or step data: a guess for a wheelchair.
  const unknownPassage = (extra: Partial<PathEdge> = {}) => station([edge('pass', 'walkway', 'P', 'C', { lengthM: 75, ...extra })]);

  it('is not taken by travellers who cannot use stairs when nothing says it is step-free, and says why', () => {
    for (const p of STEP_FREE) {
      const r = route(unknownPassage(), p);
      expect(r.feasible, p).toBe(false);
      expect(blockedBy(r), p).toEqual(['pass:level_change_unknown']);
    }
    expect(route(unknownPassage(), 'walking').feasible).toBe(true);
    expect(route(unknownPassage(), 'elderly').feasible).toBe(true);
  });

  it('is taken when its slope is known to be gentle (a ramp), and refused when too steep', () => {
    expect(via(route(unknownPassage({ maxSlope: 0.05, minWidthM: 1.5 }), 'wheelchair'))).toEqual(['pass']);
    expect(blockedBy(route(unknownPassage({ maxSlope: 0.1, minWidthM: 1.5 }), 'wheelchair'))).toEqual(['pass:slope']);
  });
});
