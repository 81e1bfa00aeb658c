import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createOrganisation } from '../../src/contexts/accounts/use-cases/create-organisation.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { createAnalysis } from '../../src/contexts/analyses/use-cases/create-analysis.js';
import { SANDBOX_LIMITS } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import { createDataset } from '../../src/contexts/data/use-cases/create-dataset.js';
import { publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * Publisher control through the API, on both databases: edit (bilingual), drafts invisible until their first
 * version, private datasets, withdrawing a version with a public reason, deleting with a tombstone, restricted
 * with an access policy. Each action audited; the catalogue, search, CKAN, DCAT, rows, downloads and the Seoul
 * shim all say the same thing.
 */
let t: TestContext;
const keys = { member: '', outsider: '' };
let orgId = '';
type Json = Record<string, any>;
type Who = keyof typeof keys | 'anonymous';

const call = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
  const res = await t.app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as Json } : {}),
    headers: who === 'anonymous' ? {} : { authorization: `Bearer ${keys[who]}` },
  });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body };
};
const get = (url: string, who: Who = 'anonymous') => call(who, 'GET', url);
const audit = (action: string, entityId?: string) =>
  t.services.db
    .selectFrom('core_audit')
    .selectAll()
    .where('action', '=', action)
    .$if(!!entityId, (q) => q.where('entity_id', '=', entityId!))
    .orderBy('at')
    .execute();
const catalogueIds = async () => (await get('/api/v1/data/datasets?limit=200')).body.items.map((d: Json) => d.id);
const ckanIds = async () => (await get('/api/3/action/package_list')).body.result as string[];
const ckanSearchIds = async () => (await get('/api/3/action/package_search?rows=1000')).body.result.results.map((p: Json) => p.name);
const dcatText = async () => JSON.stringify((await get('/api/v1/data/catalog.jsonld')).body);
const searchIds = async (q: string) => (await get(`/api/v1/search?q=${encodeURIComponent(q)}&type=dataset`)).body.items.map((h: Json) => h.id);

const newDataset = (id: string, titleKo: string) =>
  createDataset(t.services, system(), { id, titleKo, titleEn: `${id} (test)`, publisherId: orgId, keywords: ['퍼블리셔시험'] });
const version = (id: string, sql: string) => publishFixtureVersion(t.services, id, { sql });

beforeAll(async () => {
  t = await createTestContext();
  const s = t.services;
  const org = await createOrganisation(s, system(), { type: 'city_department', nameKo: '시험 데이터과', nameEn: 'Test data division' });
  orgId = org.id;
  for (const who of ['member', 'outsider'] as const) {
    const user = await createUser(s, system(), { email: `${who}@publisher.kr`, password: 'publisher password 1', role: 'citizen' });
    if (who === 'member') await addOrganisationMember(s, system(), { organisation: orgId, email: `${who}@publisher.kr`, role: 'member' });
    keys[who] = (
      await createApiKey(
        s,
        { kind: 'user', user: { id: user.id, email: `${who}@publisher.kr`, displayName: who, role: 'citizen', memberships: [] } },
        { name: 'k' },
      )
    ).secret;
  }
}, 120_000);
afterAll(() => t.close());

