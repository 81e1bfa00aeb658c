import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { Agent } from '../support/agent.js';
import { englishWithoutLang } from '../support/lang-crawl.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'crawl password 123';
let t: TestContext;
let admin: Agent;
let official: Agent;
let citizen: Agent;

beforeAll(async () => {
  t = await createTestContext();
  t.services.now = () => new Date('2026-11-02T01:00:00Z');
  await createUser(t.services, system(), { email: 'admin@crawl.kr', password: PASSWORD, role: 'admin' });
  await createUser(t.services, system(), { email: 'official@crawl.kr', password: PASSWORD, role: 'official' });
  await addOrganisationMember(t.services, system(), { organisation: 'smg-gis-division', email: 'official@crawl.kr', role: 'member' });
  admin = new Agent(t.app);
  await admin.signIn('admin@crawl.kr', PASSWORD);
  official = new Agent(t.app);
  await official.signIn('official@crawl.kr', PASSWORD);
  citizen = new Agent(t.app);
  await citizen.signUp('citizen@crawl.kr');
  // English-only content typed by people: a member, a meeting, a comment, an edit.
  expect(
    (
      await admin.post('/plan/committee/members', {
        name: 'Jane Kim',
        affiliationEn: 'Open Knowledge Foundation',
        sector: 'civil_society',
        commitment: 'subway-transfer-maps',
      })
    ).statusCode,
  ).toBe(303);
  expect(
    (
      await admin.post('/plan/committee/meetings', {
        heldOn: '2026-10-20',
        titleEn: 'Sub-group kick-off meeting',
        place: 'City Hall',
        agendaEn: 'Choosing the pilot stations',
        subgroup: 'subway-transfer-maps',
      })
    ).statusCode,
  ).toBe(303);
  expect((await citizen.post('/plan/commitments/subway-transfer-maps/comments', { body: 'Please add lift outages to the maps.' })).statusCode).toBe(303);
  expect(
    (
      await admin.post('/accountability/holidays/manage', {
        date: '2031-04-16',
        nameKo: '임시공휴일',
        nameEn: 'Temporary holiday',
        reason: 'Declared by the government',
      })
    ).statusCode,
  ).toBe(303);
  const c = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments/subway-transfer-maps' })).json();
  expect(
    (
      await official.api('PATCH', `/api/v1/plan/content/milestone/${c.milestones[0].id}`, {
        changes: { titleEn: 'Upgrade the transfer maps with indoor spatial data', weight: 2 },
        note: 'Clearer English title',
      })
    ).statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

/** Every plan and accountability page a reader can reach, in Korean. */
async function pages(): Promise<Array<{ url: string; agent?: Agent }>> {
  const plan = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments' })).json() as Array<{
    id: string;
    slug: string;
    milestones: Array<{ id: string }>;
  }>;
  const items = await t.services.db.selectFrom('accountability_item').select('id').execute();
  const meeting = await t.services.db.selectFrom('plan_meeting').select('id').executeTakeFirstOrThrow();
  return [
    { url: '/plan' },
    { url: '/plan/committee' },
    { url: '/plan/history' },
    { url: '/plan/calls' },
    ...plan.map((c) => ({ url: `/plan/commitments/${c.slug}` })),
    ...plan.flatMap((c) => c.milestones.map((m) => ({ url: `/plan/milestones/${m.id}` }))),
    ...plan.map((c) => ({ url: `/plan/history?entity=commitment&id=${c.id}` })),
    { url: `/plan/edit/commitment/${plan[0]!.id}`, agent: official },
    { url: `/plan/edit/milestone/${plan[0]!.milestones[0]!.id}`, agent: official },
    { url: `/plan/edit/meeting/${meeting.id}`, agent: admin },
    { url: '/plan/committee', agent: admin },
    { url: '/accountability' },
    { url: '/accountability/holidays' },
    { url: '/accountability/holidays?year=2031' },
    ...['smg-gis-division', 'smg-data-statistics-division', 'smg-information-planning-division'].map((s) => ({ url: `/accountability/departments/${s}` })),
    ...items.map((i) => ({ url: `/accountability/items/${i.id}` })),
    { url: '/accountability/queue', agent: official },
    { url: '/accountability/notices', agent: citizen },
    { url: '/accountability/holidays/manage', agent: admin },
  ];
}

describe(`Korean pages mark every English text (${dialect})`, () => {
  it('the check itself finds English without lang, and accepts it with lang="en"', () => {
    expect(englishWithoutLang('<html lang="ko"><body><p>결정: Decision pending</p></body></html>')).toHaveLength(1);
    expect(englishWithoutLang('<html lang="ko"><body><p>결정: <span lang="en">Decision pending</span></p><p>JSON · CSV</p></body></html>')).toEqual([]);
    expect(englishWithoutLang('<html lang="ko"><body><img alt="Subway map"></body></html>')).toHaveLength(1);
  });

  it('no plan or accountability page in Korean shows English content without lang="en"', async () => {
    const findings: string[] = [];
    for (const { url, agent } of await pages()) {
      const res = agent
        ? await agent.get(`${url}${url.includes('?') ? '&' : '?'}lang=ko`)
        : await t.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}lang=ko`, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<html lang="ko"');
      for (const f of englishWithoutLang(res.body)) findings.push(`${url}: "${f.text}" in ${f.path}`);
    }
    expect(findings).toEqual([]);
  });
});
