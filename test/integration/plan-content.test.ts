import fs from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { PLAN_KO_FILE } from '../../src/contexts/plan/seeds/korean-translation.seed.js';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'content password 123';
let t: TestContext;
let admin: Agent;
let gis: Agent;
let data: Agent;
let citizen: Agent;

const commitment = async (slug: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/plan/commitments/${slug}` })).json();
const history = async (entity: string, id: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/plan/history?entity=${entity}&id=${id}` })).json().edits as Array<Record<string, string | null>>;

beforeAll(async () => {
  t = await createTestContext();
  await createUser(t.services, system(), { email: 'admin@content.kr', password: PASSWORD, role: 'admin' });
  await createUser(t.services, system(), { email: 'gis@content.kr', password: PASSWORD, role: 'official' });
  await createUser(t.services, system(), { email: 'data@content.kr', password: PASSWORD, role: 'official' });
  await addOrganisationMember(t.services, system(), { organisation: 'smg-gis-division', email: 'gis@content.kr', role: 'member' });
  await addOrganisationMember(t.services, system(), { organisation: 'smg-data-statistics-division', email: 'data@content.kr', role: 'member' });
  admin = new Agent(t.app);
  await admin.signIn('admin@content.kr', PASSWORD);
  gis = new Agent(t.app);
  await gis.signIn('gis@content.kr', PASSWORD);
  data = new Agent(t.app);
  await data.signIn('data@content.kr', PASSWORD);
  citizen = new Agent(t.app);
  await citizen.signUp('citizen@content.kr');
});
afterAll(() => t.close());

