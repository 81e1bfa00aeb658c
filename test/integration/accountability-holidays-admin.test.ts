import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { HOLIDAY_YEARS, LUNAR_YEARS } from '../../src/core/calendar/korean-calendar.js';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'holidays password 123';
let t: TestContext;
let admin: Agent;
let citizen: Agent;
const holidaysOf = async (year: number) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/holidays?year=${year}` })).json().holidays as Array<{
    date: string;
    source: string;
    reason: string | null;
  }>;

beforeAll(async () => {
  t = await createTestContext();
  await createUser(t.services, system(), { email: 'admin@holidays.kr', password: PASSWORD, role: 'admin' });
  admin = new Agent(t.app);
  await admin.signIn('admin@holidays.kr', PASSWORD);
  citizen = new Agent(t.app);
  await citizen.signUp('citizen@holidays.kr');
});
afterAll(() => t.close());

describe(`the admin page of holidays (${dialect})`, () => {
  it('says where the published tables and the lunar tables end', async () => {
    const page = await admin.get('/accountability/holidays/manage?lang=ko');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`data-first="${HOLIDAY_YEARS.first}" data-last="${HOLIDAY_YEARS.last}" data-lunar="${LUNAR_YEARS.last}"`);
    expect(page.body).toContain(`${HOLIDAY_YEARS.last}년까지 있습니다. ${HOLIDAY_YEARS.last + 1}년부터는 법정 규칙으로 계산`);
    expect(page.body).toContain('추가한 날이 없습니다.');
    expect((await admin.get('/admin')).body).toContain('href="/accountability/holidays/manage"');
    expect((await admin.get('/accountability/holidays')).body).toContain('href="/accountability/holidays/manage"');
    expect((await citizen.get('/accountability/holidays')).body).not.toContain('href="/accountability/holidays/manage"');
  });

  it("an admin adds a day with a reason, the public calendar shows it as the admin's, and the admin takes it back with a reason", async () => {
    // A plain Wednesday in 2031, a year past the published tables.
    const day = '2031-04-16';
    expect((await holidaysOf(2031)).some((h) => h.date === day)).toBe(false);
    const missing = await admin.post('/accountability/holidays/manage', { date: day, nameKo: '임시공휴일', nameEn: 'Temporary holiday', reason: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('id="error-summary"');
    const added = await admin.post('/accountability/holidays/manage', {
      date: day,
      nameKo: '임시공휴일',
      nameEn: 'Temporary holiday',
      reason: '정부 지정 임시공휴일(시험)',
    });
    expect(added.statusCode).toBe(303);
    expect((await holidaysOf(2031)).find((h) => h.date === day)).toMatchObject({ source: 'admin', reason: '정부 지정 임시공휴일(시험)' });
    const again = await admin.post('/accountability/holidays/manage', { date: day, nameKo: '또', nameEn: 'Again', reason: '중복' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('이날은 이미 공휴일입니다.');
    const page = await admin.get('/accountability/holidays/manage?lang=ko');
    expect(page.body).toContain(`<tr data-date="${day}">`);
    expect(page.body).toContain('정부 지정 임시공휴일(시험)');

    expect((await admin.post(`/accountability/holidays/manage/${day}/remove`, { reason: '' })).statusCode).toBe(422);
    expect((await admin.post(`/accountability/holidays/manage/${day}/remove`, { reason: '지정 취소' })).statusCode).toBe(303);
    expect((await holidaysOf(2031)).some((h) => h.date === day)).toBe(false);
    const audit = await t.services.db.selectFrom('core_audit').select(['action', 'after_json']).where('entity_id', '=', day).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['accountability.add_holiday', 'accountability.remove_holiday']);
    expect(audit[1]!.after_json).toContain('지정 취소');
    expect((await admin.post('/accountability/holidays/manage/2031-04-17/remove', { reason: '없음' })).statusCode).toBe(404);
  });

  it('is for admins only', async () => {
    expect((await citizen.get('/accountability/holidays/manage')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/accountability/holidays/manage', headers: { accept: 'text/html' } });
    expect(anonymous.statusCode).toBe(303);
  });
});
