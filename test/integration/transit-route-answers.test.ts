import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { PROFILE_IDS } from '../../src/contexts/transit/routing/route-types.js';
import { routeInStation } from '../../src/contexts/transit/use-cases/route-in-station.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * GET …/stations/{id}/routes answers from a per-station cache of the answer as sent (bytes and ETag), dropped with
 * the station's routers. The cached answer must be, byte for byte, what routeInStation computes now (provenance,
 * warnings, unknowns included), for every profile and several stations; an elevator going out of service must
 * change the next answer and its ETag.
 */
let t: TestContext;
let operatorKey = '';
type Json = Record<string, any>;

const routesUrl = (station: string, from: string, to: string, profile: string) =>
  `/api/v1/transit/stations/${station}/routes?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&profile=${profile}`;
const putStatus = (facility: string, status: string) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/transit/facilities/${facility}/status`,
    payload: { status },
    headers: { authorization: `Bearer ${operatorKey}` },
  });
/** Two platforms of different lines (or an entrance and a platform) of a station with an interior. */
async function placesOf(station: string) {
  const nodes = await t.services.db
    .selectFrom('transit_node')
    .select(['stop_id', 'location_type', 'platform_code'])
    .where('station_id', '=', station)
    .where('location_type', 'in', [0, 2])
    .orderBy('stop_id')
    .execute();
  const platforms = nodes.filter((n) => n.location_type === 0);
  const a = platforms[0]!;
  const b = platforms.find((p) => p.platform_code !== a.platform_code) ?? nodes.find((n) => n.location_type === 2)!;
  return [a.stop_id, b.stop_id] as const;
}

beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true });
  const s = t.services;
  const operator = await createUser(s, system(), { email: 'lift2@seoulmetro.kr', password: 'operator password 2', role: 'citizen' });
  await addOrganisationMember(s, system(), { organisation: 'seoul-metro', email: 'lift2@seoulmetro.kr', role: 'member' });
  operatorKey = (
    await createApiKey(
      s,
      { kind: 'user', user: { id: operator.id, email: 'lift2@seoulmetro.kr', displayName: 'lift', role: 'citizen', memberships: [] } },
      { name: 'status feed' },
    )
  ).secret;
}, 300_000); // the Seoul network seeded on a busy shared PostgreSQL can take over two minutes
afterAll(() => t.close());

describe('station route answers from the cache', () => {
  it('sends, first and again, exactly what routeInStation computes, for every profile at several stations', async () => {
    const stations = await t.services.db
      .selectFrom('transit_node')
      .select('station_id')
      .distinct()
      .where('location_type', '=', 0)
      .where('station_id', 'is not', null)
      .orderBy('station_id')
      .execute();
    expect(stations.length).toBeGreaterThanOrEqual(3);
    let infeasible = 0;
    for (const { station_id } of stations.slice(0, 4)) {
      const station = station_id!;
      const [from, to] = await placesOf(station);
      for (const profile of PROFILE_IDS) {
        const first = await t.app.inject({ method: 'GET', url: routesUrl(station, from, to, profile) });
        const again = await t.app.inject({ method: 'GET', url: routesUrl(station, from, to, profile) });
        const computed = JSON.stringify(await routeInStation(t.services, station, { from, to, profile }));
        expect(first.statusCode).toBe(200);
        expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(first.body).toBe(computed);
        expect(again.body).toBe(computed);
        expect(again.headers.etag).toBe(first.headers.etag);
        const body = first.json() as Json;
        // What the answer says about how it is known: the assurance and each step's source, in the one vocabulary.
        expect(['surveyed', 'derived', 'estimated', 'unknown']).toContain(body.assurance);
        for (const step of body.steps) expect(['surveyed', 'derived', 'estimated', 'unknown']).toContain(step.source);
        if (!body.feasible) infeasible++;
      }
    }
    expect(infeasible).toBeLessThan(4 * PROFILE_IDS.length); // the comparison covered answers with routes
  });

  it('answers 304 to a client that has the answer, and a new answer with a new ETag once an elevator it uses goes out of service', async () => {
    const station = (await t.services.db.selectFrom('transit_station').select('id').where('name_ko', 'like', '교대%').executeTakeFirstOrThrow()).id;
    const [from, to] = await placesOf(station);
    const url = routesUrl(station, from, to, 'wheelchair');
    const before = await t.app.inject({ method: 'GET', url });
    expect(before.statusCode).toBe(200);
    expect(before.headers['cache-control']).toBe('no-cache');
    const etag = before.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const same = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': `W/${etag}` } });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect(same.headers.etag).toBe(etag);
    const elevator = (before.json() as Json).dependsOn.find((d: Json) => d.type === 'elevator');
    expect(elevator).toBeDefined();

    expect((await putStatus(elevator.facilityId, 'not_available')).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const body = after.json() as Json;
    expect(body.steps.map((s: Json) => s.facilityId)).not.toContain(elevator.facilityId);
    if (body.feasible) expect(body.usual.outOfService.map((d: Json) => d.facilityId)).toContain(elevator.facilityId);
    else expect(body.reason.blockedBy.map((b: Json) => b.reason)).toContain('out_of_service');
    expect(after.body).toBe(JSON.stringify(await routeInStation(t.services, station, { from, to, profile: 'wheelchair' })));

    expect((await putStatus(elevator.facilityId, 'available')).statusCode).toBe(200);
    const restored = await t.app.inject({ method: 'GET', url });
    expect(restored.body).toBe(before.body);
    expect(restored.headers.etag).toBe(etag); // the same answer has the same ETag (on every replica too: it is its hash)
  });

  it('still refuses unknown places and stations (400, 404), and caches no error', async () => {
    const station = (await t.services.db.selectFrom('transit_station').select('id').where('name_ko', 'like', '교대%').executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 2; i++) {
      const bad = await t.app.inject({ method: 'GET', url: routesUrl(station, 'nowhere', 'x', 'walking') });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('transit.route.unknown_node');
      expect((await t.app.inject({ method: 'GET', url: routesUrl('no-such-station', 'a', 'b', 'walking') })).statusCode).toBe(404);
    }
  });
});
