import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGtfs } from '../../src/contexts/transit/gtfs/import-gtfs.js';
import { PILOT_FEED } from '../../src/contexts/transit/interiors/derive-pilot-interiors.js';
import { buildRoute } from '../../src/contexts/transit/routing/build-route.js';
import { arcCost } from '../../src/contexts/transit/routing/edge-cost.js';
import { PROFILES } from '../../src/contexts/transit/routing/profiles.js';
import { PROFILE_IDS, type ProfileId, type RouteResult } from '../../src/contexts/transit/routing/route-types.js';
import { routingFor } from '../../src/contexts/transit/routing/routing-service.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * Routing that honours the data, on three real sets of station interiors:
 * - the Detroit People Mover feed (seed/gtfs, public domain): walkways, stairs and elevators between street,
 *   concourse and train levels, no traversal_time;
 * - the Prague PID station pathways (test/fixtures/gtfs/prague-pid-2020-pathways, ROPID, CC BY 4.0): 45
 *   metro stations, with traversal_time on walkways, stairs, escalators and elevators, and walkways between levels;
 * - the Seoul pilot interiors derived from the open data (seed `transit.pilot-interiors`): transfers with the
 *   transfer table's time, between platforms on different levels.
 * For every station, every profile and every pair of its platforms and entrances: the walking profile takes a
 * pathway's traversal_time exactly, every other profile at least as long (longer where it walks), and every step
 * whose two ends are on different levels (level_index, read here from the stored rows) is a level change: counted,
 * and said in the step's instruction in Korean and English.
 */
const FEEDS = { detroit: path.resolve('seed/gtfs/detroit-people-mover'), prague: path.resolve('test/fixtures/gtfs/prague-pid-2020-pathways') };
const SLOWER: ProfileId[] = ['wheelchair', 'elderly', 'stroller', 'pregnant', 'low_vision'];
const MACHINES = new Set(['escalator', 'stair_lift']);
const SAYS_LEVEL_EN = /\b(up|down)\b|changes level/;
const SAYS_LEVEL_KO = /올라|내려|층이 바뀝니다/;

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true });
  for (const [feed, dir] of Object.entries(FEEDS)) await importGtfs(t.services, { dir, feed });
}, 180_000);
afterAll(() => t.close());

type Json = Record<string, any>;
const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Json };
};

/** A feed's stations with an interior, and each stop's level_index as stored. */
async function storedFeed(feed: string) {
  const [nodes, levels, edges] = await Promise.all([
    t.services.db.selectFrom('transit_node').selectAll().where('feed', '=', feed).execute(),
    t.services.db.selectFrom('transit_level').selectAll().where('feed', '=', feed).execute(),
    t.services.db.selectFrom('transit_edge').selectAll().where('feed', '=', feed).execute(),
  ]);
  const levelIndex = new Map(levels.map((l) => [l.level_id, l.level_index]));
  const level = new Map(nodes.map((n) => [n.stop_id, n.level_id !== null ? (levelIndex.get(n.level_id) ?? null) : null]));
  const stations = [...new Set(nodes.filter((n) => n.location_type !== 1 && n.station_id).map((n) => n.station_id!))].sort();
  const traversal = new Map(edges.map((e) => [e.pathway_id, e.traversal_time]));
  return { nodes, level, stations, traversal };
}

interface Tally {
  routes: number;
  levelSteps: number;
  timedSteps: number;
  slowerTimedSteps: number;
  walkwaysBetweenLevels: number;
}

