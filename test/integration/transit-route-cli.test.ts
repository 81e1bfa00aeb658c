import path from 'node:path';
import { runCommand } from '../support/cli.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importGtfs } from '../../src/contexts/transit/gtfs/import-gtfs.js';
import { registerRouteCommand } from '../../src/contexts/transit/routing/route-cli.js';
import { PROFILE_IDS, STEP_MODES, type RouteResult } from '../../src/contexts/transit/routing/route-types.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/** `open-seoul route` on the real Detroit People Mover feed (seed/gtfs, public domain): every profile, platforms and entrances. */
const FEED_DIR = path.resolve('seed/gtfs/detroit-people-mover');
let t: TestContext;
let stops: Array<{ stop_id: string; location_type: number; parent_stop_id: string | null }>;
let pathwayIds: Set<string>;

async function route(...args: string[]): Promise<RouteResult> {
  const lines = await runCommand(t.services, registerRouteCommand, ['route', '--feed', 'detroit', ...args, '--json']);
  return JSON.parse(lines.join('\n')) as RouteResult;
}

beforeAll(async () => {
  t = await createTestContext();
  await importGtfs(t.services, { dir: FEED_DIR, feed: 'detroit' });
  stops = await t.services.db.selectFrom('transit_node').select(['stop_id', 'location_type', 'parent_stop_id']).where('feed', '=', 'detroit').execute();
  pathwayIds = new Set((await t.services.db.selectFrom('transit_edge').select('pathway_id').where('feed', '=', 'detroit').execute()).map((e) => e.pathway_id));
}, 60_000);
afterAll(() => t.close());
afterEach(() => {
  process.exitCode = undefined;
});

describe('open-seoul route on an imported GTFS feed (Detroit People Mover)', () => {
  it('routes every entrance to every platform of its station, and back, for every profile', async () => {
    const stations = [...new Set(stops.filter((s) => s.location_type === 0).map((s) => s.parent_stop_id!))];
    expect(stations.length).toBe(13);
    const feasible: Record<string, number> = {};
    let asked = 0;
    for (const station of stations) {
      const platforms = stops.filter((s) => s.parent_stop_id === station && s.location_type === 0).map((s) => s.stop_id);
      const entrances = stops.filter((s) => s.parent_stop_id === station && s.location_type === 2).map((s) => s.stop_id);
      for (const profile of PROFILE_IDS) {
        let reachable = 0;
        for (const [from, to] of [...entrances.flatMap((e) => platforms.map((p) => [e, p])), ...platforms.flatMap((p) => entrances.map((e) => [p, e]))]) {
          const r = await route('--from', from!, '--to', to!, '--profile', profile);
          asked++;
          expect(r).toMatchObject({ feed: 'detroit', profile, from: { id: from }, to: { id: to } });
          if (!r.feasible) {
            expect(r.reason?.message.en.length).toBeGreaterThan(0);
            continue;
          }
          reachable++;
          feasible[profile] = (feasible[profile] ?? 0) + 1;
          expect(r.steps.length).toBeGreaterThan(0);
          expect(r.steps[0]!.fromId).toBe(from);
          expect(r.steps.at(-1)!.toId).toBe(to);
          for (const s of r.steps) {
            expect(STEP_MODES).toContain(s.mode);
            expect(pathwayIds.has(s.pathwayId), s.pathwayId).toBe(true);
            expect(s.instruction.ko.length).toBeGreaterThan(3);
            expect(s.instruction.en.length).toBeGreaterThan(3);
            if (['wheelchair', 'powered_wheelchair', 'stroller'].includes(profile)) expect(['stairs', 'escalator']).not.toContain(s.mode);
          }
        }
        // Every station can be entered on foot.
        if (profile === 'walking') expect(reachable, station).toBeGreaterThan(0);
      }
    }
    expect(asked).toBeGreaterThan(100);
    // Elevators make most of the system step-free; stairs-only exits are not.
    expect(feasible.wheelchair).toBeGreaterThan(0);
    expect(feasible.wheelchair).toBeLessThan(feasible.walking!);
  });

  it('refuses an unknown stop or profile with a clear error', async () => {
    await expect(route('--from', 'nope', '--to', '100')).rejects.toThrow(/No stop "nope"/);
    await expect(route('--from', '100', '--to', '102', '--profile', 'jetpack')).rejects.toThrow(/Unknown profile/);
  });
});
