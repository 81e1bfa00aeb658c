import ICAL from 'ical.js';
import { afterAll, beforeAll } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { Agent } from './agent.js';
import { createTestContext, type TestContext } from './test-app.js';

/**
 * The world of the learning programme tests (learn-*.test.ts): a test context whose clock is the file's own
 * (`useLearnFixture(() => now)`, 2 November 2026 by default), an admin, an organiser of the data and statistics
 * division, an official of another division and four citizens (a–d) with their user ids, and the helpers the tests
 * share. Integration files share their worker's modules (isolate: false), so every file's beforeAll builds it afresh.
 */
export const PASSWORD = 'learn password 123';
export const DIVISION = 'smg-data-statistics-division';
export let t: TestContext;
export const agents = {} as Record<'admin' | 'organiser' | 'outsider' | 'a' | 'b' | 'c' | 'd', Agent>;
export const ids = {} as Record<'a' | 'b' | 'c' | 'd' | 'organiser', string>;

export const seminarBody = (over: Record<string, unknown> = {}) => ({
  kind: 'seminar',
  titleKo: '빅데이터캠퍼스 시민 세미나',
  titleEn: 'Big Data Campus seminar',
  summaryKo: '서울 대기질 데이터를 함께 읽습니다.',
  audience: 'everyone',
  level: 'beginner',
  placeKo: '서울시 빅데이터캠퍼스 교육장',
  placeEn: 'Seoul Big Data Campus',
  capacity: 2,
  organisation: DIVISION,
  sessions: [{ startsAt: '2026-11-20T19:00', endsAt: '2026-11-20T21:00' }],
  ...over,
});
export const db = () => t.services.db;
export const state = async (programmeId: string) => {
  const p = await db().selectFrom('learn_programme').select(['seats_taken', 'capacity']).where('id', '=', programmeId).executeTakeFirstOrThrow();
  const regs = await db().selectFrom('learn_registration').select(['user_id', 'state']).where('programme_id', '=', programmeId).execute();
  return {
    seats: Number(p.seats_taken),
    capacity: Number(p.capacity),
    registered: regs.filter((r) => r.state === 'registered').map((r) => r.user_id),
    waitlisted: regs.filter((r) => r.state === 'waitlisted').map((r) => r.user_id),
  };
};
export const notifications = async (userId: string, prefix: string) =>
  await db().selectFrom('accounts_notification').select(['title_ko', 'url']).where('user_id', '=', userId).where('title_ko', 'like', `${prefix}%`).execute();
export const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

/** Registers the file's beforeAll (context, users, agents) and afterAll. */
export function useLearnFixture(clock: () => Date = () => new Date('2026-11-02T01:00:00Z')) {
  beforeAll(async () => {
    t = await createTestContext();
    t.services.now = clock;
    const s = t.services;
    await createUser(s, system(), { email: 'admin@learn.kr', password: PASSWORD, role: 'admin' });
    ids.organiser = (await createUser(s, system(), { email: 'organiser@learn.kr', password: PASSWORD, role: 'official' })).id;
    await createUser(s, system(), { email: 'outsider@learn.kr', password: PASSWORD, role: 'official' });
    await addOrganisationMember(s, system(), { organisation: DIVISION, email: 'organiser@learn.kr', role: 'member' });
    await addOrganisationMember(s, system(), { organisation: 'smg-gis-division', email: 'outsider@learn.kr', role: 'member' });
    for (const name of ['admin', 'organiser', 'outsider'] as const) {
      agents[name] = new Agent(t.app);
      await agents[name].signIn(`${name}@learn.kr`, PASSWORD);
    }
    for (const name of ['a', 'b', 'c', 'd'] as const) {
      agents[name] = new Agent(t.app);
      await agents[name].signUp(`${name}@learn.kr`, PASSWORD, `시민${name.toUpperCase()}`);
      ids[name] = (await s.db.selectFrom('accounts_user').select('id').where('email', '=', `${name}@learn.kr`).executeTakeFirstOrThrow()).id;
    }
  });
  afterAll(() => t.close());
}
