import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sendReminders } from '../../src/contexts/accountability/use-cases/send-reminders.js';
import { PLAN_SEED_FILE } from '../../src/contexts/plan/seeds/action-plan.seed.js';
import { Agent } from '../support/agent.js';
import { PASSWORD, admin, callId, citizen, official, other, scoreFor, t, usePlanFixture } from '../support/plan-accountability-fixture.js';
import { dialect } from '../support/test-app.js';

let now = new Date('2026-11-02T01:00:00Z'); // Monday 2 November 2026, 10:00 in Seoul
usePlanFixture(() => now);

describe(`the seeded action plan (${dialect})`, () => {
  it('has the three commitments and every milestone of the seed, with their dates', async () => {
    const seed = JSON.parse(await fs.readFile(PLAN_SEED_FILE, 'utf8'));
    const api = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments' })).json();
    expect(api).toHaveLength(3);
    for (const [i, c] of seed.commitments.entries()) {
      expect(api[i].title.en).toBe(c.title.en);
      expect(api[i].milestones.map((m: { start: string; end: string }) => [m.start, m.end])).toEqual(
        c.milestones.map((m: { start: string; end: string }) => [m.start, m.end]),
      );
    }
    expect(api[0].milestones[0]).toMatchObject({ start: '2018-08', end: '2020-08', late: true });
    const one = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments/subway-transfer-maps' })).json();
    expect(one.responsible.email).toBe('yoobery7@seoul.go.kr');
  });
  it('exports JSON and CSV', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/plan/export.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(1 + 9);
    const json = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/export.json' })).json();
    expect(json.commitments).toHaveLength(3);
  });
});

