import { beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { Agent } from '../support/agent.js';
import { STATION, upkeepWorld, type Json } from '../support/transit-upkeep-world.js';

/**
 * Reports as FixMyStreet does them, at 교대: the steward organisation's members hear of a report the moment it
 * arrives (mail and in the app), any member answers it (no platform role), the station page says the lift was
 * reported not working with the report's clock, and the public lists show every report with its answer in words.
 */
const w = upkeepWorld();
const { call, keys } = w;
const member = { key: '', id: '' }; // a Seoul Metro member who is a plain citizen on the platform
const db = () => w.t.services.db;
const elevators = async () =>
  await db().selectFrom('transit_facility').select(['id', 'name']).where('station_id', '=', STATION).where('type', '=', 'elevator').orderBy('id').execute();
const userId = async (email: string) => (await db().selectFrom('accounts_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  const s = w.t.services;
  const u = await createUser(s, system(), { email: 'member@seoulmetro.kr', password: 'long enough password 1', role: 'citizen' });
  await addOrganisationMember(s, system(), { organisation: 'seoul-metro', email: 'member@seoulmetro.kr', role: 'member' });
  member.id = u.id;
  member.key = (
    await createApiKey(
      s,
      { kind: 'user', user: { id: u.id, email: 'member@seoulmetro.kr', displayName: 'member', role: 'citizen', memberships: [] } },
      { name: 'test' },
    )
  ).secret;
});

describe('a report reaches the operator at once', () => {
  let first: Json;
  it('an app files it with any developer API key, no cookie or CSRF; every member of the steward organisation is told at once, by mail and in the app', async () => {
    const [lift] = await elevators();
    const res = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/transit/stations/${STATION}/reports`,
      headers: { 'x-api-key': keys.volunteer },
      payload: { problem: 'elevator_out', facilityId: lift!.id, note: '문이 열리지 않아요' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['set-cookie']).toBeUndefined();
    first = res.json();
    expect(first).toMatchObject({
      status: 'open',
      title: { ko: '교대(법원.검찰청): 엘리베이터 고장', en: 'Seoul Nat`l Univ. of Education: Elevator out of service' },
      organisation: { slug: 'seoul-metro' },
    });
    const item = await db().selectFrom('accountability_item').selectAll().where('subject_id', '=', first.id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ answered_by: 'members', title: '교대(법원.검찰청): 엘리베이터 고장' });
    const told = (await db().selectFrom('accounts_notification').select('user_id').where('url', '=', `/accountability/items/${item.id}`).execute()).map(
      (n) => n.user_id,
    );
    expect(told.sort()).toEqual([await userId('lift@seoulmetro.kr'), member.id].sort()); // both members, official or not; not the GIS division
    const mails = (await w.t.services.mailer.outbox(100)).filter((m) => m.subject.includes('교대(법원.검찰청): 엘리베이터 고장'));
    expect(mails.map((m) => m.to).sort()).toEqual(['lift@seoulmetro.kr', 'member@seoulmetro.kr']);
  });

  it('without a key or a cookie the API says what to send; an unknown key is refused', async () => {
    const none = await w.t.app.inject({ method: 'POST', url: `/api/v1/transit/stations/${STATION}/reports`, payload: { problem: 'map_error' } });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('auth.api_key_required');
    expect(none.json().error.message).toContain('X-API-Key');
    const wrong = await call('POST', `/api/v1/transit/stations/${STATION}/reports`, 'os_not_a_key', { problem: 'map_error' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('auth.api_key_invalid');
  });

  it('the anonymous browser form keeps its CSRF check; a honeypot, links and the same report again are refused with clear 4xx', async () => {
    const browser = new Agent(w.t.app);
    const form = await browser.get(`/transit/stations/${STATION}/report`);
    expect(form.body).toContain('name="website"');
    expect(
      (await browser.post(`/transit/stations/${STATION}/report`, { problem: 'wrong_direction', note: '3번 출구 안내가 반대' }, { csrf: null })).statusCode,
    ).toBe(403);
    const sent = await browser.post(`/transit/stations/${STATION}/report`, { problem: 'wrong_direction', note: '3번 출구 안내가 반대' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toMatch(/^\/transit\/reports\/[0-9a-f-]{36}\?notice=reported$/);
    const again = await browser.post(`/transit/stations/${STATION}/report`, { problem: 'wrong_direction', note: '3번  출구 안내가 반대 ' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(sent.headers.location!.split('?')[0]);
    const bot = await browser.post(`/transit/stations/${STATION}/report`, { problem: 'other', note: '광고', website: 'http://spam.example' });
    expect(bot.statusCode).toBe(400);
    const link = await browser.post(`/transit/stations/${STATION}/report`, { problem: 'other', note: '싸게 팝니다 www.spam-shop.com' });
    expect(link.statusCode).toBe(400);
    expect(link.body).toContain('Links are not accepted');
    const api = await call('POST', `/api/v1/transit/stations/${STATION}/reports`, keys.volunteer, {
      problem: 'elevator_out',
      facilityId: (await elevators())[0]!.id,
      note: '문이 열리지 않아요',
    });
    expect(api.status).toBe(409);
    expect(api.body.error).toMatchObject({ code: 'transit.report_duplicate' });
    expect(api.body.error.message).toContain(first.id);
  });

  it('one permission model: a Seoul Metro member answers without the official role; a non-member cannot', async () => {
    expect((await call('GET', `/transit/reports/${first.id}`, keys.gis)).text).not.toContain(`action="/transit/reports/${first.id}/resolve"`);
    expect((await call('GET', `/transit/reports/${first.id}`, member.key)).text).toContain(`action="/transit/reports/${first.id}/resolve"`);
    const refused = await call('POST', `/api/v1/transit/reports/${first.id}/resolve`, keys.gis, { confirmed: true, reasons: '확인' });
    expect(refused.status).toBe(403);
    const answered = await call('POST', `/api/v1/transit/reports/${first.id}/resolve`, member.key, {
      confirmed: true,
      reasons: '현장 확인, 부품 교체 중',
      facilityStatus: 'not_available',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'confirmed', facilityStatus: 'not_available' });
  });
});

describe('what everyone sees', () => {
  let open: Json;
  it('the station page says "reported not working, awaiting the operator" beside the lift, with when it came and its due date, in both languages', async () => {
    const lift = (await elevators())[1]!;
    open = (
      await call('POST', `/api/v1/transit/stations/${STATION}/reports`, keys.muui, { problem: 'elevator_out', facilityId: lift.id, note: '버튼이 안 눌림' })
    ).body;
    const view = (await call('GET', `/api/v1/transit/reports/${open.id}`)).body;
    expect(view.clock).toMatchObject({ state: 'running', dueOn: expect.stringMatching(/^2026-11-2\d$/) });
    const ko = (await call('GET', `/transit/stations/${STATION}`)).text;
    const flag = new RegExp(`data-reported="${lift.id}">작동하지 않는다는 신고가 있음, 운영기관 확인 기다림 \\(접수 [^,]+, 답변 기한 ${view.clock.dueOn}\\)`);
    expect(ko).toMatch(flag);
    expect(ko).toContain(`data-report="${open.id}"`);
    expect(ko).toContain('엘리베이터 고장');
    const en = (await call('GET', `/transit/stations/${STATION}?lang=en`)).text;
    expect(en).toContain(`Reported not working, awaiting the operator (received`);
    expect(en).toContain(`answer due ${view.clock.dueOn}`);
  });

  it('the public lists per station and per operator show every report with its answer, in words, never a raw code', async () => {
    const station = (await call('GET', `/api/v1/transit/stations/${STATION}/reports`)).body;
    const answered = station.items.find((r: Json) => r.status === 'confirmed');
    expect(answered).toMatchObject({
      statusName: { ko: '운영기관이 확인함' },
      answer: { reasons: '현장 확인, 부품 교체 중' },
      answeredOnTime: true,
      clock: null,
    });
    expect(answered.answer.decision).toBe('운영기관이 확인함: 보수 중(사용 불가)');
    expect(station.items.find((r: Json) => r.id === open.id)).toMatchObject({
      status: 'open',
      statusName: { en: 'Reported, awaiting the operator' },
      answer: null,
    });
    expect(JSON.stringify(station)).not.toMatch(/author|email/);
    const onlyOpen = (await call('GET', `/api/v1/transit/stations/${STATION}/reports?status=open`)).body.items;
    expect(onlyOpen.every((r: Json) => r.status === 'open')).toBe(true);
    expect(onlyOpen.length).toBeGreaterThanOrEqual(2);
    const operator = (await call('GET', '/api/v1/transit/operators/seoul-metro/reports')).body.items;
    expect(operator.map((r: Json) => r.id)).toEqual(expect.arrayContaining([answered.id, open.id]));
    expect(operator.every((r: Json) => r.organisation.slug === 'seoul-metro')).toBe(true); // the sign complaint went to the GIS division
    for (const [url, lang] of [
      [`/transit/stations/${STATION}/reports`, 'ko'],
      ['/transit/operators/seoul-metro/reports?lang=en', 'en'],
    ] as const) {
      const page = (await call('GET', url)).text;
      expect(page).toContain(lang === 'ko' ? '현장 확인, 부품 교체 중' : 'Confirmed by the operator');
      expect(page).toContain(lang === 'ko' ? '엘리베이터 고장' : 'Elevator out of service');
      expect(page).not.toMatch(/elevator_out|not_available|wrong_direction|>open<|confirmed:/);
    }
    expect((await call('GET', '/api/v1/transit/stations/no-such-station/reports')).status).toBe(404);
    expect((await call('GET', '/transit/operators/no-such-org/reports')).status).toBe(404);
    expect((await call('GET', `/api/v1/transit/stations/${STATION}/reports?status=lost`)).status).toBe(400);
  });
});

describe('rate limit', () => {
  it('a key gets 30 reports an hour, then a clear 429', async () => {
    const s = w.t.services;
    const u = await createUser(s, system(), { email: 'busy-app@example.kr', password: 'long enough password 1', role: 'citizen' });
    const key = (
      await createApiKey(
        s,
        { kind: 'user', user: { id: u.id, email: 'busy-app@example.kr', displayName: 'app', role: 'citizen', memberships: [] } },
        { name: 'app' },
      )
    ).secret;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await call('POST', `/api/v1/transit/stations/${STATION}/reports`, key, { problem: 'map_error', note: `지도 오류 ${i}번` })).status);
    expect(statuses.slice(0, 30).every((st) => st === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
    const limited = await call('POST', `/api/v1/transit/stations/${STATION}/reports`, key, { problem: 'map_error', note: '또' });
    expect(limited.body.error.code).toBe('request.rate_limited');
  });
});
