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

describe('traversal_time from the feed', () => {
  const ALL: ProfileId[] = ['walking', 'wheelchair', 'powered_wheelchair', 'elderly', 'stroller', 'pregnant', 'low_vision'];
  const stepTime = (r: StationRouter, p: ProfileId, ask: Ask = {}) => route(r, p, ask).steps.map((s) => s.timeS);

  it('is the walking time of two 30 s staircases, not a guess from a step count', () => {
    const r = new StationRouter([node('P', -2), node('M', -1), node('C', 0)], [
      edge('s1', 'stairs', 'P', 'M', { traversalTimeS: 30 }), edge('s2', 'stairs', 'M', 'C', { traversalTimeS: 30, stairCount: 24 }),
    ]);
    const w = route(r, 'walking');
    expect(w.steps.map((s) => s.timeS)).toEqual([30, 30]);
    expect(w.timeS).toBe(60);
    expect(w.counts).toMatchObject({ stairs: 2, levelChanges: 2 });
    // Slower climbers take longer, by their seconds per step going up relative to walking's (elderly 1.2 ÷ 0.6).
    expect(stepTime(r, 'elderly')).toEqual([60, 60]);
    expect(stepTime(r, 'pregnant')).toEqual([45, 45]);
    // Going down, by the seconds per step going down (elderly 1.5 ÷ 0.5).
    expect(stepTime(r, 'walking', { from: 'C', to: 'P' })).toEqual([30, 30]);
    expect(stepTime(r, 'elderly', { from: 'C', to: 'P' })).toEqual([90, 90]);
  });

  it('is honoured for every mode: walking gets the feed’s value exactly, slower profiles more', () => {
    const cases: Array<[StepMode, Partial<PathEdge>]> = [
      ['walkway', { lengthM: 100, minWidthM: 2, maxSlope: 0 }], ['ramp', { lengthM: 40, maxSlope: 0.04, minWidthM: 2 }],
      ['travelator', { lengthM: 80, minWidthM: 2 }], ['elevator', { facilityId: 'EL', audio: true }],
      ['escalator', { facilityId: 'ES' }], ['stairs', { stairCount: 40, handrail: true, tactile: true }],
      ['fare_gate', { wideGate: true }], ['exit_gate', { wideGate: true }], ['stair_lift', { facilityId: 'SL' }],
    ];
    for (const [mode, extra] of cases) {
      const r = station([edge('x', mode, 'P', 'C', { traversalTimeS: 37, ...extra })], [facility('EL'), facility('ES', 'available', 'escalator'), facility('SL', 'available', 'stair_lift')]);
      const walking = route(r, 'walking');
      if (mode === 'stair_lift') {
        expect(walking.feasible).toBe(false);
        expect(stepTime(r, 'wheelchair')).toEqual([37]); // a machine: the feed's time for whoever can ride it
        continue;
      }
      expect(walking.steps.map((s) => s.timeS), mode).toEqual([37]);
      for (const p of ALL) {
        const other = route(r, p);
        if (!other.feasible) continue;
        expect(other.steps[0]!.timeS, `${mode} ${p}`).toBeGreaterThanOrEqual(37);
        // Machines run at their own speed; everything walked takes a slower traveller longer.
        if (p !== 'walking' && p !== 'powered_wheelchair' && mode !== 'escalator') expect(other.steps[0]!.timeS, `${mode} ${p}`).toBeGreaterThan(37);
      }
    }
    // The scale is the profile's speed relative to walking's (1.2 m/s ÷ 0.7 m/s for a manual wheelchair) …
    const walkway = station([walk({ traversalTimeS: 70 })]);
    expect(stepTime(walkway, 'wheelchair', { from: 'C', to: 'X' })).toEqual([120]);
    // … and for an elevator the profile's boarding and per-level time relative to walking's ((90 + 20) ÷ (40 + 10)).
    expect(stepTime(station([elevator('elev', 'EL', { traversalTimeS: 50 })], [facility('EL')]), 'wheelchair')).toEqual([110]);
  });

  it('is not the climb of a stopped escalator walked as stairs (its time is the ride)', () => {
    const r = station([escalator({ traversalTimeS: 20, lengthM: null })], [facility('ES', 'not_available', 'escalator')]);
    const w = route(r, 'walking');
    expect(w.steps[0]!.mode).toBe('stairs');
    expect(w.steps[0]!.timeS).toBe(Math.round(Math.round(4.5 / 0.16) * 0.6));
  });

  it('without it, the length and the profile’s speed give the time, as before', () => {
    expect(stepTime(station([walk({ lengthM: 60 })]), 'walking', { from: 'C', to: 'X' })).toEqual([50]);
    expect(stepTime(station([stairs()]), 'walking')).toEqual([18]);
  });
});