describe(`suggestion → answer → confirmation (${dialect})`, () => {
  let suggestionId = '';
  let itemId = '';
  it('a citizen suggests while the call is open; the clock starts in business days', async () => {
    const before = await scoreFor('smg-data-statistics-division');
    const res = await citizen.post(`/plan/calls/${callId}/suggestions`, { title: '공원 데이터 공개', body: '구별 공원 면적과 이용자 수를 공개해 주세요.' });
    expect(res.statusCode).toBe(303);
    suggestionId = res.headers.location!.split('/').pop()!;
    itemId = (await t.services.db.selectFrom('accountability_item').select('id').where('subject_id', '=', suggestionId).executeTakeFirstOrThrow()).id;
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${itemId}` })).json();
    expect(item).toMatchObject({ state: 'received', receivedOn: '2026-11-02', dueOn: '2026-11-20', clock: 'running' });
    expect((await scoreFor('smg-data-statistics-division')).received).toBe(before.received + 1);
  });

  it('refuses a double submission, a script, and anything outside the window, saving nothing', async () => {
    const again = await citizen.post(
      `/plan/calls/${callId}/suggestions`,
      { title: '공원 데이터 공개', body: '같은 제안을 한 번 더 보냅니다.' },
      { accept: 'application/json' },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('plan.duplicate_suggestion');
    const form = { title: '동시 제출', body: '두 번 눌러도 한 번만 저장되어야 합니다.' };
    const both = await Promise.all([
      citizen.post(`/plan/calls/${callId}/suggestions`, form, { accept: 'application/json' }),
      citizen.post(`/plan/calls/${callId}/suggestions`, form, { accept: 'application/json' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    await t.services.db
      .deleteFrom('accountability_event')
      .where('item_id', 'in', t.services.db.selectFrom('accountability_item').select('id').where('title', '=', '동시 제출'))
      .execute();
    await t.services.db
      .deleteFrom('accountability_follower')
      .where('item_id', 'in', t.services.db.selectFrom('accountability_item').select('id').where('title', '=', '동시 제출'))
      .execute();
    await t.services.db.deleteFrom('accountability_item').where('title', '=', '동시 제출').execute();
    await t.services.db.deleteFrom('plan_suggestion').where('title', '=', '동시 제출').execute();
    const script = await citizen.post(`/plan/calls/${callId}/suggestions`, { title: '스크립트', body: '<script>alert(1)</script> 넣기' });
    expect(script.statusCode).toBe(422);
    expect(script.body).toContain('스크립트나 HTML 태그는 넣을 수 없습니다');
    now = new Date('2026-11-16T01:00:00Z');
    const late = await citizen.post(
      `/plan/calls/${callId}/suggestions`,
      { title: '늦은 제안', body: '마감 뒤에 보내는 제안입니다.' },
      { accept: 'application/json' },
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'plan.call_closed', details: { closesOn: '2026-11-15' } });
    now = new Date('2026-11-02T01:00:00Z');
    const count = await t.services.db
      .selectFrom('plan_suggestion')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const items = await t.services.db
      .selectFrom('accountability_item')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(items.n)).toBe(1);
  });

  it('only an official of the department may answer', async () => {
    const outsider = new Agent(t.app);
    await outsider.signIn('outsider@plan.kr', PASSWORD);
    const answer = { decision: '채택', reasons: '이유', nextSteps: '' };
    expect((await outsider.post(`/accountability/items/${itemId}/answer`, answer, { accept: 'application/json' })).statusCode).toBe(403);
    expect((await citizen.post(`/accountability/items/${itemId}/answer`, answer, { accept: 'application/json' })).statusCode).toBe(403);
    expect((await new Agent(t.app).post(`/accountability/items/${itemId}/answer`, answer, { accept: 'application/json' })).statusCode).toBe(401);
  });

  it('supporters follow; the official pauses, resumes and answers with reasons; author and followers are notified', async () => {
    expect((await other.post(`/plan/suggestions/${suggestionId}/support`, {})).statusCode).toBe(303);
    expect((await other.post(`/plan/suggestions/${suggestionId}/support`, {}, { accept: 'application/json' })).statusCode).toBe(409);
    expect((await official.post(`/accountability/items/${itemId}/assign`, {})).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${itemId}` })).json().state).toBe('assigned');
    expect((await official.post(`/accountability/items/${itemId}/pause`, { reason: '제안자에게 대상 지역을 물었습니다' })).statusCode).toBe(303);
    now = new Date('2026-11-05T01:00:00Z');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${itemId}` })).json().clock).toBe('paused');
    expect((await official.post(`/accountability/items/${itemId}/resume`, {})).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${itemId}` })).json().dueOn).toBe('2026-11-25');
    const draft = await official.post(`/accountability/items/${itemId}/answer`, { decision: '초안', reasons: '아직', nextSteps: '', publish: '0' });
    expect(draft.statusCode).toBe(303);
    expect((await citizen.get(`/plan/suggestions/${suggestionId}`)).body).not.toContain('초안');
    const before = await scoreFor('smg-data-statistics-division');
    const res = await official.post(`/accountability/items/${itemId}/answer`, {
      decision: '2027 실행계획에 반영합니다',
      reasons: '데이터 수요가 여러 자치구에서 확인되었습니다.',
      nextSteps: '2027년 상반기 공개',
      publish: '1',
    });
    expect(res.statusCode).toBe(303);
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${itemId}` })).json();
    expect(item).toMatchObject({
      state: 'answered',
      answeredOnTime: true,
      answers: [{ decision: '2027 실행계획에 반영합니다', nextSteps: '2027년 상반기 공개' }],
    });
    const after = await scoreFor('smg-data-statistics-division');
    expect(after.answered).toBe(before.answered + 1);
    expect(after.answeredOnTime).toBe(before.answeredOnTime + 1);
    // (The department's officials were told of the arrival too; here only the notices of the answer count.)
    const notes = await t.services.db
      .selectFrom('accounts_notification as n')
      .innerJoin('accounts_user as u', 'u.id', 'n.user_id')
      .select('u.email')
      .where('n.title_ko', 'like', '답변이 등록되었습니다%')
      .execute();
    expect(notes.map((n) => n.email).sort()).toEqual(['citizen@plan.kr', 'neighbour@plan.kr']);
    expect((await citizen.get('/account')).body).toContain('답변이 등록되었습니다: 공원 데이터 공개');
  });

  it('the citizen sees the answer and confirms it; nobody else can', async () => {
    const page = await citizen.get(`/plan/suggestions/${suggestionId}`);
    expect(page.body).toContain('데이터 수요가 여러 자치구에서 확인되었습니다.');
    expect((await other.post(`/accountability/items/${itemId}/confirm`, {}, { accept: 'application/json' })).statusCode).toBe(403);
    expect((await citizen.post(`/accountability/items/${itemId}/confirm`, {})).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${itemId}` })).json().state).toBe('confirmed');
    expect((await citizen.post(`/accountability/items/${itemId}/dispute`, { reason: '늦은 이의' }, { accept: 'application/json' })).statusCode).toBe(409);
  });

  it('officials record the outcome: adopted as a commitment, and the trail is one page', async () => {
    const res = await official.post(`/plan/suggestions/${suggestionId}/outcome`, {
      outcome: 'adopted',
      commitment: 'digital-literacy-civic-hacking',
      reason: '',
    });
    expect(res.statusCode).toBe(303);
    expect((await other.post(`/plan/suggestions/${suggestionId}/comments`, { body: '우리 구에도 필요합니다' })).statusCode).toBe(303);
    const page = await citizen.get(`/plan/suggestions/${suggestionId}`);
    expect(page.body).toContain('href="/plan/commitments/digital-literacy-civic-hacking"');
    expect(page.body).toContain('우리 구에도 필요합니다');
    const declined = await official.post(`/plan/suggestions/${suggestionId}/outcome`, { outcome: 'declined', reason: '' });
    expect(declined.statusCode).toBe(422);
  });
});

