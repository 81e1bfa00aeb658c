import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stationArb } from './random-graphs.test-support.js';
import type { PathEdge, PathNode, FacilityState } from './station-graph.js';
import { StationRouter } from './station-router.js';
import { edge, facility, station, route, via, blockedBy, stairs, escalator, elevator, walk, STEP_FREE } from './profile-rules.test-support.js';

/** The profile rules of research/transit-anchors.md §5.4: what each profile may use, statuses, unknowns, slopes and gates, stair lifts. */
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
      [
        stairsOrLift.graph.nodes,
        [escalator({ facilityId: 'ES' }), walk(), edge('s2', 'stairs', 'X', 'Q', { stairCount: -10 })],
        [facility('ES', 'not_available')],
      ],
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
    fc.assert(
      fc.property(stationArb('r', 8), ({ nodes, edges, facilities }) => check(nodes, edges, facilities)),
      { numRuns: 60 },
    );
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
      expect(
        r.dependsOn.map((d) => d.facilityId),
        p,
      ).toEqual(['F2']);
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
  const longWay = [
    edge('far', 'walkway', 'P', 'Q', { lengthM: 300, minWidthM: 2, maxSlope: 0, stepHeightCm: 0 }),
    edge('elev', 'elevator', 'Q', 'C', { facilityId: 'EL' }),
  ];
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