describe('a draft dataset (no version yet)', () => {
  it('is invisible in the catalogue, search, CKAN and DCAT until its first version, then everywhere at once', async () => {
    await newDataset('draft-bus-stops', '버스정류소 초안');
    expect(await catalogueIds()).not.toContain('draft-bus-stops');
    expect(await ckanIds()).not.toContain('draft-bus-stops');
    expect(await ckanSearchIds()).not.toContain('draft-bus-stops');
    expect(await dcatText()).not.toContain('draft-bus-stops');
    expect(await searchIds('버스정류소')).not.toContain('draft-bus-stops');
    expect((await get('/api/v1/data/datasets/draft-bus-stops')).status).toBe(404);
    expect((await get('/api/3/action/package_show?id=draft-bus-stops')).status).toBe(404);
    expect((await get('/api/v1/data/datasets/draft-bus-stops/dcat.jsonld')).status).toBe(404);
    expect((await get('/data/datasets/draft-bus-stops')).status).toBe(404);
    // Its publisher sees it, and says it is a draft.
    const mine = await get('/api/v1/data/datasets/draft-bus-stops', 'member');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ state: 'draft', access: 'public', versions: [] });
    expect((await get('/api/v1/data/datasets/draft-bus-stops', 'outsider')).status).toBe(404);

    await version('draft-bus-stops', `SELECT * FROM (VALUES ('광화문', 12), ('시청', 8)) v(stop, routes)`);
    expect(await catalogueIds()).toContain('draft-bus-stops');
    expect(await ckanIds()).toContain('draft-bus-stops');
    expect(await ckanSearchIds()).toContain('draft-bus-stops');
    expect(await dcatText()).toContain('draft-bus-stops');
    expect(await searchIds('버스정류소')).toContain('draft-bus-stops');
    expect((await get('/api/v1/data/datasets/draft-bus-stops')).body.state).toBe('listed');
  });
});

describe('editing metadata', () => {
  it("changes both languages for the publisher's members, audited with before and after; others are refused", async () => {
    await newDataset('edit-parks', '공원 목록');
    await version('edit-parks', `SELECT * FROM (VALUES ('남산공원', 2.9)) v(park, km2)`);
    const patch = { titleKo: '서울 공원 목록', titleEn: 'Seoul parks', descriptionEn: 'Parks managed by the city', keywords: ['공원', 'parks'] };
    expect([401, 403]).toContain((await call('anonymous', 'PATCH', '/api/v1/data/datasets/edit-parks', patch)).status);
    expect((await call('outsider', 'PATCH', '/api/v1/data/datasets/edit-parks', patch)).status).toBe(403);
    const bad = await call('member', 'PATCH', '/api/v1/data/datasets/edit-parks', { contactEmail: 'not an email', temporalStart: '2023-13' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: Json) => d.field).sort()).toEqual(['contactEmail']);
    const noTitle = await call('member', 'PATCH', '/api/v1/data/datasets/edit-parks', { titleKo: '', titleEn: '' });
    expect(noTitle.status).toBe(422);
    const res = await call('member', 'PATCH', '/api/v1/data/datasets/edit-parks', patch);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: { ko: '서울 공원 목록', en: 'Seoul parks' },
      description: { ko: null, en: 'Parks managed by the city' },
      keywords: ['공원', 'parks'],
    });
    expect((await get('/api/3/action/package_show?id=edit-parks')).body.result.title).toBe('서울 공원 목록');
    const [entry] = await audit('data.dataset.update', 'edit-parks');
    expect(JSON.parse(entry!.before_json!)).toMatchObject({ title_ko: '공원 목록' });
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ title_ko: '서울 공원 목록', title_en: 'Seoul parks' });
    expect(JSON.parse(entry!.after_json!)).not.toHaveProperty('licence');
    expect(await searchIds('서울 공원')).toContain('edit-parks');
    const unknown = await call('member', 'PATCH', '/api/v1/data/datasets/edit-parks', { id: 'other' });
    expect(unknown.status).toBe(400);
  });
});