describe(`disputes, escalation, overdue and reminders (${dialect})`, () => {
  it('a comment on a commitment is answered by its department; a dispute escalates to the head of department', async () => {
    now = new Date('2026-11-02T01:00:00Z');
    const res = await citizen.post('/plan/commitments/digital-literacy-civic-hacking/comments', { body: '교육 일정은 언제 공개되나요?' });
    expect(res.statusCode).toBe(303);
    const item = await t.services.db.selectFrom('accountability_item').selectAll().where('kind_id', '=', 'plan.comment').executeTakeFirstOrThrow();
    expect(
      (await official.post(`/accountability/items/${item.id}/answer`, { decision: '12월 공개', reasons: '강사 섭외 중', nextSteps: '', publish: '1' }))
        .statusCode,
    ).toBe(303);
    expect((await citizen.post(`/accountability/items/${item.id}/dispute`, { reason: '너무 늦습니다' })).statusCode).toBe(303);
    expect((await citizen.post(`/accountability/items/${item.id}/escalate`, {})).statusCode).toBe(303);
    const escalated = (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${item.id}` })).json();
    expect(escalated).toMatchObject({ state: 'escalated', escalationLevel: 1 });
    // The officer may no longer answer at level 1; the head of department may.
    expect(
      (
        await official.post(
          `/accountability/items/${item.id}/answer`,
          { decision: 'x', reasons: 'y', nextSteps: '', publish: '1' },
          { accept: 'application/json' },
        )
      ).statusCode,
    ).toBe(403);
    expect((await scoreFor('smg-data-statistics-division')).disputes).toBeGreaterThanOrEqual(1);
  });

  it('computes overdue and sends each reminder once, even when run twice', async () => {
    const res = await other.post(`/plan/calls/${callId}/suggestions`, { title: '자전거 도로 데이터', body: '자전거 도로 구간 데이터를 공개해 주세요.' });
    expect(res.statusCode).toBe(303);
    const id = res.headers.location!.split('/').pop()!;
    const item = await t.services.db.selectFrom('accountability_item').select('id').where('subject_id', '=', id).executeTakeFirstOrThrow();
    now = new Date('2026-11-18T01:00:00Z'); // 2 business days before the due date, 20 November
    const first = await sendReminders(t.services);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect((await sendReminders(t.services)).sent).toBe(0);
    now = new Date('2026-11-24T01:00:00Z');
    const overdue = (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${item.id}` })).json();
    expect(overdue).toMatchObject({ clock: 'overdue', dueOn: '2026-11-20', businessDaysLate: 2 });
    expect((await sendReminders(t.services)).sent).toBeGreaterThanOrEqual(1);
    expect((await sendReminders(t.services)).sent).toBe(0);
    const reminders = await t.services.db.selectFrom('accountability_reminder').selectAll().where('item_id', '=', item.id).execute();
    expect(reminders.map((r) => r.reminder).sort()).toEqual(['due_soon', 'overdue']);
    expect((await scoreFor('smg-data-statistics-division')).overdueNow).toBeGreaterThanOrEqual(1);
  });

  it("lets admins change a kind's rule, validated", async () => {
    const bad = await admin.api('PATCH', '/api/v1/accountability/kinds/plan.comment', { days: 0 });
    expect(bad.statusCode).toBe(422);
    const ok = await admin.api('PATCH', '/api/v1/accountability/kinds/plan.comment', { days: 10, unit: 'calendar_days' });
    expect(ok.json()).toMatchObject({ id: 'plan.comment', days: 10, unit: 'calendar_days' });
    const kinds = (await t.app.inject({ method: 'GET', url: '/api/v1/accountability/kinds' })).json();
    expect(kinds.map((k: { id: string }) => k.id)).toEqual(expect.arrayContaining(['plan.comment', 'plan.suggestion']));
  });

  it('extends a deadline once, with a reason, within the limit', async () => {
    const item = await t.services.db.selectFrom('accountability_item').select('id').where('state', '=', 'received').executeTakeFirstOrThrow();
    expect((await official.post(`/accountability/items/${item.id}/extend`, { days: '99', reason: '검토' })).statusCode).toBe(422);
    expect((await official.post(`/accountability/items/${item.id}/extend`, { days: '5', reason: '관계 부서 협의' })).statusCode).toBe(303);
    expect((await official.post(`/accountability/items/${item.id}/extend`, { days: '2', reason: '또' }, { accept: 'application/json' })).statusCode).toBe(409);
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${item.id}` })).json();
    expect(view).toMatchObject({ extensionDays: 5, extensionReason: '관계 부서 협의', dueOn: '2026-11-27' });
  });
});