describe('level changes are never hidden', () => {
  // A walkway from platform P (B2) up to concourse C (B1): no slope, no step count.
  const passage = station([edge('pass', 'walkway', 'P', 'C', { lengthM: 75, traversalTimeS: 63 })]);
  const STAIRS_OK: ProfileId[] = ['walking', 'elderly', 'pregnant', 'low_vision'];

  it('counts a walkway between levels as a level change and says so in both languages, for every profile that can take it', () => {
    for (const p of STAIRS_OK) {
      const r = route(passage, p);
      expect(r.feasible, p).toBe(true);
      expect(r.counts.levelChanges, p).toBe(1);
      const [step] = r.steps;
      expect(step!.instruction.ko, p).toContain('B2층에서 B1층으로 올라갑니다');
      expect(step!.instruction.ko, p).toContain('계단이 있는지, 경사가 얼마인지는 자료에 없습니다');
      expect(step!.instruction.en, p).toContain('It goes up from level B2 to level B1. Whether it has steps, and how steep it is, is not in the data.');
    }
    expect(route(passage, 'walking', { from: 'C', to: 'P' }).steps[0]!.instruction.en).toContain('goes down from level B1 to level B2');
  });

  it('names the unknown step count and slope for the profiles whose rules use them, not for walking', () => {
    expect(route(passage, 'walking').steps[0]!.unknown).toEqual([]);
    for (const p of ['elderly', 'pregnant'] as const) expect(route(passage, p).steps[0]!.unknown, p).toEqual(expect.arrayContaining(['stair_count', 'max_slope']));
    expect(route(passage, 'low_vision').steps[0]!.unknown).toEqual(expect.arrayContaining(['stair_count', 'handrail_tactile']));
    // The instruction says it once: the trailing list holds only what the level sentence did not say.
    expect(route(passage, 'elderly').steps[0]!.instruction.en).not.toContain('Not yet verified');
    expect(route(passage, 'low_vision').steps[0]!.instruction.en).toContain('Not yet verified: handrails and tactile paving.');
  });

  it('keeps blocking it for travellers who cannot take stairs', () => {
    for (const p of STEP_FREE) expect(blockedBy(route(passage, p)), p).toEqual(['pass:level_change_unknown']);
  });

  it('a ramp or travelator between levels says the level change too; a level walkway does not', () => {
    const ramp = route(station([edge('r', 'ramp', 'P', 'C', { lengthM: 20, maxSlope: 0.05, minWidthM: 2 })]), 'wheelchair');
    expect(ramp.counts.levelChanges).toBe(1);
    expect(ramp.steps[0]!.instruction.en).toContain('It goes up from level B2 to level B1.');
    expect(ramp.steps[0]!.instruction.en).not.toContain('not in the data');
    const level = route(station([walk()]), 'walking', { from: 'C', to: 'X' });
    expect(level.counts.levelChanges).toBe(0);
    expect(level.steps[0]!.instruction.en).not.toMatch(/level B/);
  });

  it('says it without level names when the data has none, and for a stair lift too', () => {
    const unnamed = new StationRouter([node('P', -2, { levelName: null }), node('C', -1, { levelName: null })], [
      edge('pass', 'walkway', 'P', 'C', { lengthM: 20 }), edge('lift', 'stair_lift', 'P', 'C', { facilityId: 'SL' }),
    ], [facility('SL', 'available', 'stair_lift')]);
    const w = route(unnamed, 'walking');
    expect(w.steps[0]!.instruction.ko).toContain('위층으로 올라갑니다.');
    expect(w.steps[0]!.instruction.en).toContain('It goes up a level.');
    const lift = route(unnamed, 'wheelchair');
    expect(lift.steps.map((s) => s.pathwayId)).toEqual(['lift']);
    expect(lift.steps[0]!.instruction.en).toContain('It goes up a level.');
    expect(route(unnamed, 'wheelchair', { from: 'C', to: 'P' }).steps[0]!.instruction.ko).toContain('아래층으로 내려갑니다.');
  });

  it('every step between levels counts as a level change, for every profile (random stations)', () => {
    fc.assert(fc.property(stationArb('lv', 8), ({ nodes, edges, facilities }) => {
      const r = new StationRouter(nodes, edges, facilities);
      for (const p of ['walking', 'wheelchair', 'powered_wheelchair', 'elderly', 'stroller', 'pregnant', 'low_vision'] as const) {
        for (const a of nodes) {
          for (const b of nodes) {
            const res = route(r, p, { from: a.id, to: b.id });
            const byLevel = res.steps.filter((s) => {
              const x = nodes.find((n) => n.id === s.fromId)!;
              const y = nodes.find((n) => n.id === s.toId)!;
              return x.levelIndex !== null && y.levelIndex !== null && x.levelIndex !== y.levelIndex;
            });
            expect(res.counts.levelChanges).toBe(byLevel.length);
            for (const s of byLevel) {
              if (s.mode === 'walkway' || s.mode === 'ramp' || s.mode === 'travelator') expect(s.instruction.en, `${p} ${s.pathwayId}`).toMatch(/goes (up|down)|changes level/);
            }
          }
        }
      }
    }), { numRuns: 40 });
  });
});
