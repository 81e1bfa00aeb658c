import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { setExtraHolidays } from '../../src/core/calendar/korean-calendar.js';
import { sendReminders } from '../../src/contexts/accountability/use-cases/send-reminders.js';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'calendar password 123';
let t: TestContext;
let admin: Agent;
let citizen: Agent;
let now = new Date('2027-12-20T01:00:00Z'); // Monday 20 December 2027, 10:00 in Seoul
const at = (date: string) => {
  now = new Date(`${date}T01:00:00Z`);
};
const itemApi = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${id}` })).json();
const holidays = async (year: number) => await t.app.inject({ method: 'GET', url: `/api/v1/accountability/holidays?year=${year}` });

beforeAll(async () => {
  t = await createTestContext();
  t.services.now = () => now;
  setExtraHolidays([]);
  await createUser(t.services, system(), { email: 'admin@calendar.kr', password: PASSWORD, role: 'admin' });
  admin = new Agent(t.app);
  await admin.signIn('admin@calendar.kr', PASSWORD);
  citizen = new Agent(t.app);
  await citizen.signUp('citizen@calendar.kr');
});
afterAll(() => t.close());

describe(`a calendar that cannot run out (${dialect})`, () => {
  let itemId = '';
  it('an input received on 20 December 2027 is due on 10 January 2028, and every page and job works', async () => {
    expect((await citizen.post('/plan/commitments/digital-literacy-civic-hacking/comments', { body: '2028년 교육 계획을 알려 주세요.' })).statusCode).toBe(303);
    itemId = (await t.services.db.selectFrom('accountability_item').select('id').where('kind_id', '=', 'plan.comment').executeTakeFirstOrThrow()).id;
    // 14 business days: Christmas (Sat) gives Monday 27 December; 1 January 2028 is a Saturday.
    expect(await itemApi(itemId)).toMatchObject({ receivedOn: '2027-12-20', dueOn: '2028-01-10', clock: 'running' });
    at('2028-01-24');
    expect((await t.app.inject({ method: 'GET', url: `/accountability/items/${itemId}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/accountability' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/accountability/scorecard' })).statusCode).toBe(200);
    expect((await sendReminders(t.services)).sent).toBeGreaterThanOrEqual(1);
    // Mon 24 January 2028: 10 January + 10 business days.
    expect(await itemApi(itemId)).toMatchObject({ clock: 'overdue', businessDaysLate: 10 });
    at('2028-01-31'); // Tue 25 January, then 설날 (26–28 January) does not count: 12 business days late, not 15
    expect(await itemApi(itemId)).toMatchObject({ clock: 'overdue', businessDaysLate: 12 });
  });

  it('an item received in 2031 crosses 3·1절 and its substitute day', async () => {
    at('2031-02-24');
    expect((await citizen.post('/plan/commitments/digital-literacy-civic-hacking/comments', { body: '2031년 계획도 궁금합니다.' })).statusCode).toBe(303);
    const id = (await t.services.db.selectFrom('accountability_item').select('id').where('received_on', '=', '2031-02-24').executeTakeFirstOrThrow()).id;
    expect(await itemApi(id)).toMatchObject({ receivedOn: '2031-02-24', dueOn: '2031-03-17' });
  });

  it('lists the holidays of any year with their source and says where the tables end', async () => {
    const y2027 = (await holidays(2027)).json();
    expect(y2027.holidays.every((h: { source: string }) => h.source === 'table')).toBe(true);
    expect(y2027.notes).toEqual([]);
    const y2028 = (await holidays(2028)).json();
    expect(y2028.tables).toEqual({ first: 2018, last: 2027 });
    expect(y2028.notes[0].ko).toContain('2018–2027');
    expect(
      y2028.holidays
        .filter((h: { name: { ko: string } }) => h.name.ko.startsWith('설날') || h.name.ko.startsWith('추석'))
        .map((h: { date: string; source: string }) => [h.date, h.source]),
    ).toEqual([
      ['2028-01-26', 'rules'],
      ['2028-01-27', 'rules'],
      ['2028-01-28', 'rules'],
      ['2028-10-02', 'rules'],
      ['2028-10-03', 'rules'],
      ['2028-10-04', 'rules'],
    ]);
    expect(y2028.holidays.find((h: { date: string }) => h.date === '2028-01-27').name).toEqual({ ko: '설날', en: 'Seollal (Lunar New Year)' });
    expect((await holidays(2051)).json()).toMatchObject({ lunarKnown: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/accountability/holidays?year=abc' })).statusCode).toBe(400);
    const page = await t.app.inject({ method: 'GET', url: '/accountability/holidays?year=2028', headers: { accept: 'text/html' } });
    expect(page.body).toContain('법정 규칙으로 계산');
    expect(page.body).toContain('공표된 공휴일 표(2018–2027년)에 없어');
  });

  it('admins add a day with a reason (audited); it moves due dates; others may not', async () => {
    at('2031-02-24');
    const body = { date: '2031-03-04', nameKo: '임시공휴일', nameEn: 'Temporary holiday', reason: '관보 제2031-1호' };
    expect((await citizen.api('POST', '/api/v1/accountability/holidays', body)).statusCode).toBe(403);
    expect((await admin.api('POST', '/api/v1/accountability/holidays', { ...body, date: '2031-02-30' })).statusCode).toBe(422);
    expect((await admin.api('POST', '/api/v1/accountability/holidays', { ...body, date: '2031-03-03' })).statusCode).toBe(409);
    const added = await admin.api('POST', '/api/v1/accountability/holidays', body);
    expect(added.statusCode).toBe(201);
    const y2031 = (await holidays(2031)).json();
    expect(y2031.holidays.find((h: { date: string }) => h.date === '2031-03-04')).toMatchObject({ source: 'admin', reason: '관보 제2031-1호' });
    const id = (await t.services.db.selectFrom('accountability_item').select('id').where('received_on', '=', '2031-02-24').executeTakeFirstOrThrow()).id;
    expect((await itemApi(id)).dueOn).toBe('2031-03-18');
    const audit = await t.services.db.selectFrom('core_audit').selectAll().where('action', '=', 'accountability.add_holiday').execute();
    expect(audit).toHaveLength(1);
    expect((await admin.api('DELETE', '/api/v1/accountability/holidays/2031-03-04', { reason: '취소됨' })).statusCode).toBe(204);
    expect((await itemApi(id)).dueOn).toBe('2031-03-17');
  });
});