describe('a private dataset', () => {
  it('is seen by its organisation only: no listing, no rows, no CKAN, no DCAT for anyone else', async () => {
    await newDataset('private-budget', '예산 초안');
    await version('private-budget', `SELECT * FROM (VALUES ('복지', 100), ('교통', 80)) v(area, amount)`);
    expect((await call('outsider', 'PUT', '/api/v1/data/datasets/private-budget/access', { access: 'private' })).status).toBe(403);
    expect((await call('member', 'PUT', '/api/v1/data/datasets/private-budget/access', { access: 'hidden' })).status).toBe(400);
    const res = await call('member', 'PUT', '/api/v1/data/datasets/private-budget/access', { access: 'private' });
    expect(res).toMatchObject({ status: 200, body: { access: 'private', policy: null } });
    expect(await catalogueIds()).not.toContain('private-budget');
    expect(await ckanIds()).not.toContain('private-budget');
    expect(await dcatText()).not.toContain('private-budget');
    expect(await searchIds('예산')).not.toContain('private-budget');
    for (const url of [
      '/api/v1/data/datasets/private-budget',
      '/api/v1/data/datasets/private-budget/rows',
      '/api/v1/data/datasets/private-budget/download.csv',
      '/api/3/action/package_show?id=private-budget',
      '/api/3/action/datastore_search?resource_id=private-budget--table',
      '/api/v1/data/datasets/private-budget/datapackage.json',
    ]) {
      const r = await get(url, 'outsider');
      expect([url, r.status, JSON.stringify(r.body).includes('복지')]).toEqual([url, 404, false]);
    }
    // Nor is it a table of the shared SQL sandbox (not even for its own members: the sandbox is for listed data).
    const tables = await get('/api/v1/data/sql/tables', 'outsider');
    expect(JSON.stringify(tables.body)).not.toContain('private-budget');
    // The Seoul shim answers errors in its envelope (as the Plaza does), never with the rows.
    const seoul = await get('/seoul-openapi/sample/json/private-budget/1/5'); // the Plaza's sample key reads rows 1–5 of public data
    expect(JSON.stringify(seoul.body)).not.toContain('복지');
    expect(JSON.stringify(seoul.body)).toMatch(/INFO-200|ERROR/);
    expect((await get('/api/v1/data/datasets/private-budget', 'member')).body).toMatchObject({ state: 'private', access: 'private' });
    const [entry] = await audit('data.dataset.access', 'private-budget');
    expect(JSON.parse(entry!.before_json!)).toMatchObject({ access: 'public' });
    // Made public again, it is listed again.
    await call('member', 'PUT', '/api/v1/data/datasets/private-budget/access', { access: 'public' });
    expect(await catalogueIds()).toContain('private-budget');
    expect((await get('/api/v1/data/datasets/private-budget/rows')).status).toBe(200);
  });
});

