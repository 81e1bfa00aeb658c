import { beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.js';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { deliverDueWebhooks } from '../../src/contexts/upkeep/use-cases/deliver-webhooks.js';
import { signPayload } from '../../src/contexts/upkeep/use-cases/webhook-signature.js';
import { STATION, upkeepWorld, type Json } from '../support/transit-upkeep-world.js';

/**
 * Live facility status at 교대: the operator feed (all or nothing), stale operator status becoming unknown, a
 * citizen report confirmed into routing and a GTFS-RT alert, webhook retries with backoff, and signed pushes.
 */
const w = upkeepWorld();
const { call, wheelchairRoute, keys, clock, receiver } = w;
beforeAll(async () => {
  // Seoul Metro's app follows the change feed (the retries below are of its deliveries).
  const res = await call('POST', '/api/v1/transit/webhooks', keys.metro, { url: receiver.url });
  if (res.status !== 201) throw new Error(res.text);
});

describe('live status: operator feed, staleness, reports', () => {
  const elevator = async () =>
    await w.t.services.db
      .selectFrom('transit_facility')
      .select(['id', 'status'])
      .where('station_id', '=', STATION)
      .where('type', '=', 'elevator')
      .orderBy('id')
      .executeTakeFirstOrThrow();

  it('an operator feed is all or nothing', async () => {
    const { id } = await elevator();
    const bad = await call('POST', '/api/v1/transit/facility-status', keys.metro, {
      statuses: [
        { facilityId: id, status: 'not_available' },
        { facilityId: 'no-such-lift', status: 'available' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('statuses[1].facilityId');
    expect((await elevator()).status).not.toBe('not_available');
    expect((await call('POST', '/api/v1/transit/facility-status', keys.volunteer, { statuses: [{ facilityId: id, status: 'available' }] })).status).toBe(403);
  });

  it('an operator status not confirmed in time is treated as unknown; confirming it makes it fresh again', async () => {
    const id = (await wheelchairRoute()).dependsOn[0].facilityId as string; // an elevator the wheelchair route needs
    const ok = await call('POST', '/api/v1/transit/facility-status', keys.metro, { statuses: [{ facilityId: id, status: 'available' }] });
    expect(ok.body).toMatchObject({ received: 1 });
    const statusOf = async () => (await wheelchairRoute()).dependsOn.find((d: Json) => d.facilityId === id)?.status;
    expect(await statusOf()).toBe('available');
    clock.now = new Date(clock.now.getTime() + 29 * 60_000);
    expect(await statusOf()).toBe('available');
    clock.now = new Date(clock.now.getTime() + 2 * 60_000);
    expect(await statusOf()).toBe('unknown');
    const page = await call('GET', `/transit/stations/${STATION}`);
    expect(page.text).toContain('30분 넘게 확인하지 않았습니다');
    await call('POST', '/api/v1/transit/facility-status', keys.metro, { statuses: [{ facilityId: id, status: 'available' }] });
    expect(await statusOf()).toBe('available');
    expect((await call('GET', `/transit/stations/${STATION}`)).text).not.toContain('30분 넘게 확인하지 않았습니다');
  });

  it('a citizen report becomes an answerable item; the confirmed status changes routing and raises a GTFS-RT alert', async () => {
    const facilityId = (await wheelchairRoute()).dependsOn[0].facilityId as string;
    const usualTime = (await wheelchairRoute()).timeS as number;
    const res = await call('POST', `/api/v1/transit/stations/${STATION}/reports`, keys.volunteer, {
      problem: 'elevator_out',
      facilityId,
      note: '문이 열리지 않아요',
    });
    expect(res.status).toBe(201);
    expect(res.body.organisation.nameKo).toBe('서울교통공사');
    const item = await w.t.services.db.selectFrom('accountability_item').selectAll().where('subject_id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ kind_id: 'transit.station_report', state: 'received' });
    const stewardPage = (await call('GET', `/transit/reports/${res.body.id}`, keys.metro)).text;
    expect(stewardPage).toContain(`action="/transit/reports/${res.body.id}/resolve"`); // the structured answer that can set the status
    expect(stewardPage).toContain(`action="/accountability/items/${item.id}/pause"`); // the engine's clock stays in the steward's hands
    expect(stewardPage).not.toContain(`action="/accountability/items/${item.id}/answer"`);
    expect(
      (await call('POST', `/api/v1/transit/reports/${res.body.id}/resolve`, keys.gis, { confirmed: true, reasons: '확인', facilityStatus: 'not_available' }))
        .status,
    ).toBe(403);
    const resolved = await call('POST', `/api/v1/transit/reports/${res.body.id}/resolve`, keys.metro, {
      confirmed: true,
      reasons: '현장 확인, 수리 중',
      facilityStatus: 'not_available',
    });
    expect(resolved.status).toBe(200);
    const detour = await wheelchairRoute();
    expect(detour.dependsOn.map((d: Json) => d.facilityId)).not.toContain(facilityId);
    if (detour.feasible) expect(detour.timeS).toBeGreaterThan(usualTime);
    const alerts = (await call('GET', '/api/v1/transit/alerts')).body.items;
    expect(alerts.find((a: Json) => a.facilityId === facilityId)).toMatchObject({ stationId: STATION, status: 'not_available' });
    const coverage = (await call('GET', '/api/v1/transit/coverage')).body;
    expect(coverage.organisations.find((o: Json) => o.slug === 'seoul-metro')).toMatchObject({ reportsResolved: 1, reportsOpen: 0 });
    expect((await call('POST', `/api/v1/transit/reports/${res.body.id}/resolve`, keys.metro, { confirmed: true, reasons: '두 번' })).status).toBe(409);
  });
});

describe('webhook retries', () => {
  it('backs off after failures, delivers once, and never again after a restart', async () => {
    await deliverDueWebhooks(w.t.services); // anything left from before
    const start = receiver.received.length;
    receiver.failFirst = 2;
    const { id } = await w.t.services.db
      .selectFrom('transit_facility')
      .select('id')
      .where('station_id', '=', STATION)
      .where('type', '=', 'escalator')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await call('POST', '/api/v1/transit/facility-status', keys.metro, { statuses: [{ facilityId: id, status: 'planned_outage', reason: '정기 점검' }] });
    expect(await deliverDueWebhooks(w.t.services)).toMatchObject({ attempted: 1, failed: 1 });
    expect((await deliverDueWebhooks(w.t.services)).attempted).toBe(0); // waiting 30 s
    clock.now = new Date(clock.now.getTime() + 31_000);
    expect(await deliverDueWebhooks(w.t.services)).toMatchObject({ attempted: 1, failed: 1 });
    clock.now = new Date(clock.now.getTime() + 31_000);
    expect((await deliverDueWebhooks(w.t.services)).attempted).toBe(0); // now waiting 60 s
    clock.now = new Date(clock.now.getTime() + 30_000);
    expect(await deliverDueWebhooks(w.t.services)).toMatchObject({ attempted: 1, delivered: 1 });
    const deliveries = receiver.received.slice(start);
    expect(deliveries).toHaveLength(3);
    expect(new Set(deliveries.map((d) => d.delivery)).size).toBe(1); // the same delivery id, so receivers can drop repeats
    // A restarted server (new services on the same database) sends nothing again.
    const restarted = createServices(w.t.services.config);
    restarted.now = () => new Date(clock.now.getTime() + 10 * 60_000); // leases and backoff long over, the live statuses not yet stale (that would be a new change)
    try {
      expect((await deliverDueWebhooks(restarted)).attempted).toBe(0);
    } finally {
      await restarted.close();
    }
    expect(receiver.received.length).toBe(start + 3);
  });
});

describe("signed status pushes from an operator's system", () => {
  it('accepts a push signed with the shared secret, and refuses a forged, altered, replayed or unsigned one without changing anything', async () => {
    const admin = await createUser(w.t.services, system(), { email: 'feed-admin@seoulmetro.kr', password: 'long enough password 1', role: 'citizen' });
    await addOrganisationMember(w.t.services, system(), { organisation: 'seoul-metro', email: 'feed-admin@seoulmetro.kr', role: 'admin' });
    const adminKey = (
      await createApiKey(
        w.t.services,
        { kind: 'user', user: { id: admin.id, email: 'feed-admin@seoulmetro.kr', displayName: 'a', role: 'citizen', memberships: [] } },
        { name: 'feed' },
      )
    ).secret;
    expect((await call('POST', '/api/v1/transit/operators/seoul-metro/status-feed/secret', keys.metro)).status).toBe(403); // a member, not an admin of it
    const { secret } = (await call('POST', '/api/v1/transit/operators/seoul-metro/status-feed/secret', adminKey)).body;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const { id } = await w.t.services.db
      .selectFrom('transit_facility')
      .select('id')
      .where('station_id', '=', 'seoul-423')
      .where('type', '=', 'elevator')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const status = async () => (await w.t.services.db.selectFrom('transit_facility').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const push = (body: string, signature?: string) =>
      w.t.app.inject({
        method: 'POST',
        url: '/api/v1/transit/operators/seoul-metro/status-feed',
        payload: body,
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-open-seoul-signature': signature } : {}) },
      });
    const body = JSON.stringify({ id: 'push-1', statuses: [{ facilityId: id, status: 'not_available', reason: '점검' }] });
    const before = await status();
    const refused = async (res: Awaited<ReturnType<typeof push>>, reason: string) => {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'transit.signature_invalid', details: { reason } });
      expect(await status()).toBe(before);
    };
    await refused(await push(body), 'missing');
    await refused(await push(body, signPayload('0'.repeat(64), body, clock.now)), 'mismatch');
    await refused(await push(body.replace('not_available', 'available'), signPayload(secret, body, clock.now)), 'mismatch');
    await refused(await push(body, signPayload(secret, body, new Date(clock.now.getTime() - 10 * 60_000))), 'expired');
    await refused(await push(body, 't=abc,v1=zz'), 'malformed');
    const ok = await push(body, signPayload(secret, body, clock.now));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ operator: 'seoul-metro', received: 1, changed: 1 });
    expect(await status()).toBe('not_available');
    const back = JSON.stringify({ id: 'push-2', statuses: [{ facilityId: id, status: 'available' }] });
    expect((await push(back, signPayload(secret, back, clock.now))).statusCode).toBe(200);
  });
});
