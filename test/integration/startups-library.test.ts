import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { Agent } from '../support/agent.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'library password 123';
let t: TestContext;
let official: Agent;
const api = (url: string) => t.app.inject({ method: 'GET', url }).then((r) => ({ status: r.statusCode, json: r.json() }));
const slugs = (body: { items: Array<{ slug: string }> }) => body.items.map((r) => r.slug);

beforeAll(async () => {
  t = await createTestContext();
  t.services.now = () => new Date('2026-11-02T01:00:00Z');
  await createUser(t.services, system(), { email: 'official@lib.kr', password: PASSWORD, role: 'official' });
  await addOrganisationMember(t.services, system(), { organisation: 'smg-information-planning-division', email: 'official@lib.kr', role: 'member' });
  official = new Agent(t.app);
  await official.signIn('official@lib.kr', PASSWORD);
});
afterAll(() => t.close());

describe(`rules library: Seoul ordinances and what changed (${dialect})`, () => {
  it('holds Seoul ordinances beside national acts, filterable by kind, with the source archive and promulgation dates said as such', async () => {
    const ordinances = (await api('/api/v1/startups/rules?kind=ordinance')).json;
    expect(slugs(ordinances).sort()).toEqual(['seoul-smart-city-informatization-ordinance', 'seoul-strategic-industries-ordinance']);
    const acts = (await api('/api/v1/startups/rules?kind=act')).json;
    expect(acts.items.length).toBeGreaterThanOrEqual(7);
    expect(acts.items.every((r: { kind: string }) => r.kind === 'act')).toBe(true);
    const smart = (await api('/api/v1/startups/rules/seoul-smart-city-informatization-ordinance')).json;
    expect(smart.source.url).toMatch(/^http:\/\/legal\.seoul\.go\.kr\/legal\/english\//);
    expect(smart.versions.map((v: { version: number; effectiveOn: string; dateKind: string }) => [v.version, v.effectiveOn, v.dateKind])).toEqual([
      [3, '2021-05-20', 'promulgated'],
      [2, '2019-03-28', 'promulgated'],
      [1, '2018-03-22', 'promulgated'],
    ]);
    expect(smart.current.textKind).toBe('summary');
    // Korean search finds the ordinance (bigram index).
    expect(slugs((await api(`/api/v1/startups/rules?q=${encodeURIComponent('스마트도시 조례')}`)).json)).toContain(
      'seoul-smart-city-informatization-ordinance',
    );
    expect((await api('/api/v1/startups/rules?kind=treaty')).status).toBe(400);
  });

  it('each version after the first carries a word diff of its text against the one before, in both languages', async () => {
    const smart = (await api('/api/v1/startups/rules/seoul-smart-city-informatization-ordinance')).json;
    const [v3, v2, v1] = smart.versions;
    expect(v1.textChanges).toBeNull();
    const join = (parts: Array<{ op: string; text: string }>, skip: string) =>
      parts
        .filter((p) => p.op !== skip)
        .map((p) => p.text)
        .join('');
    // Putting the diff back together gives each side's text: nothing invented, nothing dropped.
    for (const lang of ['ko', 'en'] as const) {
      expect(join(v2.textChanges[lang].parts, 'added')).toBe(v1.text[lang]);
      expect(join(v2.textChanges[lang].parts, 'removed')).toBe(v2.text[lang]);
      expect(join(v3.textChanges[lang].parts, 'added')).toBe(v2.text[lang]);
    }
    expect(
      v3.textChanges.ko.parts
        .filter((p: { op: string }) => p.op === 'added')
        .map((p: { text: string }) => p.text)
        .join(' '),
    ).toContain('지능정보화');
    expect(v3.textChanges.en.added).toBeGreaterThan(0);
  });

  it('an official adds a version; the page shows the words added and removed, marked for screen readers too', async () => {
    const before = (await api('/api/v1/startups/rules/seoul-strategic-industries-ordinance')).json.current;
    const added = await official.api('POST', '/api/v1/startups/rules/seoul-strategic-industries-ordinance/versions', {
      effectiveOn: '2026-11-02',
      dateKind: 'effective',
      textKind: 'summary',
      textKo: `${before.text.ko} (테스트용 개정 문장)`,
      textEn: before.text.en,
      changeKo: '테스트용 개정',
      changeEn: 'A test amendment',
    });
    expect(added.statusCode).toBe(201);
    const v = added.json().current;
    expect(v).toMatchObject({ version: 2, dateKind: 'effective' });
    expect(v.textChanges.ko).toMatchObject({ added: 3, removed: 0 });
    expect(v.textChanges.en).toMatchObject({ added: 0, removed: 0 });
    const bad = await official.api('POST', '/api/v1/startups/rules/seoul-strategic-industries-ordinance/versions', {
      effectiveOn: '2026-11-03',
      dateKind: 'guessed',
      textKind: 'summary',
      textKo: '글',
      changeKo: '바뀜',
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('dateKind');
    const page = await new Agent(t.app).get('/startups/rules/seoul-strategic-industries-ordinance');
    expect(page.body).toContain('<ins><span class="visually-hidden">[추가] </span>');
    expect(page.body).toContain('테스트용');
    expect(page.body).toContain('data-date-kind="promulgated"');
    expect(page.body).toContain('출처가 시행일을 밝히지 않아 공포일을 적었습니다');
    const list = await new Agent(t.app).get('/startups/rules?kind=ordinance');
    expect(list.body).toContain('data-rule-kind="ordinance"');
    expect(list.body).toContain('서울시 조례');
    expect(list.body).not.toContain('data-rule="smart-city-act"');
  });
});

describe(`opportunities and support schemes, filtered (${dialect})`, () => {
  const call = (over: Record<string, unknown>) => ({
    titleKo: '지원 제도',
    titleEn: 'Support scheme',
    summaryKo: '요약',
    summaryEn: 'Summary',
    opensOn: '2026-11-01',
    applyBy: '2026-11-30',
    eligibilityKo: '누구나',
    eligibilityEn: 'Anyone',
    kind: 'incentive',
    ...over,
  });

  it("filters by kind, field (a scheme for any field matches every field) and founders' age band", async () => {
    for (const c of [
      call({ slug: 'lib-mobility-youth', titleEn: 'Mobility youth grant', fields: ['mobility'], maxAgeBand: '30_34' }),
      call({ slug: 'lib-any-field', titleEn: 'Any-field scheme' }),
      call({ slug: 'lib-data-programme', titleEn: 'Data programme', kind: 'programme', fields: ['data', 'governance'] }),
    ])
      expect((await official.api('POST', '/api/v1/startups/opportunities', c)).statusCode).toBe(201);
    const bad = await official.api('POST', '/api/v1/startups/opportunities', call({ slug: 'lib-bad', fields: ['space'] }));
    expect(bad.statusCode).toBe(422);
    const mine = (list: { items: Array<{ slug: string }> }) =>
      slugs(list)
        .filter((s) => s.startsWith('lib-'))
        .sort();
    expect(mine((await api('/api/v1/startups/opportunities?field=mobility')).json)).toEqual(['lib-any-field', 'lib-mobility-youth']);
    expect(mine((await api('/api/v1/startups/opportunities?field=data')).json)).toEqual(['lib-any-field', 'lib-data-programme']);
    expect(mine((await api('/api/v1/startups/opportunities?kind=programme')).json)).toEqual(['lib-data-programme']);
    expect(mine((await api('/api/v1/startups/opportunities?field=mobility&ageBand=35_39')).json)).toEqual(['lib-any-field']);
    expect(mine((await api('/api/v1/startups/opportunities?ageBand=under_30&open=true')).json)).toEqual([
      'lib-any-field',
      'lib-data-programme',
      'lib-mobility-youth',
    ]);
    expect((await api('/api/v1/startups/opportunities?field=space')).status).toBe(400);
    const one = (await api('/api/v1/startups/opportunities/lib-data-programme')).json;
    expect(one.fields).toEqual(['data', 'governance']);
    const page = await new Agent(t.app).get('/startups/opportunities?field=mobility&ageBand=30_34&kind=incentive');
    expect(page.body).toContain('data-call="lib-mobility-youth"');
    expect(page.body).not.toContain('data-call="lib-data-programme"');
    expect(page.body).toContain('대상 분야: 모빌리티');
    expect(page.body).toContain('연령 기준: 만 30–34세까지');
  });
});