/** Routes every ordered pair of platforms and entrances of every station, for every profile, checking each step. */
async function checkFeed(feed: string): Promise<Tally> {
  const { nodes, level, stations, traversal } = await storedFeed(feed);
  const tally: Tally = { routes: 0, levelSteps: 0, timedSteps: 0, slowerTimedSteps: 0, walkwaysBetweenLevels: 0 };
  for (const stationId of stations) {
    const routing = (await routingFor(t.services).station(stationId))!;
    const { router } = routing;
    const edgeOf = new Map(router.graph.edges.map((e) => [e.id, e]));
    const places = nodes.filter((n) => n.station_id === stationId && (n.location_type === 0 || n.location_type === 2)).map((n) => n.stop_id);
    for (const profile of PROFILE_IDS) {
      for (const from of places) {
        for (const to of places) {
          if (from === to) continue;
          const r: RouteResult = buildRoute(router, from, to, profile, { feed, stationId })!;
          if (!r.feasible) continue;
          tally.routes++;
          let changes = 0;
          for (const s of r.steps) {
            const what = `${feed} ${stationId} ${profile} ${from}→${to} step ${s.n} ${s.pathwayId} (${s.mode})`;
            const [a, b] = [level.get(s.fromId), level.get(s.toId)];
            if (a !== null && a !== undefined && b !== null && b !== undefined && a !== b) {
              changes++;
              tally.levelSteps++;
              if (s.mode === 'walkway') tally.walkwaysBetweenLevels++;
              expect(s.instruction.en, what).toMatch(SAYS_LEVEL_EN);
              expect(s.instruction.ko, what).toMatch(SAYS_LEVEL_KO);
            }
            const given = traversal.get(s.pathwayId);
            // A stopped escalator walked as stairs is not timed by its ride (the one case where the step's mode differs).
            const edge = edgeOf.get(s.pathwayId)!;
            if (given !== null && given !== undefined && given > 0 && edge.mode === s.mode) {
              if (profile === 'walking') {
                tally.timedSteps++;
                expect(s.timeS, what).toBe(Math.round(given));
              } else {
                // Slower than walking the same pathway the same way, by the profile's own pace.
                const fromNode = router.graph.nodes[router.graph.index.get(s.fromId)!]!;
                const toNode = router.graph.nodes[router.graph.index.get(s.toId)!]!;
                const walking = arcCost(
                  PROFILES.walking,
                  edge,
                  s.reversed,
                  fromNode,
                  toNode,
                  edge.facilityId ? router.facilities.get(edge.facilityId) : undefined,
                );
                expect(s.timeS, what).toBeGreaterThanOrEqual(Math.round(walking.timeS));
                if (SLOWER.includes(profile) && !MACHINES.has(s.mode) && given >= 10) {
                  tally.slowerTimedSteps++;
                  expect(s.timeS, what).toBeGreaterThan(given);
                }
              }
            }
          }
          expect(r.counts.levelChanges, `${feed} ${stationId} ${profile} ${from}→${to}`).toBe(changes);
        }
      }
    }
  }
  if (process.env.SHOW_TALLY) console.log(feed, tally);
  return tally;
}

describe(`routing honours the data (${dialect})`, () => {
  it('Detroit People Mover: every level change is counted and said, for every profile and pair of places', async () => {
    const tally = await checkFeed('detroit');
    expect(tally.routes).toBeGreaterThan(500);
    expect(tally.levelSteps).toBeGreaterThan(100);
    // The feed gives no traversal_time: nothing to honour, and nothing pretended.
    expect(tally.timedSteps).toBe(0);
  }, 120_000);

  it('Prague PID: walking takes traversal_time exactly, slower profiles longer, and no level change is hidden', async () => {
    const tally = await checkFeed('prague');
    expect(tally.routes).toBeGreaterThan(5000);
    expect(tally.timedSteps).toBeGreaterThan(1000);
    expect(tally.slowerTimedSteps).toBeGreaterThan(1000);
    // Prague has walkways between levels (no slope, no step count): they are level changes too.
    expect(tally.walkwaysBetweenLevels).toBeGreaterThan(0);
  }, 180_000);

  it("Seoul pilot interiors: the transfer table's time is walking's, and every level change is said", async () => {
    const tally = await checkFeed(PILOT_FEED);
    expect(tally.routes).toBeGreaterThan(300);
    expect(tally.timedSteps).toBeGreaterThan(0);
    expect(tally.levelSteps).toBeGreaterThan(300);
  }, 120_000);
});