describe(`the plan's Korean text and who may change it (${dialect})`, () => {
  it('ships Korean for every commitment, milestone and responsible department, labelled as our translation', async () => {
    const ko = JSON.parse(await fs.readFile(PLAN_KO_FILE, 'utf8')) as {
      commitments: Array<{ number: number; title: string; milestones: Array<{ title: string }> }>;
    };
    const plan = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/commitments' })).json() as Array<Record<string, any>>;
    expect(plan).toHaveLength(3);
    for (const c of plan) {
      const source = ko.commitments.find((k) => k.number === c.number)!;
      expect(c.title.ko).toBe(source.title);
      expect(c.translated).toEqual(expect.arrayContaining(['titleKo', 'outlineKo', 'objectivesKo', 'statusQuoKo', 'descriptionKo']));
      expect(c.milestones.map((m: any) => m.title.ko)).toEqual(source.milestones.map((m) => m.title));
      for (const m of c.milestones) expect(m.translated).toEqual(expect.arrayContaining(['titleKo', 'activitiesKo']));
      expect(c.responsible.organisation.name.ko).toMatch(/^서울특별시 /);
      expect(c.responsible.organisation.translated).toEqual(['nameKo']);
      // The English stays the city's: never marked.
      expect(c.translated.filter((f: string) => f.endsWith('En'))).toEqual([]);
    }
    // The history says where the Korean came from.
    const first = await history('commitment', plan[0]!.id);
    expect(first.find((e) => e.field === 'titleKo')).toMatchObject({ before: null, after: plan[0]!.title.ko, by: '열린 서울' });
    expect(first.find((e) => e.field === 'titleKo')!.note).toContain('서울시 원문이 아님');
  });

  it("an official of the responsible department writes the city's Korean title and a weight; the history keeps both versions", async () => {
    const before = await commitment('subway-transfer-maps');
    const title = '교통약자를 위한 시민 참여형 지하철 환승 지도 제작';
    const res = await gis.api('PATCH', `/api/v1/plan/content/commitment/${before.id}`, {
      changes: { titleKo: title, titleEn: before.title.en },
      note: '부서 공식 번역',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ entity: 'commitment', id: before.id, changed: ['titleKo'] });
    const after = await commitment('subway-transfer-maps');
    expect(after.title.ko).toBe(title);
    expect(after.translated).not.toContain('titleKo');
    expect(after.translated).toContain('outlineKo');
    const edits = await history('commitment', before.id);
    expect(edits[0]).toMatchObject({ field: 'titleKo', before: before.title.ko, after: title, note: '부서 공식 번역' });
    expect(edits.filter((e) => e.field === 'titleKo')).toHaveLength(2);

    // Weights move the progress figure: milestone 1 at 100 % and weight 3 of 5 → 60 %.
    const [m1, m2] = after.milestones;
    for (const [m, w] of [
      [m1, 3],
      [m2, 1],
    ] as const) {
      const r = await gis.api('PATCH', `/api/v1/plan/content/milestone/${m.id}`, { changes: { weight: w } });
      expect(r.statusCode, r.body).toBe(200);
    }
    const progress = await gis.post(`/plan/milestones/${m1.id}/progress`, { text: '5개 역 완료', completion: '100', status: 'completed', evidenceLinks: '' });
    expect(progress.statusCode).toBe(303);
    const weighted = await commitment('subway-transfer-maps');
    expect(weighted.milestones.map((m: any) => m.weight)).toEqual([3, 1, 1]);
    expect(weighted.progress).toBe(60);
    expect((await history('milestone', m1.id))[0]).toMatchObject({ field: 'weight', before: '1', after: '3' });
  });

  it('refuses others, and bad values, with clear errors', async () => {
    const c = await commitment('subway-transfer-maps');
    const url = `/api/v1/plan/content/commitment/${c.id}`;
    // Without a session (or key) the change is refused before anything is read.
    expect([401, 403]).toContain((await t.app.inject({ method: 'PATCH', url, payload: { changes: { titleKo: 'x' } } })).statusCode);
    expect(
      (await t.app.inject({ method: 'PATCH', url, payload: { changes: { titleKo: 'x' } }, headers: { authorization: 'Bearer not-a-key' } })).statusCode,
    ).toBe(401);
    expect((await citizen.api('PATCH', url, { changes: { titleKo: '시민이 바꾼 제목' } })).statusCode).toBe(403);
    expect((await data.api('PATCH', url, { changes: { titleKo: '다른 부서가 바꾼 제목' } })).statusCode).toBe(403);
    const both = await gis.api('PATCH', url, { changes: { titleKo: '', titleEn: '' } });
    expect(both.statusCode).toBe(422);
    expect(both.json().error.details.map((d: any) => d.field)).toEqual(['titleKo']);
    const unknown = await gis.api('PATCH', url, { changes: { slug: 'hijack' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('plan.unknown_field');
    for (const weight of [-1, 101, 'heavy', 2.5]) {
      const r = await gis.api('PATCH', `/api/v1/plan/content/milestone/${c.milestones[0].id}`, { changes: { weight } });
      expect([400, 422], String(weight)).toContain(r.statusCode);
    }
    // Characters a database cannot keep are a client's mistake, not a server error.
    const nul = await gis.api('PATCH', url, { changes: { titleKo: 'a\u0000b' }, note: 'x\u0000' });
    expect([nul.statusCode, nul.json().error.code], nul.body).toEqual([400, 'request.nul_character']); // refused at the edge
    const bell = await gis.api('PATCH', url, { changes: { titleKo: 'a\u0007b' } });
    expect([bell.statusCode, JSON.stringify(bell.json())], bell.body).toEqual([422, expect.stringContaining('validation.control')]);
    expect((await gis.api('PATCH', '/api/v1/plan/content/commitment/no-such-commitment', { changes: { titleKo: '없음' } })).statusCode).toBe(404);
    expect((await gis.api('PATCH', '/api/v1/plan/content/budget/x', { changes: {} })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/plan/history?entity=budget' })).statusCode).toBe(400);
    const unchanged = await commitment('subway-transfer-maps');
    expect(unchanged.title.ko).toBe(c.title.ko);
    expect(unchanged.milestones[0].weight).toBe(3);
  });

  it('the history cannot be rewritten, not even in the database', async () => {
    const edit = await t.services.db.selectFrom('plan_content_edit').select('id').executeTakeFirstOrThrow();
    await expect(sql`update plan_content_edit set after_value = 'rewritten' where id = ${edit.id}`.execute(t.services.db)).rejects.toThrow(/append-only/);
  });

  it("department names: the department's official writes the Korean name; the accountability page shows it", async () => {
    const deptPage = (slug: string) => t.app.inject({ method: 'GET', url: `/accountability/departments/${slug}?lang=ko`, headers: { accept: 'text/html' } });
    // Before: our translation, labelled as such where the name is shown.
    expect((await deptPage('smg-gis-division')).body).toContain('<h1><span lang="ko">서울특별시 GIS과</span></h1>');
    expect((await deptPage('smg-gis-division')).body).toContain('data-translation="open-seoul"');
    const res = await gis.api('PATCH', '/api/v1/plan/content/organisation/smg-gis-division', { changes: { nameKo: '서울특별시 공간정보담당관' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await data.api('PATCH', '/api/v1/plan/content/organisation/smg-gis-division', { changes: { nameKo: '다른 이름' } })).statusCode).toBe(403);
    const page = await t.app.inject({
      method: 'GET',
      url: '/accountability/departments/smg-gis-division',
      headers: { accept: 'text/html', cookie: 'locale=ko' },
    });
    expect(page.body).toContain('서울특별시 공간정보담당관');
    expect(page.body).not.toContain('data-translation="open-seoul"');
    expect((await deptPage('smg-data-statistics-division')).body).toContain('data-translation="open-seoul"');
    const view = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/content/organisation/smg-gis-division' })).json();
    expect(view).toMatchObject({ values: { nameKo: '서울특별시 공간정보담당관' }, translated: [] });
  });

  it('committee members, sub-groups and meetings: bilingual, edited by admins, in the history', async () => {
    expect(
      (await admin.post('/plan/committee/members', { name: '김민지', affiliationKo: '무의', affiliationEn: 'Muui', sector: 'civil_society', commitment: '' }))
        .statusCode,
    ).toBe(303);
    const member = await t.services.db.selectFrom('plan_committee_member').selectAll().where('name', '=', '김민지').executeTakeFirstOrThrow();
    expect(member).toMatchObject({ affiliation_ko: '무의', affiliation_en: 'Muui' });
    const moved = await admin.api('PATCH', `/api/v1/plan/content/committee_member/${member.id}`, { changes: { subgroup: 'subway-transfer-maps' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await history('committee_member', member.id))[0]).toMatchObject({ field: 'subgroup', before: null, after: 'subway-transfer-maps' });
    expect(
      (await gis.api('PATCH', `/api/v1/plan/content/committee_member/${member.id}`, { changes: { subgroup: 'digital-literacy-civic-hacking' } })).statusCode,
    ).toBe(403);
    const meeting = await admin.post('/plan/committee/meetings', {
      heldOn: '2026-11-20',
      titleKo: '환승 지도 분과 회의',
      titleEn: '',
      place: '서울시청',
      agendaKo: '시범 역 선정',
      subgroup: 'subway-transfer-maps',
      attendees: member.id,
    });
    expect(meeting.statusCode, meeting.body.slice(0, 500)).toBe(303);
    const row = await t.services.db.selectFrom('plan_meeting').selectAll().where('title_ko', '=', '환승 지도 분과 회의').executeTakeFirstOrThrow();
    // An official of the sub-group's department may write its meetings' English.
    const en = await gis.api('PATCH', `/api/v1/plan/content/meeting/${row.id}`, {
      changes: { titleEn: 'Transfer-map sub-group meeting', minutesKo: '시범 역 5곳을 정했다.' },
    });
    expect(en.statusCode, en.body).toBe(200);
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/plan/content/meeting/${row.id}` })).json();
    expect(view.values).toMatchObject({
      titleKo: '환승 지도 분과 회의',
      titleEn: 'Transfer-map sub-group meeting',
      minutesKo: '시범 역 5곳을 정했다.',
      subgroup: 'subway-transfer-maps',
    });
    const bad = await admin.api('PATCH', `/api/v1/plan/content/meeting/${row.id}`, { changes: { heldOn: '2026-02-30' } });
    expect(bad.statusCode).toBe(422);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/plan/history?limit=500' })).json().edits as Array<{ entity: string }>;
    expect(new Set(all.map((e) => e.entity))).toEqual(new Set(['commitment', 'milestone', 'organisation', 'committee_member', 'meeting']));
  });
});
