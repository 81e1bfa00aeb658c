import { afterAll, beforeAll } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { createDataset } from '../../src/contexts/data/use-cases/create-dataset.js';
import { Agent } from './agent.js';
import { publishFixtureVersion } from './lake-fixtures.js';
import { createTestContext, type TestContext } from './test-app.js';

/**
 * The world of the data request tests (demand.test.ts): a test context whose clock is the file's own
 * (`useDemandFixture(() => now)`, 10:00 on Monday 2 November 2026 in Seoul by default), an admin, an official and a
 * publisher of the data and statistics division, an official of another division, four citizens, and three datasets
 * (`seoul-bike-rentals` with a version, `unrelated-noise`, and `bike-draft`, a draft). Integration files share their
 * worker's modules (isolate: false), so every file's beforeAll builds it afresh.
 */
export const PASSWORD = 'demand password 123';
export const DATA_DIVISION = 'smg-data-statistics-division';
export let t: TestContext;
export const LINK_REASON = '대여소별 이용 건수를 월별로 담고 있어 요청한 내용과 같습니다.';
export const agents = {} as Record<'admin' | 'official' | 'outsider' | 'publisher' | 'requester' | 'minji' | 'junho' | 'citizen', Agent>;

export const api = (path: string) => t.app.inject({ method: 'GET', url: path }).then((r) => r.json());
export const countRequests = async () =>
  Number(
    (
      await t.services.db
        .selectFrom('demand_request')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
export const notified = async (title: string) =>
  (
    await t.services.db
      .selectFrom('accounts_notification as n')
      .innerJoin('accounts_user as u', 'u.id', 'n.user_id')
      .select('u.email')
      .where('n.title_ko', 'like', `${title}%`)
      .execute()
  )
    .map((r) => r.email)
    .sort();

/** Registers the file's beforeAll (context, users, agents, datasets) and afterAll. */
export function useDemandFixture(clock: () => Date = () => new Date('2026-11-02T01:00:00Z')) {
  beforeAll(async () => {
    t = await createTestContext();
    t.services.now = clock;
    const s = t.services;
    await createUser(s, system(), { email: 'admin@demand.kr', password: PASSWORD, role: 'admin' });
    await createUser(s, system(), { email: 'official@demand.kr', password: PASSWORD, role: 'official' });
    await createUser(s, system(), { email: 'outsider@demand.kr', password: PASSWORD, role: 'official' });
    await createUser(s, system(), { email: 'publisher@demand.kr', password: PASSWORD, role: 'citizen' });
    await addOrganisationMember(s, system(), { organisation: DATA_DIVISION, email: 'official@demand.kr', role: 'member' });
    await addOrganisationMember(s, system(), { organisation: 'smg-gis-division', email: 'outsider@demand.kr', role: 'member' });
    await addOrganisationMember(s, system(), { organisation: DATA_DIVISION, email: 'publisher@demand.kr', role: 'member' });
    for (const name of ['admin', 'official', 'outsider', 'publisher'] as const) {
      agents[name] = new Agent(t.app);
      await agents[name].signIn(`${name}@demand.kr`, PASSWORD);
    }
    for (const name of ['requester', 'minji', 'junho', 'citizen'] as const) {
      agents[name] = new Agent(t.app);
      await agents[name].signUp(`${name}@demand.kr`, PASSWORD, name);
    }
    const division = await s.db.selectFrom('accounts_organisation').select('id').where('slug', '=', DATA_DIVISION).executeTakeFirstOrThrow();
    await createDataset(s, system(), {
      id: 'seoul-bike-rentals',
      titleKo: '공공자전거 대여소별 이용 현황',
      titleEn: 'Public bike rentals per station',
      keywords: ['따릉이'],
      publisherId: division.id,
    });
    // A dataset with a version: an empty one is an unlisted draft, found by no search.
    await publishFixtureVersion(s, 'seoul-bike-rentals', { sql: `SELECT '광화문' AS station, 12 AS rentals` });
    await createDataset(s, system(), { id: 'unrelated-noise', titleKo: '소음 측정', keywords: ['소음'] });
    await createDataset(s, system(), { id: 'bike-draft', titleKo: '자전거 초안', keywords: ['따릉이'], publisherId: division.id }); // no version: a draft
  });
  afterAll(() => t.close());
}
