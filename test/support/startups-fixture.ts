import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { examplePng } from '../../src/contexts/startups/seeds/example-image.js';
import { Agent } from './agent.js';
import { createTestContext, type TestContext } from './test-app.js';

/**
 * The world of the startups integration tests (startups-*.test.ts): a test context whose clock is the file's own
 * (`useStartupsFixture(() => now)`, 10:00 on Monday 2 November 2026 in Seoul by default), signed-in agents (an admin, an
 * official of the information planning division, an official of the data and statistics division, a founder, a rival
 * founder and a citizen), the ids the tests pass on, and the helpers they share. Integration files share their
 * worker's modules (isolate: false), so every file's beforeAll starts this state afresh.
 */
export const PASSWORD = 'startups password 123';
export let t: TestContext;
export const agents = {} as Record<'admin' | 'official' | 'dataOfficial' | 'founder' | 'rival' | 'citizen', Agent>;
export const anon = () => new Agent(t.app);
export const ids = { startup: '', rival: '', feedback: '', item: '', application: '' };

export const api = (url: string) => t.app.inject({ method: 'GET', url }).then((r) => r.json());
export const count = async (
  table: 'startups_profile' | 'startups_solution' | 'startups_application' | 'startups_feedback' | 'accountability_item' | 'startups_endorsement',
) =>
  Number(
    (
      await t.services.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
export const notified = async (email: string, like: string) =>
  (
    await t.services.db
      .selectFrom('accounts_notification as n')
      .innerJoin('accounts_user as u', 'u.id', 'n.user_id')
      .select('n.title_en')
      .where('u.email', '=', email)
      .where('n.title_en', 'like', like)
      .execute()
  ).length;

/** A multipart form with an image, like a browser sends it (CSRF field first). */
export async function postImage(a: Agent, url: string, fields: Record<string, string>, image: Buffer | null, accept = 'text/html') {
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await a.get('/startups')).body)?.[1] ?? '';
  const boundary = `st${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`)];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (image)
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="solution.png"\r\nContent-Type: image/png\r\n\r\n`),
      image,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { cookie: a.cookieHeader, accept, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

export const profileJson = () => ({ ...profileForm, teamSize: 5 });
export const profileForm = {
  nameKo: '서울무빙',
  nameEn: 'Seoul Moving',
  whatKo: '배리어프리 경로 안내 앱을 만듭니다.',
  whatEn: 'A step-free route guide.',
  field: 'mobility',
  stage: 'prototype',
  teamSize: '5',
  foundersAgeBand: '30_34',
  contactEmail: 'hello@seoulmoving.kr',
};
export const callBody = (over: Record<string, unknown> = {}) => ({
  titleKo: '청년 스타트업 협의체 모집',
  titleEn: 'Call for the youth startup body',
  summaryKo: '협의체 회원 모집',
  summaryEn: 'Members wanted',
  opensOn: '2026-11-01',
  applyBy: '2026-11-20',
  eligibilityKo: '만 39세 이하',
  eligibilityEn: 'Founders 39 or under',
  maxAgeBand: '35_39',
  seats: 10,
  ...over,
});

/**
 * Registers the file's beforeAll (a fresh context, users and agents) and afterAll. With `seedSeoulMoving`, the founder
 * registers 서울무빙 (`seoul-moving`, from `profileForm`) with one solution whose English description is missing and an
 * application to a body call (`callBody()`), as the profile and consultative body tests leave it, for the files whose
 * tests start from that profile.
 */
export function useStartupsFixture(clock: () => Date = () => new Date('2026-11-02T01:00:00Z'), opts: { seedSeoulMoving?: boolean } = {}) {
  beforeAll(async () => {
    Object.assign(ids, { startup: '', rival: '', feedback: '', item: '', application: '' });
    t = await createTestContext();
    t.services.now = clock;
    const s = t.services;
    await createUser(s, system(), { email: 'admin@st.kr', password: PASSWORD, role: 'admin' });
    await createUser(s, system(), { email: 'official@st.kr', password: PASSWORD, role: 'official' });
    await createUser(s, system(), { email: 'dataofficial@st.kr', password: PASSWORD, role: 'official' });
    await addOrganisationMember(s, system(), { organisation: 'smg-information-planning-division', email: 'official@st.kr', role: 'member' });
    await addOrganisationMember(s, system(), { organisation: 'smg-data-statistics-division', email: 'dataofficial@st.kr', role: 'member' });
    for (const name of ['admin', 'official', 'dataOfficial'] as const) {
      agents[name] = new Agent(t.app);
      await agents[name].signIn(`${name.toLowerCase()}@st.kr`, PASSWORD);
    }
    for (const name of ['founder', 'rival', 'citizen'] as const) {
      agents[name] = new Agent(t.app);
      await agents[name].signUp(`${name}@st.kr`, PASSWORD, name);
    }
    if (opts.seedSeoulMoving) {
      const res = await agents.founder.post('/startups/register', profileForm);
      if (res.statusCode !== 303) throw new Error(`registering seoul-moving: ${res.statusCode}`);
      ids.startup = (await api('/api/v1/startups/seoul-moving')).id;
      const png = examplePng([20, 90, 160], 60, 40);
      const sol = await postImage(
        agents.founder,
        '/startups/seoul-moving/solutions',
        { titleKo: '무장애 길찾기', titleEn: 'Step-free routes', imageAlt: '경로 화면' },
        png,
      );
      if (sol.statusCode !== 303) throw new Error(`adding a solution: ${sol.statusCode}`);
      const call = await agents.official.api('POST', '/api/v1/startups/calls', callBody());
      if (call.statusCode !== 201) throw new Error(`opening a call: ${call.statusCode}`);
      const applied = await agents.founder.api('POST', `/api/v1/startups/calls/${call.json().slug}/applications`, {
        startup: 'seoul-moving',
        motivation: '해외 진출을 준비하고 싶습니다.',
      });
      if (applied.statusCode !== 201) throw new Error(`applying to the call: ${applied.statusCode} ${applied.body}`);
    }
  });
  afterAll(() => t.close());
}
