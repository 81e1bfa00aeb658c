import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { routingFor } from '../../src/contexts/transit/routing/routing-service.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * Routing on the real Seoul network with the derived pilot interiors: a station route, a journey through
 * 교대, an operator marking an elevator out of service through the API, and the routes changing at once.
 */
let t: TestContext;
let operatorKey = '';
let citizenKey = '';
const ids = { gyodae: '', gangnam: '', express: '' };

type Json = Record<string, any>;
const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Json };
};
const putStatus = (facility: string, body: unknown, key?: string) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/transit/facilities/${facility}/status`,
    payload: body as object,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });

beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true });
  const s = t.services;
  const station = (name: string) =>
    s.db
      .selectFrom('transit_station')
      .select('id')
      .where('name_ko', 'like', `${name}%`)
      .where('feed', '=', 'seoul')
      .orderBy('name_ko')
      .executeTakeFirstOrThrow();
  ids.gyodae = (await station('교대')).id;
  ids.gangnam = (await s.db.selectFrom('transit_station').select('id').where('name_ko', '=', '강남').executeTakeFirstOrThrow()).id;
  ids.express = (await station('고속터미널')).id;
  const operator = await createUser(s, system(), { email: 'lift@seoulmetro.kr', password: 'operator password 1', role: 'citizen' });
  await addOrganisationMember(s, system(), { organisation: 'seoul-metro', email: 'lift@seoulmetro.kr', role: 'member' });
  operatorKey = (
    await createApiKey(
      s,
      { kind: 'user', user: { id: operator.id, email: 'lift@seoulmetro.kr', displayName: 'lift', role: 'citizen', memberships: [] } },
      { name: 'status feed' },
    )
  ).secret;
  const citizen = await createUser(s, system(), { email: 'rider@example.kr', password: 'citizen password 1', role: 'citizen' });
  citizenKey = (
    await createApiKey(
      s,
      { kind: 'user', user: { id: citizen.id, email: 'rider@example.kr', displayName: 'rider', role: 'citizen', memberships: [] } },
      { name: 'app' },
    )
  ).secret;
}, 120_000);
afterAll(() => t.close());

describe('journeys and station routes on the Seoul network', () => {
  it('routes 강남 → 고속터미널 for a wheelchair user through the derived 교대 transfer, with the car to board, and says it is derived', async () => {
    const { status, body } = await get(`/api/v1/transit/journeys?from=${ids.gangnam}&to=${ids.express}&profile=wheelchair`);
    expect(status).toBe(200);
    expect(body.feasible).toBe(true);
    const transfer = body.legs.find((l: Json) => l.kind === 'transfer');
    expect(transfer.station.id).toBe(ids.gyodae);
    // The pilot interiors are derived from open data: never presented as surveyed.
    expect(transfer).toMatchObject({ surveyed: false, source: 'derived' });
    expect(transfer.route.assurance).toBe('derived');
    for (const step of transfer.route.steps) expect(step.source).toBe('derived');
    expect(body.assurance).not.toBe('surveyed');
    const modes = transfer.route.steps.map((s: Json) => s.mode);
    expect(modes).toContain('elevator');
    expect(modes).not.toContain('stairs');
    expect(modes).not.toContain('escalator');
    const ride = body.legs[0];
    expect(ride).toMatchObject({ kind: 'ride', line: '2' });
    // 강남 → 교대 continues towards 서초: the 서초-bound platform's elevator is at car 3, door 1 (Seoul Metro's facility data).
    expect(ride.boardAt).toMatchObject({ car: 3, door: 1, toward: '서초' });
    expect(body.disruption).toBeNull();
    // Getting in and out: the lifts of the line ridden at each end (Seoul Metro's facility list).
    // 강남 has no interior: its lifts are listed, but the way between them and the platform is not known, and that is said.
    expect(body.access.origin).toMatchObject({ stationId: ids.gangnam, line: '2', state: 'lifts_listed', source: 'derived' });
    expect(body.access.origin.warning.en).toContain('not surveyed');
    expect(body.access.origin.elevatorsInService).toBeGreaterThan(0);
    expect(body.warnings).toContainEqual(expect.objectContaining({ at: 'origin', code: 'access.lifts_listed' }));
    expect(body.access.destination).toMatchObject({ stationId: ids.express, line: '3' });
  });

  it('answers a station route with feasibility, steps in both languages, counts and dependencies', async () => {
    const graph = (await get(`/api/v1/transit/stations/${ids.gyodae}/graph`)).body;
    const platforms = graph.nodes.filter((n: Json) => n.location_type === 0);
    const from = platforms.find((n: Json) => n.name.includes('2호선') && n.name.includes('서초'));
    const to = platforms.find((n: Json) => n.name.includes('3호선'));
    const { status, body } = await get(
      `/api/v1/transit/stations/${ids.gyodae}/routes?from=${encodeURIComponent(from.stop_id)}&to=${encodeURIComponent(to.stop_id)}&profile=wheelchair`,
    );
    expect(status).toBe(200);
    expect(body.feasible).toBe(true);
    expect(body.timeS).toBeGreaterThan(0);
    expect(body.timeSlowS).toBeGreaterThan(body.timeS);
    expect(body.counts.elevatorRides).toBeGreaterThanOrEqual(2);
    for (const s of body.steps) {
      expect(s.instruction.ko.length).toBeGreaterThan(5);
      expect(s.instruction.en.length).toBeGreaterThan(5);
    }
    expect(body.dependsOn.every((d: Json) => d.status === 'available')).toBe(true);
    expect(body.boardAt).toMatchObject({ car: 3, door: 1 });
  });

  it('rejects bad queries with a 4xx naming the field, never a 500', async () => {
    const same = await get(`/api/v1/transit/journeys?from=${ids.gangnam}&to=${ids.gangnam}`);
    expect(same.status).toBe(422);
    expect(same.body.error).toMatchObject({ code: 'transit.journey.same_station', details: { field: 'to' } });
    const unknown = await get(`/api/v1/transit/journeys?from=${ids.gangnam}&to=nowhere`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details.field).toBe('to');
    const profile = await get(`/api/v1/transit/journeys?from=${ids.gangnam}&to=${ids.express}&profile=jetpack`);
    expect(profile.status).toBe(400);
    expect(profile.body.error.details).toEqual([
      expect.objectContaining({
        field: 'profile',
        message: 'must be one of: walking, wheelchair, powered_wheelchair, elderly, stroller, pregnant, low_vision',
      }),
    ]);
    expect((await get(`/api/v1/transit/stations/${ids.gyodae}/routes?from=nowhere&to=x`)).status).toBe(400);
    expect((await get('/api/v1/transit/stations/no-such-station/routes?from=a&to=b')).status).toBe(404);
  });

  it('reaches every Seoul station from 서울역 (walking)', async () => {
    const { live, model } = await routingFor(t.services).network();
    const seoul = model.stations.find((s) => s.name === '서울')!;
    const unreachable = model.stations.filter((s) => s.id !== seoul.id && live.search(seoul.id, s.id, 'walking')!.costS === Infinity).map((s) => s.name);
    expect(unreachable).toEqual([]);
  });
});

describe('a destination with no step-free way out', () => {
  it('is not a feasible wheelchair journey: it says why and gives nearby stations and the staff phone', async () => {
    const lifts = await t.services.db
      .selectFrom('transit_facility')
      .select(['id', 'status'])
      .where('station_id', '=', ids.gyodae)
      .where('type', '=', 'elevator')
      .execute();
    const set = (status: string) =>
      t.services.db
        .updateTable('transit_facility')
        .set({ status })
        .where(
          'id',
          'in',
          lifts.map((l) => l.id),
        )
        .execute();
    try {
      await set('not_available');
      routingFor(t.services).invalidateAll();
      const { body } = await get(`/api/v1/transit/journeys?from=${ids.express}&to=${ids.gyodae}&profile=wheelchair`);
      expect(body.feasible).toBe(false);
      // The true cause: the lifts are out (not "the layout", not "no lift").
      expect(body.reason.en).toContain('from the line 3 platform to the street');
      expect(body.reason.en).toContain('out of service');
      expect(body.access.destination).toMatchObject({ state: 'blocked', cause: 'outage' });
      expect(body.access.destination.outOfService.length).toBeGreaterThan(0);
      expect(body.warnings).toContainEqual(expect.objectContaining({ at: 'journey', code: 'journey.infeasible' }));
      expect(body.alternatives.assistance.phones.length).toBeGreaterThan(0);
      expect(body.alternatives.nearby.length).toBeGreaterThan(0);
      // Walking still gets there.
      expect((await get(`/api/v1/transit/journeys?from=${ids.express}&to=${ids.gyodae}&profile=walking`)).body.feasible).toBe(true);
    } finally {
      await Promise.all(lifts.map((l) => t.services.db.updateTable('transit_facility').set({ status: l.status }).where('id', '=', l.id).execute()));
      routingFor(t.services).invalidateAll();
    }
  });
});

describe('framing', () => {
  it("lets no other site frame our pages, except the transfer widget's embed page", async () => {
    const page = await t.app.inject({ method: 'GET', url: '/transit' });
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    const embed = await t.app.inject({ method: 'GET', url: `/transit/embed/transfer?station=${ids.gyodae}&profile=wheelchair` });
    expect(embed.statusCode).toBe(200);
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers['content-security-policy']).toContain("script-src 'self'"); // framable, and still no foreign script
  });
});

describe('live facility status', () => {
  it('lets only operators (API key of a transit operator member) set status, with clear errors', async () => {
    const facility = (
      await t.services.db
        .selectFrom('transit_facility')
        .select('id')
        .where('station_id', '=', ids.gyodae)
        .where('type', '=', 'elevator')
        .executeTakeFirstOrThrow()
    ).id;
    // Without a key or session: refused (the CSRF check comes first for cookie-less calls).
    expect([401, 403]).toContain((await putStatus(facility, { status: 'not_available' })).statusCode);
    expect((await putStatus(facility, { status: 'not_available' }, citizenKey)).statusCode).toBe(403);
    expect((await putStatus(facility, { status: 'broken' }, operatorKey)).statusCode).toBe(400);
    expect((await putStatus('no-such-facility', { status: 'available' }, operatorKey)).statusCode).toBe(404);
    const row = await t.services.db.selectFrom('transit_facility').select('status').where('id', '=', facility).executeTakeFirstOrThrow();
    expect(row.status).toBe('available');
  });

  it('changes routes at once when the elevator a route depends on goes out of service, and gives the alternative', async () => {
    const before = (await get(`/api/v1/transit/journeys?from=${ids.gangnam}&to=${ids.express}&profile=wheelchair`)).body;
    const transfer = before.legs.find((l: Json) => l.kind === 'transfer');
    const elevator = transfer.route.dependsOn.find((d: Json) => d.type === 'elevator');
    const res = await putStatus(elevator.facilityId, { status: 'not_available', reason: '정기 점검' }, operatorKey);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'not_available', previous: 'available' });

    const after = (await get(`/api/v1/transit/journeys?from=${ids.gangnam}&to=${ids.express}&profile=wheelchair`)).body;
    expect(after.disruption).not.toBeNull();
    expect(after.disruption.outOfService.map((d: Json) => d.facilityId)).toContain(elevator.facilityId);
    expect(after.dependsOn.map((d: Json) => d.facilityId)).not.toContain(elevator.facilityId);

    const station = await get(
      `/api/v1/transit/stations/${ids.gyodae}/routes?from=${encodeURIComponent(transfer.route.from.id)}&to=${encodeURIComponent(transfer.route.to.id)}&profile=wheelchair`,
    );
    if (station.body.feasible) {
      expect(station.body.steps.map((s: Json) => s.facilityId)).not.toContain(elevator.facilityId);
      expect(station.body.usual.outOfService.map((d: Json) => d.facilityId)).toContain(elevator.facilityId);
    } else {
      expect(station.body.reason.code).toBe('blocked');
      expect(station.body.reason.blockedBy.map((b: Json) => b.reason)).toContain('out_of_service');
      expect(station.body.alternatives.assistance.phones.length).toBeGreaterThan(0);
    }
    // Walking is not affected by a lift (it takes the transfer passage).
    expect((await get(`/api/v1/transit/journeys?from=${ids.gangnam}&to=${ids.express}&profile=walking`)).body.feasible).toBe(true);

    expect((await putStatus(elevator.facilityId, { status: 'available' }, operatorKey)).statusCode).toBe(200);
    const restored = (await get(`/api/v1/transit/journeys?from=${ids.gangnam}&to=${ids.express}&profile=wheelchair`)).body;
    expect(restored.disruption).toBeNull();
    expect(restored.timeS).toBe(before.timeS);
    const audit = await t.services.db.selectFrom('core_audit').select('action').where('entity_id', '=', elevator.facilityId).execute();
    expect(audit.length).toBe(2);
  });
});
