import { beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { signPayload } from '../../src/contexts/upkeep/use-cases/webhook-signature.js';
import { upkeepWorld } from '../support/transit-upkeep-world.js';

/**
 * Signed status pushes that cannot be replayed or reordered (issue 19): each push carries a unique id or a strictly
 * increasing sequence and is accepted once; a replay within the signature's 5 minutes changes nothing; a status
 * observed before the one held never overwrites it. Every refusal says why.
 */
const w = upkeepWorld();
const { call, keys, clock } = w;
let secret = '';
let lift = '';
let other = '';
beforeAll(async () => {
  const admin = await createUser(w.t.services, system(), { email: 'push-admin@seoulmetro.kr', password: 'long enough password 1', role: 'citizen' });
  await addOrganisationMember(w.t.services, system(), { organisation: 'seoul-metro', email: 'push-admin@seoulmetro.kr', role: 'admin' });
  const adminKey = (
    await createApiKey(
      w.t.services,
      { kind: 'user', user: { id: admin.id, email: 'push-admin@seoulmetro.kr', displayName: 'a', role: 'citizen', memberships: [] } },
      { name: 'feed' },
    )
  ).secret;
  secret = (await call('POST', '/api/v1/transit/operators/seoul-metro/status-feed/secret', adminKey)).body.secret;
  const lifts = await w.t.services.db
    .selectFrom('transit_facility')
    .select('id')
    .where('station_id', '=', 'seoul-423')
    .where('type', '=', 'elevator')
    .orderBy('id')
    .limit(2)
    .execute();
  [lift, other] = [lifts[0]!.id, lifts[1]!.id];
});

const push = (body: object, at = clock.now) => {
  const raw = JSON.stringify(body);
  return w.t.app.inject({
    method: 'POST',
    url: '/api/v1/transit/operators/seoul-metro/status-feed',
    payload: raw,
    headers: { 'content-type': 'application/json', 'x-open-seoul-signature': signPayload(secret, raw, at) },
  });
};
const state = async (id: string) => {
  const f = await w.t.services.db.selectFrom('transit_facility').select(['status', 'details', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
  return { status: f.status, observedAt: (JSON.parse(f.details) as { statusSetAt?: string }).statusSetAt ?? null, updatedAt: f.updated_at };
};
const changes = async () =>
  Number(
    (
      await w.t.services.db
        .selectFrom('transit_change')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a signed push is accepted once', () => {
  it('refuses a push with neither id nor sequence (422), saying why', async () => {
    const res = await push({ statuses: [{ facilityId: lift, status: 'not_available' }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'transit.push_id_required' });
    expect(res.json().error.message).toContain('replayed push cannot be told from a new one');
  });

  it('a replayed push (same id, fresh signature, within 5 minutes) changes nothing: 409 transit.push_replayed', async () => {
    const body = { id: 'metro-2026-11-23-0001', statuses: [{ facilityId: lift, status: 'not_available', reason: '점검' }] };
    const ok = await push(body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ pushId: 'metro-2026-11-23-0001', received: 1, changed: 1 });
    // The lift is repaired and says so.
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect((await push({ id: 'metro-2026-11-23-0002', statuses: [{ facilityId: lift, status: 'available' }] })).statusCode).toBe(200);
    const before = { lift: await state(lift), changes: await changes() };
    // An attacker resends the old out-of-service body, with its old header and with a fresh one: both refused.
    clock.now = new Date(clock.now.getTime() + 60_000);
    const raw = JSON.stringify(body);
    const oldHeader = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/transit/operators/seoul-metro/status-feed',
      payload: raw,
      headers: { 'content-type': 'application/json', 'x-open-seoul-signature': signPayload(secret, raw, new Date(clock.now.getTime() - 120_000)) },
    });
    expect(oldHeader.statusCode).toBe(409);
    expect(oldHeader.json().error).toMatchObject({ code: 'transit.push_replayed', details: { pushId: 'metro-2026-11-23-0001' } });
    expect(oldHeader.json().error.message).toContain('a replay changes nothing');
    expect((await push(body)).statusCode).toBe(409);
    expect(await state(lift)).toEqual(before.lift);
    expect(await changes()).toBe(before.changes);
    expect(
      (await w.t.services.db.selectFrom('transit_status_push').select('push_id').where('push_id', 'like', 'metro-2026-11-23-%').execute())
        .map((r) => r.push_id)
        .sort(),
    ).toEqual(['metro-2026-11-23-0001', 'metro-2026-11-23-0002']);
  });

  it('a sequence must grow: an old or repeated sequence is refused (409 transit.push_out_of_order)', async () => {
    expect((await push({ sequence: 10, statuses: [{ facilityId: other, status: 'available' }] })).statusCode).toBe(200);
    expect((await push({ sequence: 12, statuses: [{ facilityId: other, status: 'partially_available' }] })).statusCode).toBe(200);
    const before = { other: await state(other), changes: await changes() };
    for (const sequence of [11, 12]) {
      const res = await push({ sequence, statuses: [{ facilityId: other, status: 'not_available' }] });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe(sequence === 12 ? 'transit.push_replayed' : 'transit.push_out_of_order');
    }
    const late = await push({ sequence: 11, statuses: [{ facilityId: other, status: 'not_available' }] });
    expect(late.json().error).toMatchObject({ code: 'transit.push_out_of_order', details: { sequence: 11, lastSequence: 12 } });
    expect(await state(other)).toEqual(before.other);
    expect(await changes()).toBe(before.changes);
    expect((await push({ sequence: 13, statuses: [{ facilityId: other, status: 'available' }] })).statusCode).toBe(200);
  });
});

describe('an older status never overwrites a newer one', () => {
  it('a push observed before the status held is refused whole (409 transit.status_outdated), naming the facility', async () => {
    const seen = new Date(clock.now.getTime() - 60_000).toISOString();
    expect((await push({ id: 'order-1', observedAt: seen, statuses: [{ facilityId: lift, status: 'not_available' }] })).statusCode).toBe(200);
    const before = { lift: await state(lift), other: await state(other), changes: await changes() };
    expect(before.lift).toMatchObject({ status: 'not_available', observedAt: seen });
    // A delayed push, sent later but observed earlier, for the lift and another facility: nothing is written.
    const earlier = new Date(Date.parse(seen) - 5 * 60_000).toISOString();
    const res = await push({
      id: 'order-0',
      statuses: [
        { facilityId: other, status: 'not_available', observedAt: clock.now.toISOString() },
        { facilityId: lift, status: 'available', observedAt: earlier },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'transit.status_outdated',
      details: [{ field: 'statuses[1]', facilityId: lift, observedAt: earlier, currentObservedAt: seen }],
    });
    expect(res.json().error.message).toContain('an older status never overwrites a newer one');
    expect({ lift: await state(lift), other: await state(other), changes: await changes() }).toEqual(before);
    // Refused pushes are not recorded as accepted: the same id may come again once fixed.
    expect(await w.t.services.db.selectFrom('transit_status_push').select('push_id').where('push_id', '=', 'order-0').executeTakeFirst()).toBeUndefined();
    // A status observed in the future (a wrong clock at the source) is refused too.
    const future = await push({
      id: 'order-2',
      statuses: [{ facilityId: lift, status: 'available', observedAt: new Date(clock.now.getTime() + 3_600_000).toISOString() }],
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('transit.observed_in_future');
    // The API-key feed follows the same rule.
    const viaKey = await call('POST', '/api/v1/transit/facility-status', keys.metro, {
      statuses: [{ facilityId: lift, status: 'available', observedAt: earlier }],
    });
    expect(viaKey.status).toBe(409);
    expect((await state(lift)).status).toBe('not_available');
  });
});

describe('webhooks for app developers', () => {
  it('anyone with an API key may follow the public changes; a private (organisation) webhook is for operators and stewards', async () => {
    const hook = await call('POST', '/api/v1/transit/webhooks', keys.volunteer, { url: 'http://127.0.0.1:9/hooks' });
    expect(hook.status, hook.text).toBe(201);
    expect(hook.body).toMatchObject({ scope: 'public', secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const denied = await call('POST', '/api/v1/transit/webhooks', keys.volunteer, { url: 'http://127.0.0.1:9/hooks', scope: 'organisation' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('anyone with an API key may follow the public changes');
    expect((await call('POST', '/api/v1/transit/webhooks', keys.metro, { url: 'http://127.0.0.1:9/metro', scope: 'organisation' })).body).toMatchObject({
      scope: 'organisation',
    });
    expect([401, 403]).toContain((await call('POST', '/api/v1/transit/webhooks', undefined, { url: 'http://127.0.0.1:9/hooks' })).status); // no key: refused (CSRF or sign-in)
  });
});
