import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'notices password 123';
const TITLE = '교육 일정을 미리 알려 주세요.';
let t: TestContext;
let officer: Agent;
let author: Agent;
let follower: Agent;
let itemId = '';
let now = new Date('2026-11-02T01:00:00Z');

const userId = async (email: string) => (await t.services.db.selectFrom('accounts_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
/** The first word of each in-app notice about the item (paused, resumed…), by its Korean title. */
const inApp = async (email: string) =>
  (
    await t.services.db
      .selectFrom('accounts_notification')
      .select('title_ko')
      .where('user_id', '=', await userId(email))
      .orderBy('at')
      .execute()
  )
    .map((n) => n.title_ko)
    .filter((x) => x.endsWith(`: ${TITLE}`))
    .map((x) => x.split(':')[0]);
const mails = async (email: string) => (await t.services.mailer.outbox(1000)).filter((m) => m.to === email && m.subject.endsWith(`: ${TITLE}`));
const KO = {
  paused: '답변 기한이 멈췄습니다',
  resumed: '답변 기한이 다시 흐릅니다',
  extended: '답변 기한이 연장되었습니다',
  answered: '답변이 등록되었습니다',
};

beforeAll(async () => {
  t = await createTestContext();
  t.services.now = () => now;
  await createUser(t.services, system(), { email: 'officer@notices.kr', password: PASSWORD, role: 'official' });
  await addOrganisationMember(t.services, system(), { organisation: 'smg-data-statistics-division', email: 'officer@notices.kr', role: 'member' });
  officer = new Agent(t.app);
  await officer.signIn('officer@notices.kr', PASSWORD);
  author = new Agent(t.app);
  await author.signUp('author@notices.kr');
  follower = new Agent(t.app);
  await follower.signUp('follower@notices.kr');
  expect((await author.post('/plan/commitments/digital-literacy-civic-hacking/comments', { body: TITLE })).statusCode).toBe(303);
  itemId = (await t.services.db.selectFrom('accountability_item').select('id').where('title', '=', TITLE).executeTakeFirstOrThrow()).id;
  expect((await follower.post(`/accountability/items/${itemId}/follow`, {})).statusCode).toBe(303);
});
afterAll(() => t.close());

describe(`notices per kind of event, in the app and by mail (${dialect})`, () => {
  it('each reader chooses, by the API or the page, which kinds come in the app and which by mail', async () => {
    const before = (await follower.api('GET', '/api/v1/accountability/notice-preferences')).json() as Array<{
      notice: string;
      inApp: boolean;
      byMail: boolean;
    }>;
    expect(before.map((p) => p.notice)).toEqual(['paused', 'resumed', 'extended', 'answered', 'confirmed', 'disputed', 'escalated']);
    expect(before.every((p) => p.inApp && p.byMail)).toBe(true);
    const put = await follower.api('PUT', '/api/v1/accountability/notice-preferences', {
      choices: { paused: { inApp: false }, extended: { inApp: false, byMail: false }, answered: { byMail: false } },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().find((p: { notice: string }) => p.notice === 'paused')).toMatchObject({ inApp: false, byMail: true });
    // The author uses the page: only the answer, by mail.
    expect((await author.get('/accountability/notices')).body).toContain('name="answered.byMail" value="1" checked');
    const saved = await author.post('/accountability/notices', { 'answered.byMail': '1' });
    expect(saved.statusCode).toBe(303);
    const page = await author.get('/accountability/notices?saved=1');
    expect(page.body).toContain('name="answered.byMail" value="1" checked');
    expect(page.body).not.toContain('name="answered.inApp" value="1" checked');
    expect(page.body).not.toContain('name="paused.byMail" value="1" checked');
  });

  it('refuses unknown kinds and non-boolean choices clearly, and strangers', async () => {
    const unknown = await follower.api('PUT', '/api/v1/accountability/notice-preferences', { choices: { weather: { inApp: true } } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('accountability.unknown_notice');
    expect((await follower.api('PUT', '/api/v1/accountability/notice-preferences', { choices: { paused: { inApp: 'yes' } } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/accountability/notice-preferences' })).statusCode).toBe(401);
    const anonymousPage = await t.app.inject({ method: 'GET', url: '/accountability/notices', headers: { accept: 'text/html' } });
    expect(anonymousPage.statusCode).toBe(303);
    expect(anonymousPage.headers.location).toBe('/sign-in?next=/accountability/notices');
  });

  it('the events reach each reader only the ways they chose', async () => {
    expect((await officer.post(`/accountability/items/${itemId}/pause`, { reason: '교육 장소 확인' })).statusCode).toBe(303);
    now = new Date('2026-11-04T01:00:00Z');
    expect((await officer.post(`/accountability/items/${itemId}/resume`, {})).statusCode).toBe(303);
    expect((await officer.post(`/accountability/items/${itemId}/extend`, { days: '3', reason: '협의 중' })).statusCode).toBe(303);
    expect(
      (await officer.post(`/accountability/items/${itemId}/answer`, { decision: '반영', reasons: '일정을 공개합니다', nextSteps: '', publish: '1' }))
        .statusCode,
    ).toBe(303);

    expect(await inApp('follower@notices.kr')).toEqual([KO.resumed, KO.answered]);
    expect((await mails('follower@notices.kr')).map((m) => m.subject.split('] ')[1]!.split(':')[0]).sort()).toEqual([KO.paused, KO.resumed].sort());
    expect(await inApp('author@notices.kr')).toEqual([]);
    const authorMails = await mails('author@notices.kr');
    expect(authorMails.map((m) => m.subject.split('] ')[1]!.split(':')[0])).toEqual([KO.answered]);
    // The mail says what this reader may do: the author may accept or dispute; both links are there, each said for what it does.
    expect(authorMails[0]!.text).toContain('이의를 제기할 수 있습니다');
    expect(authorMails[0]!.text).toContain('/accountability/notices');
    expect(authorMails[0]!.text).toContain('로그인 없이 한 번에');
    const followerPause = (await mails('follower@notices.kr')).find((m) => m.subject.includes(KO.paused))!.text;
    expect(followerPause).not.toContain('이의를 제기할 수 있습니다');
    expect(followerPause).toContain('제안자의 보완을 기다리며');
  });

  it('the one-click unsubscribe still works without signing in, whatever the choices', async () => {
    const link = /(\/accountability\/items\/[^\s]+\/unfollow\?[^\s]+)/.exec((await mails('follower@notices.kr'))[0]!.text)![1]!;
    const done = await t.app.inject({ method: 'GET', url: link, headers: { accept: 'text/html' } });
    expect(done.statusCode).toBe(200);
    expect((await author.post(`/accountability/items/${itemId}/dispute`, { reason: '장소가 빠졌습니다' })).statusCode).toBe(303);
    expect(await inApp('follower@notices.kr')).toEqual([KO.resumed, KO.answered]);
    expect(await mails('follower@notices.kr')).toHaveLength(2);
  });
});
