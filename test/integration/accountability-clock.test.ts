import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { backfillClockEvents } from '../../src/contexts/accountability/migrations/2026-12-06-10-accountability-clock-events.js';
import { sendReminders } from '../../src/contexts/accountability/use-cases/send-reminders.js';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'clock password 123';
const DEPT = 'smg-data-statistics-division';
let t: TestContext;
let official: Agent;
let head: Agent;
let citizen: Agent;
let now = new Date('2026-11-02T01:00:00Z'); // Monday 2 November 2026, 10:00 in Seoul
const at = (date: string) => {
  now = new Date(`${date}T01:00:00Z`);
};
const userId = async (email: string) => (await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const notices = async (email: string) =>
  await t.services.db
    .selectFrom('accounts_notification')
    .select(['title_ko', 'url'])
    .where('user_id', '=', await userId(email))
    .execute();
const itemApi = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${id}` })).json();
const scoreFor = async (key: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/accountability/scorecard' })).json().byDepartment.find((l: { key: string }) => l.key === key);

beforeAll(async () => {
  t = await createTestContext();
  t.services.now = () => now;
  await createUser(t.services, system(), { email: 'officer@clock.kr', password: PASSWORD, role: 'official' });
  await createUser(t.services, system(), { email: 'head@clock.kr', password: PASSWORD, role: 'official' });
  await addOrganisationMember(t.services, system(), { organisation: DEPT, email: 'officer@clock.kr', role: 'member' });
  await addOrganisationMember(t.services, system(), { organisation: DEPT, email: 'head@clock.kr', role: 'admin' });
  official = new Agent(t.app);
  await official.signIn('officer@clock.kr', PASSWORD);
  head = new Agent(t.app);
  await head.signIn('head@clock.kr', PASSWORD);
  citizen = new Agent(t.app);
  await citizen.signUp('citizen@clock.kr');
});
afterAll(() => t.close());

describe(`append-only clock (${dialect})`, () => {
  let itemId = '';

  it('a late first answer stays late after a dispute, an escalation and an on-time answer at the next level', async () => {
    at('2026-11-02');
    expect((await citizen.post('/plan/commitments/digital-literacy-civic-hacking/comments', { body: '교육 일정은 언제 공개되나요?' })).statusCode).toBe(303);
    itemId = (await t.services.db.selectFrom('accountability_item').select('id').where('kind_id', '=', 'plan.comment').executeTakeFirstOrThrow()).id;
    expect(await itemApi(itemId)).toMatchObject({ receivedOn: '2026-11-02', dueOn: '2026-11-20' });
    at('2026-11-04');
    expect((await official.post(`/accountability/items/${itemId}/pause`, { reason: '질문의 범위를 확인하고 있습니다' })).statusCode).toBe(303);
    at('2026-11-06');
    expect((await official.post(`/accountability/items/${itemId}/resume`, {})).statusCode).toBe(303);
    at('2026-11-10');
    expect((await official.post(`/accountability/items/${itemId}/extend`, { days: '2', reason: '관계 부서 협의' })).statusCode).toBe(303);
    // 14 business days + 2 paused (Wed 4, Thu 5) + 2 extended from Mon 2 November: Thursday 26 November.
    expect(await itemApi(itemId)).toMatchObject({ dueOn: '2026-11-26', clock: 'running' });
    at('2026-12-10');
    expect(
      (await official.post(`/accountability/items/${itemId}/answer`, { decision: '12월 공개', reasons: '강사 섭외 중', nextSteps: '', publish: '1' }))
        .statusCode,
    ).toBe(303);
    const answered = await itemApi(itemId);
    expect(answered).toMatchObject({ state: 'answered', answeredOnTime: false });
    expect(answered.stages).toEqual([
      expect.objectContaining({
        level: 0,
        openedOn: '2026-11-02',
        dueOn: '2026-11-26',
        answeredOn: '2026-12-10',
        onTime: false,
        businessDaysLate: 10,
        businessDaysToAnswer: 28,
      }),
    ]);

    at('2026-12-11');
    expect((await citizen.post(`/accountability/items/${itemId}/dispute`, { reason: '늦고 부실합니다' })).statusCode).toBe(303);
    expect((await citizen.post(`/accountability/items/${itemId}/escalate`, {})).statusCode).toBe(303);
    const escalated = await itemApi(itemId);
    expect(escalated).toMatchObject({ state: 'escalated', escalationLevel: 1, receivedOn: '2026-11-02', answeredOnTime: false, clock: 'running' });
    // The new stage has its own clock: 14 business days from Fri 11 December, skipping Christmas and 1 January.
    expect(escalated.dueOn).toBe('2027-01-04');
    // The public pause and extension record of the first stage is still there.
    expect(escalated.pauses).toEqual([{ stage: 0, from: '2026-11-04', to: '2026-11-06', reason: '질문의 범위를 확인하고 있습니다' }]);
    expect(escalated.stages[0]).toMatchObject({
      onTime: false,
      extension: { days: 2, reason: '관계 부서 협의' },
      outcome: { kind: 'disputed', reason: '늦고 부실합니다' },
    });

    at('2026-12-14');
    expect(
      (await head.post(`/accountability/items/${itemId}/answer`, { decision: '1월 공개', reasons: '일정을 앞당겼습니다', nextSteps: '', publish: '1' }))
        .statusCode,
    ).toBe(303);
    const after = await itemApi(itemId);
    expect(after.stages.map((s: { level: number; onTime: boolean }) => [s.level, s.onTime])).toEqual([
      [0, false],
      [1, true],
    ]);
    expect(after.answeredOnTime).toBe(false);
    expect(after.history.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'paused',
      'resumed',
      'extended',
      'answered',
      'disputed',
      'escalated',
      'answered',
    ]);
    const page = await citizen.get(`/accountability/items/${itemId}`);
    expect(page.body).toContain('기한 넘겨 답변');
    expect(page.body).toContain('근무일 10일 늦음');
  });

  it('the scorecard is recomputed from the events, not from the item row', async () => {
    const line = await scoreFor(DEPT);
    expect(line).toMatchObject({ received: 1, answered: 1, answeredOnTime: 0, medianDays: 28, disputes: 1 });
    // Even a row rewritten behind the history's back does not change a figure.
    await t.services.db
      .updateTable('accountability_item')
      .set({ answered_on_time: 1, business_days_to_answer: 0, received_on: '2026-12-11' })
      .where('id', '=', itemId)
      .execute();
    expect(await scoreFor(DEPT)).toMatchObject({ answered: 1, answeredOnTime: 0, medianDays: 28 });
    expect((await itemApi(itemId)).stages[0]).toMatchObject({ openedOn: '2026-11-02', onTime: false });
  });

  it('the history cannot be changed in the database', async () => {
    await expect(
      t.services.db.updateTable('accountability_clock_event').set({ on_date: '2026-12-01' }).where('item_id', '=', itemId).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('after an escalation, reminders go to whoever answers at the new stage, not to the first official', async () => {
    at('2026-12-15');
    expect((await citizen.post('/plan/commitments/digital-literacy-civic-hacking/comments', { body: '교육 장소는 어디인가요?' })).statusCode).toBe(303);
    const second = (
      await t.services.db
        .selectFrom('accountability_item')
        .select('id')
        .where('kind_id', '=', 'plan.comment')
        .where('id', '!=', itemId)
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (await official.post(`/accountability/items/${second}/answer`, { decision: '시청', reasons: '교육장 예약', nextSteps: '', publish: '1' })).statusCode,
    ).toBe(303);
    expect((await citizen.post(`/accountability/items/${second}/dispute`, { reason: '장소가 멉니다' })).statusCode).toBe(303);
    expect((await citizen.post(`/accountability/items/${second}/escalate`, {})).statusCode).toBe(303);
    const officerBefore = (await notices('officer@clock.kr')).filter((n) => n.url.includes(second) && n.title_ko.includes('기한')).length;
    at('2027-01-15'); // long past the new stage's due date
    expect((await sendReminders(t.services)).sent).toBeGreaterThanOrEqual(1);
    const headNotices = (await notices('head@clock.kr')).filter((n) => n.url.includes(second));
    expect(headNotices.some((n) => n.title_ko.includes('답변 기한이'))).toBe(true);
    expect((await notices('officer@clock.kr')).filter((n) => n.url.includes(second) && n.title_ko.includes('기한')).length).toBe(officerBefore);
  });
});

describe(`existing rows become a history without losing anything (${dialect})`, () => {
  it('an item escalated under the old scheme keeps its first stage, pauses and extension', async () => {
    const db = t.services.db;
    const org = (await db.selectFrom('accounts_organisation').select('id').where('slug', '=', DEPT).executeTakeFirstOrThrow()).id;
    const author = await userId('citizen@clock.kr');
    const id = randomUUID();
    const stamp = (iso: string) => ({ id: randomUUID(), item_id: id, at: iso, actor_id: author });
    await db
      .insertInto('accountability_item')
      .values({
        id,
        kind_id: 'plan.comment',
        subject_type: 'legacy',
        subject_id: id,
        title: '옛 방식의 항목',
        url: '/legacy',
        author_id: author,
        organisation_id: org,
        assignee_id: null,
        state: 'escalated',
        escalation_level: 1,
        answered_by: 'officials',
        received_at: '2026-10-20T01:00:00.000Z',
        received_on: '2026-10-20',
        extension_days: 3,
        extension_reason: '두 번째 단계 연장',
        answered_on: null,
        answered_on_time: null,
        business_days_to_answer: null,
        dispute_reason: '답이 틀렸습니다',
        created_at: '2026-09-01T01:00:00.000Z',
        updated_at: '2026-10-21T01:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('accountability_event')
      .values([
        { ...stamp('2026-09-01T01:00:00.000Z'), type: 'received', detail: null },
        { ...stamp('2026-09-03T01:00:00.000Z'), type: 'paused', detail: JSON.stringify({ reason: '보완 요청' }) },
        { ...stamp('2026-09-07T01:00:00.000Z'), type: 'resumed', detail: null },
        { ...stamp('2026-10-01T01:00:00.000Z'), type: 'answered', detail: JSON.stringify({ decision: 'x', onTime: false, level: 0 }) },
        { ...stamp('2026-10-02T01:00:00.000Z'), type: 'disputed', detail: JSON.stringify({ reason: '답이 틀렸습니다' }) },
        { ...stamp('2026-10-20T01:00:00.000Z'), type: 'escalated', detail: JSON.stringify({ level: 'head_of_department' }) },
        { ...stamp('2026-10-21T01:00:00.000Z'), type: 'extended', detail: JSON.stringify({ days: 3, reason: '두 번째 단계 연장' }) },
      ])
      .execute();
    await db
      .insertInto('accountability_pause')
      .values({
        id: randomUUID(),
        item_id: id,
        from_on: '2026-10-22',
        to_on: null,
        reason: '추가 자료 요청',
        created_by: null,
        created_at: '2026-10-22T01:00:00.000Z',
      })
      .execute();
    expect(await backfillClockEvents(db)).toBe(1);
    expect(await backfillClockEvents(db)).toBe(0);
    at('2026-10-23');
    const view = await itemApi(id);
    expect(view.history.map((e: { type: string; on: string; stage: number }) => [e.stage, e.type, e.on])).toEqual([
      [0, 'received', '2026-09-01'],
      [0, 'paused', '2026-09-03'],
      [0, 'resumed', '2026-09-07'],
      [0, 'answered', '2026-10-01'],
      [0, 'disputed', '2026-10-02'],
      [1, 'escalated', '2026-10-20'],
      [1, 'extended', '2026-10-21'],
      [1, 'paused', '2026-10-22'],
    ]);
    expect(view).toMatchObject({ receivedOn: '2026-09-01', clock: 'paused', extensionDays: 3 });
    expect(view.stages[0]).toMatchObject({ openedOn: '2026-09-01', answeredOn: '2026-10-01', outcome: { kind: 'disputed' } });
    expect(view.pauses).toEqual([
      { stage: 0, from: '2026-09-03', to: '2026-09-07', reason: '보완 요청' },
      { stage: 1, from: '2026-10-22', to: null, reason: '추가 자료 요청' },
    ]);
  });
});
