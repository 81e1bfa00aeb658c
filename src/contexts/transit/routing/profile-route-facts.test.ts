import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stationArb } from './random-graphs.test-support.js';
import type { ProfileId, StepMode } from './route-types.js';
import type { PathEdge } from './station-graph.js';
import { StationRouter } from './station-router.js';
import { node, edge, facility, station, route, via, blockedBy, stairs, escalator, elevator, walk, STEP_FREE, type Ask } from './profile-rules.test-support.js';

/** What a route says on small hand-made stations: times, counts and dependencies, boarding, passages between levels, traversal_time, level changes. */
describe('times, counts and dependencies on a known route', () => {
  // Platform P (B3) → concourse C (B1) → fare gate → G → 40 m → H → street S; each level change by elevator or stairs.
  const r = new StationRouter(
    [node('P', -3), node('C', -1), node('G', -1), node('H', -1), node('S', 0)],
    [
      edge('e1', 'elevator', 'P', 'C', { facilityId: 'EL1' }),
      edge('st1', 'stairs', 'P', 'C', { stairCount: 60 }),
      edge('gate', 'fare_gate', 'C', 'G', { wideGate: true }),
      edge('w', 'walkway', 'G', 'H', { lengthM: 40, minWidthM: 2, maxSlope: 0, stepHeightCm: 0 }),
      edge('e2', 'elevator', 'H', 'S', { facilityId: 'EL2' }),
      edge('st2', 'stairs', 'H', 'S', { stairCount: 25 }),
    ],
    [facility('EL1'), facility('EL2', 'partially_available')],
  );
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
  const r = new StationRouter(
    [
      node('PL', -2, { locationType: 0, pathwayStopId: 'PN' }),
      node('PN', -2, { platformStopId: 'PL' }),
      position('B1', 2, 3, '강남', 'EA'),
      position('B2', 8, 1, '강남', 'EB'),
      position('B3', 9, 2, '시청', 'EA'),
      node('CA', -1),
      node('CB', -1),
      node('X', -2),
    ],
    [
      ...['B1', 'B2', 'B3'].map((b) => edge(`to-${b}`, 'walkway', 'PN', b, { lengthM: 30, platformBoarding: true })),
      edge('ea', 'elevator', 'PN', 'CA', { facilityId: 'EA' }),
      edge('eb', 'elevator', 'PN', 'CB', { facilityId: 'EB' }),
      edge('x', 'walkway', 'PN', 'X', { lengthM: 20, minWidthM: 2, maxSlope: 0 }),
    ],
    [facility('EA'), facility('EB')],
  );

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
    const r = new StationRouter(
      [node('P', -2), node('M', -1), node('C', 0)],
      [edge('s1', 'stairs', 'P', 'M', { traversalTimeS: 30 }), edge('s2', 'stairs', 'M', 'C', { traversalTimeS: 30, stairCount: 24 })],
    );
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
      ['walkway', { lengthM: 100, minWidthM: 2, maxSlope: 0 }],
      ['ramp', { lengthM: 40, maxSlope: 0.04, minWidthM: 2 }],
      ['travelator', { lengthM: 80, minWidthM: 2 }],
      ['elevator', { facilityId: 'EL', audio: true }],
      ['escalator', { facilityId: 'ES' }],
      ['stairs', { stairCount: 40, handrail: true, tactile: true }],
      ['fare_gate', { wideGate: true }],
      ['exit_gate', { wideGate: true }],
      ['stair_lift', { facilityId: 'SL' }],
    ];
    for (const [mode, extra] of cases) {
      const r = station(
        [edge('x', mode, 'P', 'C', { traversalTimeS: 37, ...extra })],
        [facility('EL'), facility('ES', 'available', 'escalator'), facility('SL', 'available', 'stair_lift')],
      );
      const walking = route(r, 'walking');
      if (mode === 'stair_lift') {
        expect(walking.feasible).toBe(false);
        expect(stepTime(r, 'wheelchair')).toEqual([37]); // a machine: the feed's time for whoever can ride it
        continue;
      }
      expect(
        walking.steps.map((s) => s.timeS),
        mode,
      ).toEqual([37]);
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
    for (const p of ['elderly', 'pregnant'] as const)
      expect(route(passage, p).steps[0]!.unknown, p).toEqual(expect.arrayContaining(['stair_count', 'max_slope']));
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
    const unnamed = new StationRouter(
      [node('P', -2, { levelName: null }), node('C', -1, { levelName: null })],
      [edge('pass', 'walkway', 'P', 'C', { lengthM: 20 }), edge('lift', 'stair_lift', 'P', 'C', { facilityId: 'SL' })],
      [facility('SL', 'available', 'stair_lift')],
    );
    const w = route(unnamed, 'walking');
    expect(w.steps[0]!.instruction.ko).toContain('위층으로 올라갑니다.');
    expect(w.steps[0]!.instruction.en).toContain('It goes up a level.');
    const lift = route(unnamed, 'wheelchair');
    expect(lift.steps.map((s) => s.pathwayId)).toEqual(['lift']);
    expect(lift.steps[0]!.instruction.en).toContain('It goes up a level.');
    expect(route(unnamed, 'wheelchair', { from: 'C', to: 'P' }).steps[0]!.instruction.ko).toContain('아래층으로 내려갑니다.');
  });

  it('every step between levels counts as a level change, for every profile (random stations)', () => {
    fc.assert(
      fc.property(stationArb('lv', 8), ({ nodes, edges, facilities }) => {
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
                if (s.mode === 'walkway' || s.mode === 'ramp' || s.mode === 'travelator')
                  expect(s.instruction.en, `${p} ${s.pathwayId}`).toMatch(/goes (up|down)|changes level/);
              }
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
