import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { createDataset } from '../../src/contexts/data/use-cases/create-dataset.js';
import { Agent } from '../support/agent.js';
import { parseAtom } from '../support/atom.js';
import { publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

const PASSWORD = 'civic password 123';
let t: TestContext;
const agents = {} as Record<'admin' | 'lead' | 'joiner' | 'outsider', Agent>;
const ids = { project: '', joiner: '', reuse: '' };
const api = (path: string) => t.app.inject({ method: 'GET', url: path }).then((r) => r.json());
const auditCount = async (action: string) =>
  Number(
    (
      await t.services.db
        .selectFrom('core_audit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestContext();
  const s = t.services;
  await createUser(s, system(), { email: 'admin@civic.kr', password: PASSWORD, role: 'admin' });
  await createUser(s, system(), { email: 'lead@civic.kr', password: PASSWORD, role: 'citizen' });
  await addOrganisationMember(s, system(), { organisation: 'open-net', email: 'lead@civic.kr', role: 'member' });
  for (const name of ['admin', 'lead'] as const) {
    agents[name] = new Agent(t.app);
    await agents[name].signIn(`${name}@civic.kr`, PASSWORD);
  }
  for (const name of ['joiner', 'outsider'] as const) {
    agents[name] = new Agent(t.app);
    await agents[name].signUp(`${name}@civic.kr`, PASSWORD, name === 'joiner' ? '민지' : '준호');
  }
  ids.joiner = (await s.db.selectFrom('accounts_user').select('id').where('email', '=', 'joiner@civic.kr').executeTakeFirstOrThrow()).id;
  await createDataset(s, system(), { id: 'seoul-air-quality-daily', titleKo: '서울시 일별 평균 대기오염도', titleEn: 'Seoul daily air quality' });
  // With a version: an empty dataset is an unlisted draft (no page for readers).
  await publishFixtureVersion(s, 'seoul-air-quality-daily', { sql: `SELECT '종로구' AS district, 41.5 AS pm10` });
  await createDataset(s, system(), { id: 'telecom-population', titleKo: '통신 기반 생활인구', titleEn: 'Telecom-based population' });
  await s.db.updateTable('data_dataset').set({ restricted: 1 }).where('id', '=', 'telecom-population').execute();
});
afterAll(() => t.close());

const form = {
  title: '자치구별 미세먼지 나쁨 일수',
  question: '자치구마다 미세먼지 나쁨 일수는 얼마나 다를까?',
  description: '일별 대기질 자료로 자치구를 비교합니다.',
  datasets: 'seoul-air-quality-daily,telecom-population',
  organisation: 'open-net',
  repoUrl: 'https://github.com/example/air',
};

describe(`a civic-hacking project from the proposal to its posts (${dialect})`, () => {
  it('refuses an unknown dataset, a foreign organisation and missing fields by field, storing nothing', async () => {
    const res = await agents.outsider.api('POST', '/api/v1/projects', {
      title: '',
      question: '짧음',
      description: 'x',
      datasets: ['no-such-dataset'],
      organisation: 'open-net',
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['datasets', 'organisation', 'question', 'title']);
    const page = await agents.outsider.post('/projects', { ...form, datasets: 'no-such-dataset', organisation: '' });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('id="f-datasets-error"');
    expect(await auditCount('civic.propose_project')).toBe(0);
  });

  it('a member of an organisation proposes a project for it and leads the team; restricted datasets are only mentioned', async () => {
    const res = await agents.lead.post('/projects', form);
    expect(res.statusCode, res.body.match(/field-error[^<]*<|<li><a href="#f-[^<]*/g)?.join(' ')).toBe(303);
    ids.project = res.headers.location!.split('/').pop()!;
    const v = await api(`/api/v1/projects/${ids.project}`);
    expect(v).toMatchObject({ status: 'proposed', example: false, organisation: { slug: 'open-net' }, links: { repo: 'https://github.com/example/air' } });
    expect(v.team).toEqual([expect.objectContaining({ role: 'lead', state: 'active' })]);
    expect(v.datasets).toEqual([
      {
        id: 'seoul-air-quality-daily',
        title: { ko: '서울시 일별 평균 대기오염도', en: 'Seoul daily air quality' },
        restricted: false,
        url: '/data/datasets/seoul-air-quality-daily',
      },
      { id: 'telecom-population', title: { ko: null, en: null }, restricted: true, url: null },
    ]);
    const page = await agents.outsider.get(`/projects/${ids.project}`);
    expect(page.body).toContain('href="/data/datasets/seoul-air-quality-daily"');
    expect(page.body).not.toContain('href="/data/datasets/telecom-population"');
    expect(page.body).not.toContain('통신 기반 생활인구');
    const found = await api(`/api/v1/search?q=${encodeURIComponent('미세먼지 나쁨')}&type=project`);
    expect(found.items.map((h: { id: string }) => h.id)).toEqual([ids.project]);
    expect((await api('/api/v1/projects?dataset=seoul-air-quality-daily&status=proposed&organisation=open-net')).total).toBe(1);
    expect((await api('/api/v1/projects?status=active')).total).toBe(0);
  });

  it('refuses posts by non-members, then someone asks to join, the lead accepts, and the new member posts', async () => {
    expect((await agents.joiner.api('POST', `/api/v1/projects/${ids.project}/posts`, { body: '안녕하세요' })).statusCode).toBe(403);
    const join = await agents.joiner.post(`/projects/${ids.project}/join`, { role: 'analyst', message: 'R로 분석할 수 있어요' });
    expect(join.statusCode).toBe(303);
    expect((await agents.joiner.api('POST', `/api/v1/projects/${ids.project}/join`, { role: 'analyst' })).statusCode).toBe(409);
    expect((await agents.joiner.api('POST', `/api/v1/projects/${ids.project}/posts`, { body: '아직 대기 중' })).statusCode).toBe(403);
    expect((await agents.outsider.api('POST', `/api/v1/projects/${ids.project}/accept`, { userId: ids.joiner })).statusCode).toBe(403);
    const leadPage = await agents.lead.get(`/projects/${ids.project}`);
    expect(leadPage.body).toContain(`data-pending="${ids.joiner}"`);
    expect((await agents.lead.post(`/projects/${ids.project}/accept`, { userId: ids.joiner })).statusCode).toBe(303);
    const v = await api(`/api/v1/projects/${ids.project}`);
    expect(v.team.find((m: { userId: string }) => m.userId === ids.joiner)).toMatchObject({ role: 'analyst', state: 'active' });
    const post = await agents.joiner.api('POST', `/api/v1/projects/${ids.project}/posts`, { body: '## 첫 결과\n\n**2025년** 자료를 정리했습니다.' });
    expect(post.statusCode).toBe(201);
    expect(post.json().html).toContain('<h4>첫 결과</h4>');
    const feed = await t.app.inject({ method: 'GET', url: '/projects/posts.atom' });
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(
      parseAtom(feed.body)
        .entries.map((e) => e.content)
        .join(''),
    ).toContain('<strong>2025년</strong>'); // the rendered Markdown, as HTML content
  });

  it('sanitises Markdown: scripts, javascript: links and event handlers never reach the page', async () => {
    const evil = '<script>alert("x")</script> 안녕 <img src=x onerror="alert(1)"> [눌러](javascript:alert(2)) [자료](https://data.seoul.go.kr)';
    expect((await agents.lead.api('POST', `/api/v1/projects/${ids.project}/posts`, { body: evil })).statusCode).toBe(201);
    const page = await agents.outsider.get(`/projects/${ids.project}`);
    const posts = page.body.slice(page.body.indexOf('id="posts-title"'));
    expect(posts).not.toMatch(/<script>alert|onerror|javascript:|<img/);
    expect(posts).toMatch(/<a href="https:\/\/data\.seoul\.go\.kr\/?" rel="nofollow ugc noopener">자료<\/a>/);
    expect(posts).toContain('눌러');
  });

  it('the lead changes the status and edits the results; others may not', async () => {
    expect((await agents.joiner.api('POST', `/api/v1/projects/${ids.project}/status`, { status: 'active' })).statusCode).toBe(403);
    expect((await agents.lead.api('POST', `/api/v1/projects/${ids.project}/status`, { status: 'finished' })).statusCode).toBe(422);
    expect((await agents.lead.post(`/projects/${ids.project}/status`, { status: 'active' })).statusCode).toBe(303);
    const edit = await agents.lead.api('PUT', `/api/v1/projects/${ids.project}`, {
      ...form,
      datasets: ['seoul-air-quality-daily'],
      results: '- 정리 중\n- <b onclick="x()">곧</b> 공개',
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ status: 'active', datasets: [{ id: 'seoul-air-quality-daily' }] });
    expect((await agents.joiner.api('PUT', `/api/v1/projects/${ids.project}`, { ...form, datasets: ['seoul-air-quality-daily'] })).statusCode).toBe(403);
    const page = await agents.outsider.get(`/projects/${ids.project}`);
    expect(page.body).toMatch(/<ul>\s*<li>정리 중<\/li>\s*<li>곧 공개<\/li>\s*<\/ul>/);
    expect(page.body).not.toContain('onclick');
  });
});

describe(`the showcase of reuses (${dialect})`, () => {
  const reuse = {
    title: '우리 동네 공기 지도',
    type: 'visualisation',
    url: 'https://example.org/air-map',
    description: '자치구별 대기질을 지도로 보여 줍니다.',
    datasets: ['seoul-air-quality-daily'],
  };

  it('refuses restricted or unknown datasets and bad addresses by field', async () => {
    const res = await agents.outsider.api('POST', '/api/v1/showcase', { ...reuse, type: 'game', url: 'javascript:alert(1)', datasets: ['telecom-population'] });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['datasets', 'type', 'url']);
  });

  it('a submitted reuse waits for moderation, then shows on the showcase and the dataset page once published', async () => {
    const sent = await agents.outsider.post('/showcase', { ...reuse, datasets: 'seoul-air-quality-daily', author: '' });
    expect(sent.statusCode).toBe(303);
    ids.reuse = (await t.services.db.selectFrom('civic_reuse').select('id').executeTakeFirstOrThrow()).id;
    expect((await api('/api/v1/showcase')).total).toBe(0);
    expect((await agents.outsider.api('GET', '/api/v1/showcase?state=pending')).statusCode).toBe(403);
    expect((await agents.admin.api('GET', '/api/v1/showcase?state=pending')).json().items[0]).toMatchObject({
      id: ids.reuse,
      author: '준호',
      state: 'pending',
    });
    expect((await agents.outsider.get('/data/datasets/seoul-air-quality-daily')).body).not.toContain('우리 동네 공기 지도');
    expect((await agents.outsider.api('POST', `/api/v1/showcase/${ids.reuse}/moderate`, { decision: 'publish' })).statusCode).toBe(403);
    expect((await agents.admin.api('POST', `/api/v1/showcase/${ids.reuse}/moderate`, { decision: 'reject' })).statusCode).toBe(422);
    expect((await agents.admin.post(`/showcase/${ids.reuse}/moderate`, { decision: 'publish' })).statusCode).toBe(303);
    expect((await api('/api/v1/showcase?dataset=seoul-air-quality-daily')).items).toEqual([
      expect.objectContaining({ id: ids.reuse, state: 'published', type: 'visualisation' }),
    ]);
    const datasetPage = await agents.outsider.get('/data/datasets/seoul-air-quality-daily');
    expect(datasetPage.body).toContain('id="reuses-title"');
    expect(datasetPage.body).toContain('href="https://example.org/air-map"');
    expect((await agents.outsider.get('/showcase')).body).toContain('우리 동네 공기 지도');
  });

  it('a rejected reuse keeps its reason and stays off the public pages', async () => {
    const res = await agents.joiner.api('POST', '/api/v1/showcase', { ...reuse, title: '광고 페이지' });
    expect(res.json().state).toBe('pending');
    const rejected = await agents.admin.api('POST', `/api/v1/showcase/${res.json().id}/moderate`, { decision: 'reject', reason: '데이터를 쓰지 않았습니다' });
    expect(rejected.json()).toMatchObject({ state: 'rejected', rejectReason: '데이터를 쓰지 않았습니다' });
    expect((await agents.outsider.get('/showcase')).body).not.toContain('광고 페이지');
  });
});