describe(`named Prague pathways through the station route API (${dialect})`, () => {
  const route = async (station: string, from: string, to: string, profile: ProfileId) => {
    const { status, body } = await get(`/api/v1/transit/stations/${encodeURIComponent(`prague:${station}`)}/routes?from=${from}&to=${to}&profile=${profile}`);
    expect(status).toBe(200);
    return body;
  };
  // pathway, station, from → to, mode, traversal_time in pathways.txt, the elderly profile's time by its own pace.
  const NAMED = [
    // U689P1: stairs from entrance U689S1E5 (street) down to U689N9 (−1), 31 s; elderly going down 1.5 ÷ 0.5 s per step.
    { id: 'U689P1', station: 'U689S1', from: 'U689S1E5', to: 'U689N9', mode: 'stairs', given: 31, elderly: 93 },
    // U897P1: a walkway from U897N26 (level 0, "Nástupiště B") up to U897N30 (level 1, "Nadchod"), 72 s; elderly 1.2 ÷ 0.9 m/s.
    { id: 'U897P1', station: 'U897S1', from: 'U897N26', to: 'U897N30', mode: 'walkway', given: 72, elderly: 96 },
    // U1040P11: escalator from U1040N4 (−1) down to U1040N10 (−2), 70 s: a machine, the same for everyone.
    { id: 'U1040P11', station: 'U1040S1', from: 'U1040N4', to: 'U1040N10', mode: 'escalator', given: 70, elderly: 70 },
    // U1040P17: elevator from U1040N1 (−1) to U1040N2 (−2), 40 s; elderly (60 + 15) ÷ (40 + 10).
    { id: 'U1040P17', station: 'U1040S1', from: 'U1040N1', to: 'U1040N2', mode: 'elevator', given: 40, elderly: 60 },
  ] as const;

  it.each(NAMED)('$id ($mode, traversal_time $given s): walking $given s, elderly $elderly s', async (p) => {
    const walking = await route(p.station, p.from, p.to, 'walking');
    expect(walking.steps.map((s: Json) => [s.pathwayId, s.mode, s.timeS])).toEqual([[p.id, p.mode, p.given]]);
    expect(walking.timeS).toBe(p.given);
    expect(walking.counts.levelChanges).toBe(1);
    const elderly = await route(p.station, p.from, p.to, 'elderly');
    expect(elderly.steps.map((s: Json) => [s.pathwayId, s.timeS])).toEqual([[p.id, p.elderly]]);
    expect(elderly.counts.levelChanges).toBe(1);
  });

  it('says the level change of the U897P1 walkway, and what is unknown about it, for every profile', async () => {
    const walking = await route('U897S1', 'U897N26', 'U897N30', 'walking');
    expect(walking.steps[0].instruction.en).toContain(
      'It goes up from level Nástupiště B to level Nadchod. Whether it has steps, and how steep it is, is not in the data.',
    );
    expect(walking.steps[0].instruction.ko).toContain('Nástupiště B층에서 Nadchod층으로 올라갑니다.');
    expect(walking.steps[0].unknown).toEqual([]);
    expect((await route('U897S1', 'U897N26', 'U897N30', 'elderly')).steps[0].unknown).toEqual(expect.arrayContaining(['stair_count', 'max_slope']));
    expect((await route('U897S1', 'U897N26', 'U897N30', 'low_vision')).steps[0].unknown).toEqual(expect.arrayContaining(['stair_count', 'handrail_tactile']));
    const wheelchair = await route('U897S1', 'U897N26', 'U897N30', 'wheelchair');
    expect(wheelchair.feasible).toBe(false);
    expect(wheelchair.reason.blockedBy).toContainEqual(expect.objectContaining({ pathwayId: 'U897P1', reason: 'level_change_unknown' }));
  });

  it('routes from a boarding area that names no car or door (a 200, not a 500)', async () => {
    const board = await t.services.db
      .selectFrom('transit_node')
      .select(['stop_id', 'station_id'])
      .where('feed', '=', 'prague')
      .where('location_type', '=', 4)
      .orderBy('stop_id')
      .executeTakeFirstOrThrow();
    const platform = await t.services.db
      .selectFrom('transit_node')
      .select('stop_id')
      .where('feed', '=', 'prague')
      .where('station_id', '=', board.station_id)
      .where('location_type', '=', 2)
      .orderBy('stop_id')
      .executeTakeFirstOrThrow();
    const { status, body } = await get(
      `/api/v1/transit/stations/${encodeURIComponent(board.station_id!)}/routes?from=${board.stop_id}&to=${platform.stop_id}&profile=walking`,
    );
    expect(status).toBe(200);
    expect(body.boardAt).toBeNull();
  });
});

describe(`Seoul pilot: the level change hidden at 교대 (${dialect})`, () => {
  it('line 3 (B3) → line 2 (B2) for low vision: every step between levels says so, none is a silent walkway', async () => {
    const station = await t.services.db
      .selectFrom('transit_station')
      .select('id')
      .where('feed', '=', 'seoul')
      .where('name_ko', 'like', '교대%')
      .executeTakeFirstOrThrow();
    const graph = (await get(`/api/v1/transit/stations/${station.id}/graph`)).body;
    const platform = (line: string, toward?: string) =>
      graph.nodes.find((n: Json) => n.location_type === 0 && n.name.startsWith(`${line}호선`) && (!toward || n.name.includes(toward))).stop_id;
    for (const profile of ['low_vision', 'walking', 'elderly'] as const) {
      const { body } = await get(
        `/api/v1/transit/stations/${station.id}/routes?from=${encodeURIComponent(platform('3'))}&to=${encodeURIComponent(platform('2', '서초'))}&profile=${profile}`,
      );
      expect(body.feasible, profile).toBe(true);
      expect(body.counts.levelChanges, profile).toBeGreaterThanOrEqual(1);
      const between = body.steps.filter((s: Json) => s.fromLevelId !== s.toLevelId);
      expect(between.length, profile).toBe(body.counts.levelChanges);
      for (const s of between) {
        expect(s.instruction.en, `${profile} ${s.pathwayId}`).toMatch(SAYS_LEVEL_EN);
        expect(s.instruction.ko, `${profile} ${s.pathwayId}`).toMatch(SAYS_LEVEL_KO);
        // The transfer table's time is walking's, as given (63 s between lines 2 and 3).
        if (profile === 'walking' && s.pathwayId.includes(':transfer:')) expect(s.timeS).toBe(63);
      }
    }
  });
});