describe('withdrawing a version', () => {
  it('stops its rows everywhere, keeps the fact and the public reason listed, and the latest falls back', async () => {
    await newDataset('withdraw-visits', '방문 기록');
    await version('withdraw-visits', `SELECT * FROM (VALUES ('2023-01', 10)) v(month, visits)`);
    const v2 = await version('withdraw-visits', `SELECT * FROM (VALUES ('2023-01', 10, '홍길동')) v(month, visits, visitor)`);
    // An analysis pinned to version 2, made before the withdrawal.
    SANDBOX_LIMITS.refreshMs = 0;
    const author = await createUser(t.services, system(), { email: 'analyst@publisher.kr', password: 'publisher password 1', role: 'citizen' });
    const analysis = await createAnalysis(
      t.services,
      { kind: 'user', user: { id: author.id, email: author.email, displayName: 'analyst', role: 'citizen', memberships: [] } },
      { title: '월별 방문', sql: 'SELECT month, sum(visits) AS visits FROM "withdraw-visits@v2" GROUP BY month' },
    );
    expect(
      JSON.parse((await t.services.db.selectFrom('analyses_analysis').select('pins').where('id', '=', analysis.id).executeTakeFirstOrThrow()).pins),
    ).toEqual({ 'withdraw-visits': 2 });
    const { publishAnalysis } = await import('../../src/contexts/analyses/use-cases/publish-analysis.js');
    await publishAnalysis(
      t.services,
      { kind: 'user', user: { id: author.id, email: author.email, displayName: 'analyst', role: 'citizen', memberships: [] } },
      analysis.id,
      { published: true },
    );
    const reason = '개인정보(방문자 이름)가 포함되어 회수합니다';
    expect((await call('member', 'POST', '/api/v1/data/datasets/withdraw-visits/versions/2/withdraw', { reason: '짧음' })).status).toBe(400);
    expect((await call('outsider', 'POST', '/api/v1/data/datasets/withdraw-visits/versions/2/withdraw', { reason })).status).toBe(403);
    expect((await call('member', 'POST', '/api/v1/data/datasets/withdraw-visits/versions/9/withdraw', { reason })).status).toBe(404);
    const res = await call('member', 'POST', '/api/v1/data/datasets/withdraw-visits/versions/2/withdraw', { reason });
    expect(res).toMatchObject({ status: 200, body: { version: 2, reason, latestVersion: 1 } });
    expect(fs.existsSync(path.resolve(t.services.config.dataDir, v2.parquet_path))).toBe(false);
    expect((await call('member', 'POST', '/api/v1/data/datasets/withdraw-visits/versions/2/withdraw', { reason })).status).toBe(409);

    for (const url of [
      '/api/v1/data/datasets/withdraw-visits/rows?version=2',
      '/api/v1/data/datasets/withdraw-visits/download.csv?version=2',
      '/api/v1/data/datasets/withdraw-visits?version=2',
    ]) {
      const r = await get(url);
      expect([url, r.status, r.body.error?.code]).toEqual([url, 410, 'data.version_withdrawn']);
      expect(r.body.error.message).toContain(reason);
    }
    const latest = await get('/api/v1/data/datasets/withdraw-visits/rows');
    expect(latest.body.version.number).toBe(1);
    expect(JSON.stringify(latest.body.rows)).not.toContain('홍길동');
    const store = await get('/api/3/action/datastore_search?resource_id=withdraw-visits--table');
    expect(JSON.stringify(store.body)).not.toContain('홍길동');
    const seoul = await get('/seoul-openapi/sample/json/withdraw-visits/1/5');
    expect(JSON.stringify(seoul.body)).not.toContain('홍길동');
    const tables = (await get('/api/v1/data/sql/tables')).body.map((x: Json) => x.name ?? x.table);
    expect(tables.join(' ')).not.toContain('withdraw-visits@v2');
    const sql = await call('anonymous', 'POST', '/api/v1/data/sql', { sql: 'SELECT * FROM "withdraw-visits@v2"' });
    expect(sql.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(sql.body)).not.toContain('홍길동');

    const described = (await get('/api/v1/data/datasets/withdraw-visits')).body;
    expect(described.versions.map((v: Json) => [v.version, v.status, v.withdrawn?.reason ?? null])).toEqual([
      [2, 'withdrawn', reason],
      [1, 'published', null],
    ]);
    expect(described.version.version).toBe(1);
    // DCAT lists the withdrawn version with its status and reason, and no distribution of it.
    const dcat = JSON.stringify((await get('/api/v1/data/datasets/withdraw-visits/dcat.jsonld')).body);
    expect(dcat).toContain('http://purl.org/adms/status/Withdrawn');
    expect(dcat).toContain(reason);
    expect(dcat).not.toMatch(/download\.csv\?version=2/);
    // The pinned analysis tells its readers, on its page and in the API, with the reason.
    const page = await t.app.inject({ method: 'GET', url: `/analyses/${analysis.id}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain('data-withdrawn-dataset="withdraw-visits"');
    expect(page.body).toContain(reason);
    expect((await get(`/api/v1/analyses/${analysis.id}`)).body.withdrawn).toEqual([
      { datasetId: 'withdraw-visits', version: 2, kind: 'withdrawn', at: expect.any(String), reason },
    ]);
    const [entry] = await audit('data.version.withdraw', v2.id);
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ status: 'withdrawn', reason });

    // The last version withdrawn too: the dataset stays listed (with its history), no rows are served.
    await call('member', 'POST', '/api/v1/data/datasets/withdraw-visits/versions/1/withdraw', { reason: '원본 기관의 요청으로 회수' });
    expect(await catalogueIds()).toContain('withdraw-visits');
    expect((await get('/api/v1/data/datasets/withdraw-visits/rows')).status).toBe(404);
    expect((await get('/api/v1/data/datasets/withdraw-visits')).body).toMatchObject({ version: null, resources: [{ latestVersion: null }] });
  });
});

describe('deleting a dataset', () => {
  it('leaves a tombstone: 410 with the reason on pages and every API, gone from listings, files removed', async () => {
    await newDataset('delete-toilets', '공중화장실');
    const v1 = await version('delete-toilets', `SELECT * FROM (VALUES ('종로구', 41)) v(district, toilets)`);
    expect(await catalogueIds()).toContain('delete-toilets');
    expect((await call('outsider', 'DELETE', '/api/v1/data/datasets/delete-toilets', { reason: '중복 데이터셋입니다' })).status).toBe(403);
    expect((await call('member', 'DELETE', '/api/v1/data/datasets/delete-toilets', {})).status).toBe(400);
    const reason = '서울 열린데이터광장의 공식 데이터셋과 중복되어 삭제합니다';
    const res = await call('member', 'DELETE', '/api/v1/data/datasets/delete-toilets', { reason });
    expect(res).toMatchObject({ status: 200, body: { id: 'delete-toilets', reason } });
    expect(fs.existsSync(path.resolve(t.services.config.dataDir, v1.parquet_path))).toBe(false);
    for (const url of [
      '/api/v1/data/datasets/delete-toilets',
      '/api/v1/data/datasets/delete-toilets/rows',
      '/api/v1/data/datasets/delete-toilets/download.csv',
      '/api/v1/data/datasets/delete-toilets/dcat.jsonld',
      '/api/v1/data/datasets/delete-toilets/datapackage.json',
      '/api/3/action/package_show?id=delete-toilets',
    ]) {
      const r = await get(url);
      expect([url, r.status]).toEqual([url, 410]);
      expect(JSON.stringify(r.body)).toContain(reason);
    }
    const page = await t.app.inject({ method: 'GET', url: '/data/datasets/delete-toilets', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain(reason);
    expect(await catalogueIds()).not.toContain('delete-toilets');
    expect(await ckanIds()).not.toContain('delete-toilets');
    expect(await dcatText()).not.toContain('delete-toilets');
    expect(await searchIds('공중화장실')).not.toContain('delete-toilets');
    expect((await call('member', 'DELETE', '/api/v1/data/datasets/delete-toilets', { reason })).status).toBe(410);
    expect((await call('member', 'PATCH', '/api/v1/data/datasets/delete-toilets', { titleKo: '되살리기' })).status).toBe(410);
    const [entry] = await audit('data.dataset.delete', 'delete-toilets');
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ reason });
  });
});

describe('a restricted dataset set by its publisher', () => {
  it('needs an access policy (reason, conditions, contact), then serves no rows to the public', async () => {
    await newDataset('restricted-clinic', '진료 기록 집계');
    await version('restricted-clinic', `SELECT * FROM (VALUES ('종로구', 3), ('중구', 40)) v(district, visits)`);
    const missing = await call('member', 'PUT', '/api/v1/data/datasets/restricted-clinic/access', { access: 'restricted', reasonKo: '' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.map((d: Json) => d.field).sort()).toEqual(['conditionsKo', 'contact', 'reasonKo']);
    const policy = {
      access: 'restricted',
      reasonKo: '개인 진료 기록에서 나온 자료입니다',
      conditionsKo: '승인된 연구 과제의 분석가만, 집계 결과만',
      conditionsEn: 'Approved research projects only; aggregates only',
      contact: 'data@publisher.kr',
    };
    const res = await call('member', 'PUT', '/api/v1/data/datasets/restricted-clinic/access', policy);
    expect(res.status).toBe(200);
    expect(res.body.policy).toEqual({
      reason: { ko: policy.reasonKo, en: null },
      conditions: { ko: policy.conditionsKo, en: policy.conditionsEn },
      contact: 'data@publisher.kr',
    });
    expect(await catalogueIds()).not.toContain('restricted-clinic');
    expect((await get('/api/v1/data/datasets/restricted-clinic')).status).toBe(404);
    expect((await get('/api/v1/data/datasets/restricted-clinic/rows')).status).toBeGreaterThanOrEqual(403);
    expect((await get('/api/v1/data/datasets/restricted-clinic', 'member')).body).toMatchObject({ state: 'restricted', accessPolicy: res.body.policy });
    const tables = JSON.stringify((await get('/api/v1/data/sql/tables')).body);
    expect(tables).not.toContain('restricted_clinic');
    const [entry] = await audit('data.dataset.access', 'restricted-clinic');
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ access: 'restricted', policy: { contact: 'data@publisher.kr' } });
  });
});
