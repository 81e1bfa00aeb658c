import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { sendReminders } from '../../src/contexts/accountability/use-cases/send-reminders.js';
import { Agent } from '../support/agent.js';
import { parseAtom } from '../support/atom.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'owners password 123';
const DEPT = 'smg-data-statistics-division';
let t: TestContext;
let head: Agent;
let reviewer: Agent;
let citizen: Agent;
let now = new Date('2026-11-02T01:00:00Z'); // Monday 2 November 2026
const at = (date: string) => {
  now = new Date(`${date}T01:00:00Z`);
};
const userId = async (email: string) => (await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const notices = async (email: string, itemId: string) =>
  (
    await t.services.db
      .selectFrom('accounts_notification')
      .select(['title_ko', 'url'])
      .where('user_id', '=', await userId(email))
      .execute()
  )
    .filter((n) => n.url.includes(itemId))
    .map((n) => n.title_ko);
const noticesAbout = async (email: string, title: string) =>
  (
    await t.services.db
      .selectFrom('accounts_notification')
      .select('title_ko')
      .where('user_id', '=', await userId(email))
      .orderBy('at')
      .execute()
  )
    .map((n) => n.title_ko)
    .filter((n) => n.endsWith(`: ${title}`));
const newItem = async (commitment: string, body: string) => {
  expect((await citizen.post(`/plan/commitments/${commitment}/comments`, { body })).statusCode).toBe(303);
  return (await t.services.db.selectFrom('accountability_item').select('id').where('title', '=', body.slice(0, 80)).executeTakeFirstOrThrow()).id;
};

beforeAll(async () => {
  t = await createTestContext();
  t.services.now = () => now;
  await createUser(t.services, system(), { email: 'admin@owners.kr', password: PASSWORD, role: 'admin' });
  await createUser(t.services, system(), { email: 'officer@owners.kr', password: PASSWORD, role: 'official' });
  await createUser(t.services, system(), { email: 'head@owners.kr', password: PASSWORD, role: 'official' });
  await createUser(t.services, system(), { email: 'reviewer@owners.kr', password: PASSWORD, role: 'reviewer' });
  await addOrganisationMember(t.services, system(), { organisation: DEPT, email: 'officer@owners.kr', role: 'member' });
  await addOrganisationMember(t.services, system(), { organisation: DEPT, email: 'head@owners.kr', role: 'admin' });
  head = new Agent(t.app);
  await head.signIn('head@owners.kr', PASSWORD);
  reviewer = new Agent(t.app);
  await reviewer.signIn('reviewer@owners.kr', PASSWORD);
  citizen = new Agent(t.app);
  await citizen.signUp('citizen@owners.kr');
});
afterAll(() => t.close());

describe(`silence has an owner (${dialect})`, () => {
  let itemId = '';

  it("the department's officials are told the moment an input arrives", async () => {
    itemId = await newItem('digital-literacy-civic-hacking', '교육 자료를 공개해 주세요.');
    expect(await notices('officer@owners.kr', itemId)).toEqual(['새 요청이 접수되었습니다: 교육 자료를 공개해 주세요.']);
    expect(await notices('admin@owners.kr', itemId)).toEqual([]);
    // The reminder job does not announce it a second time.
    await sendReminders(t.services);
    expect(await notices('officer@owners.kr', itemId)).toHaveLength(1);
  });

  it('an input whose department has nobody to answer is flagged to the platform admins the day it arrives', async () => {
    const orphan = await newItem('subway-transfer-maps', '환승 지도를 고쳐 주세요.');
    expect(await notices('admin@owners.kr', orphan)).toEqual(['답변할 사람이 없는 요청: 환승 지도를 고쳐 주세요.']);
    const page = await t.app.inject({ method: 'GET', url: '/accountability/departments/smg-gis-division', headers: { accept: 'text/html' } });
    expect(page.body).toContain('답변할 수 있는 공무원이 등록되어 있지 않습니다');
  });

  it('the citizen may escalate an unanswered input only once it is overdue; the head of department is told at once', async () => {
    at('2026-11-20'); // the due date itself
    const early = await citizen.post(`/accountability/items/${itemId}/escalate`, {}, { accept: 'application/json' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'accountability.not_overdue', details: { dueOn: '2026-11-20' } });
    at('2026-11-24');
    expect((await citizen.get(`/accountability/items/${itemId}`)).body).toContain('다음 단계(부서장 또는 위원회)에 검토를 요청할 수 있습니다');
    const overdue = (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/departments/${DEPT}/overdue` })).json();
    expect(overdue).toMatchObject({ hasResponder: true, overdue: [{ id: itemId, dueOn: '2026-11-20', businessDaysLate: 2 }] });
    const page = await t.app.inject({ method: 'GET', url: `/accountability/departments/${DEPT}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain(`data-item="${itemId}"`);

    expect((await citizen.post(`/accountability/items/${itemId}/escalate`, {})).statusCode).toBe(303);
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${itemId}` })).json();
    expect(item).toMatchObject({ state: 'escalated', escalationLevel: 1, answeredOnTime: null });
    // The first stage stays as it ended: never answered, 2 business days past its due date.
    expect(item.stages[0]).toMatchObject({ level: 0, dueOn: '2026-11-20', answeredOn: null, onTime: false, businessDaysLate: 2 });
    expect(item.stages[1]).toMatchObject({ level: 1, openedOn: '2026-11-24', dueOn: '2026-12-14' });
    expect(await notices('head@owners.kr', itemId)).toContain('기한 안에 답변이 없어 상향 검토 요청: 교육 자료를 공개해 주세요.');
    expect((await t.services.mailer.outbox(500)).some((m) => m.to === 'head@owners.kr' && m.subject.includes('기한 안에 답변이 없어 상향 검토 요청'))).toBe(
      true,
    );
    // No longer overdue at the department: the new stage has its own clock.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/accountability/departments/${DEPT}/overdue` })).json().overdue).toEqual([]);
  });

  it('reminders at the new stage go to the head of department only; escalation to the committee tells the reviewers', async () => {
    const officerBefore = (await notices('officer@owners.kr', itemId)).length;
    at('2026-12-15');
    expect((await sendReminders(t.services)).sent).toBeGreaterThanOrEqual(1);
    expect((await notices('head@owners.kr', itemId)).some((n) => n.startsWith('답변 기한이 지났습니다'))).toBe(true);
    expect(await notices('officer@owners.kr', itemId)).toHaveLength(officerBefore);
    expect(
      (await head.post(`/accountability/items/${itemId}/answer`, { decision: '공개하지 않음', reasons: '개인정보', nextSteps: '', publish: '1' })).statusCode,
    ).toBe(303);
    expect((await citizen.post(`/accountability/items/${itemId}/dispute`, { reason: '가명 처리하면 됩니다' })).statusCode).toBe(303);
    expect((await citizen.post(`/accountability/items/${itemId}/escalate`, {})).statusCode).toBe(303);
    expect(await notices('reviewer@owners.kr', itemId)).toEqual(['이의 제기로 상향 검토 요청: 교육 자료를 공개해 주세요.']);
    expect(
      (await reviewer.post(`/accountability/items/${itemId}/answer`, { decision: '가명 처리 후 공개', reasons: '위원회 권고', nextSteps: '', publish: '1' }))
        .statusCode,
    ).toBe(303);
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/accountability/items/${itemId}` })).json();
    expect(item.stages.map((s: { level: number; onTime: boolean | null }) => [s.level, s.onTime])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    expect(item.answeredOnTime).toBe(false);
  });
});

describe(`citizens kept informed (${dialect})`, () => {
  it('every event reaches the author and the followers in the app and by mail; only the author is told they may dispute; one click unsubscribes', async () => {
    at('2026-12-21');
    const follower = new Agent(t.app);
    await follower.signUp('follower@owners.kr');
    const officer = new Agent(t.app);
    await officer.signIn('officer@owners.kr', PASSWORD);
    const id = await newItem('digital-literacy-civic-hacking', '강의 영상을 올려 주세요.');
    expect((await follower.post(`/accountability/items/${id}/follow`, {})).statusCode).toBe(303);
    expect((await follower.get(`/accountability/items/${id}`)).body).toContain('이 요청의 소식 그만 받기');
    expect((await officer.post(`/accountability/items/${id}/pause`, { reason: '어느 강의인지 알려 주세요' })).statusCode).toBe(303);
    at('2026-12-22');
    expect((await officer.post(`/accountability/items/${id}/resume`, {})).statusCode).toBe(303);
    expect((await officer.post(`/accountability/items/${id}/extend`, { days: '3', reason: '촬영 일정 확인' })).statusCode).toBe(303);
    expect(
      (await officer.post(`/accountability/items/${id}/answer`, { decision: '1월 게시', reasons: '편집 중', nextSteps: '', publish: '1' })).statusCode,
    ).toBe(303);
    const expected = ['답변 기한이 멈췄습니다', '답변 기한이 다시 흐릅니다', '답변 기한이 연장되었습니다', '답변이 등록되었습니다'];
    for (const email of ['citizen@owners.kr', 'follower@owners.kr']) {
      expect((await noticesAbout(email, '강의 영상을 올려 주세요.')).map((n) => n.split(':')[0]).sort()).toEqual([...expected].sort());
    }
    const outbox = await t.services.mailer.outbox(500);
    const mailTo = (email: string, subject: string) => outbox.find((m) => m.to === email && m.subject.includes(subject) && m.text.includes(id));
    for (const s of expected) {
      expect(mailTo('citizen@owners.kr', s), s).toBeDefined();
      expect(mailTo('follower@owners.kr', s), s).toBeDefined();
    }
    expect(mailTo('citizen@owners.kr', '답변 기한이 멈췄습니다')!.text).toContain('제안자의 보완을 기다리며');
    expect(mailTo('citizen@owners.kr', '답변 기한이 연장되었습니다')!.text).toContain('이유: 촬영 일정 확인');
    expect(mailTo('citizen@owners.kr', '답변이 등록되었습니다')!.text).toContain('이의를 제기할 수 있습니다');
    expect(mailTo('follower@owners.kr', '답변이 등록되었습니다')!.text).not.toContain('이의를 제기할 수 있습니다');

    // The same events in the Atom feeds of the input and of its department.
    const feed = await t.app.inject({ method: 'GET', url: `/accountability/items/${id}/events.atom` });
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const atom = parseAtom(feed.body);
    expect(atom.lang).toBe('ko');
    expect(atom.entries.map((e) => e.categories[0]?.term)).toEqual(['answered', 'extended', 'resumed', 'paused', 'received']);
    expect(atom.entries.map((e) => e.content).join('\n')).toContain('촬영 일정 확인');
    const deptFeed = await t.app.inject({ method: 'GET', url: `/accountability/departments/${DEPT}/events.atom` });
    expect(parseAtom(deptFeed.body).entries.some((e) => e.id.includes(`/accountability/items/${id}#event-`))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/accountability/departments/no-such-dept/events.atom' })).statusCode).toBe(404);

    // The one-click link, without signing in; a forged one is refused.
    const link = /(\/accountability\/items\/[^\s]+\/unfollow\?[^\s]+)/.exec(mailTo('follower@owners.kr', '답변이 등록되었습니다')!.text)![1]!;
    const forged = await t.app.inject({ method: 'GET', url: link.replace(/t=[^&]+/, 't=forged'), headers: { accept: 'text/html' } });
    expect(forged.statusCode).toBe(400);
    const done = await t.app.inject({ method: 'GET', url: link, headers: { accept: 'text/html' } });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('알림을 더 이상 보내지 않습니다');
    expect((await citizen.post(`/accountability/items/${id}/dispute`, { reason: '너무 늦습니다' })).statusCode).toBe(303);
    expect(await noticesAbout('follower@owners.kr', '강의 영상을 올려 주세요.')).toHaveLength(expected.length);
    // The author is not told of their own dispute.
    expect((await noticesAbout('citizen@owners.kr', '강의 영상을 올려 주세요.')).some((n) => n.startsWith('제안자가 답변에 이의를'))).toBe(false);
  });
});
