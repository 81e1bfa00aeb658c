import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system, type Actor } from '../../src/core/auth/actor.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { type CkanApiError, pythonJsonDumps, RemoteCkan } from '../support/ckanapi-client.js';
import { givenCompatCatalogue, RIDERSHIP_ROWS } from '../support/compat-catalogue.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * The platform driven with the Python ckanapi client's request shapes (test/support/ckanapi-client.ts, from
 * ckan/ckanapi's common.py and remoteckan.py): `/api/action/…`, ASCII-escaped JSON bodies, the key bare in
 * `Authorization` and `X-CKAN-API-Key`, multipart uploads for resource_create, and CKAN's error envelope read
 * back into ckanapi's exception classes.
 */
let t: TestContext;
let base = '';
const keys = { publisher: '', citizen: '' };
const REAL_FILE = path.resolve('seed/data/seoul-open-data/subway-ridership/CARD_SUBWAY_MONTH_202301.csv');

beforeAll(async () => {
  t = await createTestContext();
  await givenCompatCatalogue(t.services);
  const s = t.services;
  const publisher = await createUser(s, system(), { email: 'ckan@seoulmetro.kr', password: 'publisher password 1', role: 'citizen' });
  await addOrganisationMember(s, system(), { organisation: 'seoul-metro', email: 'ckan@seoulmetro.kr', role: 'member' });
  const citizen = await createUser(s, system(), { email: 'ckan-citizen@example.kr', password: 'citizen password 12', role: 'citizen' });
  const actor = (u: { id: string; email: string }): Actor => ({
    kind: 'user',
    user: { id: u.id, email: u.email, displayName: u.email, role: 'citizen', memberships: [] },
  });
  keys.publisher = (await createApiKey(s, actor(publisher), { name: 'ckanapi' })).secret;
  keys.citizen = (await createApiKey(s, actor(citizen), { name: 'ckanapi' })).secret;
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
}, 120_000);
afterAll(() => t?.close());

const rejection = async (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as CkanApiError,
  );

describe(`ckanapi's RemoteCKAN(url) against /api/action (${dialect})`, () => {
  it('encodes bodies as Python does (Korean as \\u escapes) and reads them back', () => {
    expect(pythonJsonDumps({ title: '지하철', n: [1, 'a'] })).toBe('{"title": "\\uc9c0\\ud558\\ucca0", "n": [1, "a"]}');
  });

  it('reads: package_list, package_show, tag_list, over POST and over get_only GET', async () => {
    const ckan = new RemoteCkan(base);
    expect(await ckan.action('package_list')).toEqual(['air-quality', 'bike-stations', 'subway-ridership']);
    expect((await ckan.action('package_show', { id: 'subway-ridership' })).title).toBe('지하철 승하차 인원');
    expect(await ckan.action('tag_list')).toEqual(['PM10', '대기', '승하차', '자전거', '지하철']);
    expect(await ckan.action('tag_list', { query: '지하' })).toEqual(['지하철']);
    const getOnly = new RemoteCkan(base, undefined, { getOnly: true });
    expect(await getOnly.action('package_list')).toHaveLength(3);
    expect((await rejection(ckan.action('package_show', { id: 'secret-data' }))).kind).toBe('NotFound');
  });

  it('datastore_search: q as Korean full text over the row, and per field', async () => {
    const ckan = new RemoteCkan(base);
    const station = await ckan.action('datastore_search', { resource_id: 'subway-ridership--table', q: '역123', limit: 20 });
    expect(station.total).toBe(11); // 역123 and 역1230 … 역1239
    expect(station.records.every((r: { 역명: string }) => r.역명.startsWith('역123'))).toBe(true);
    const both = await ckan.action('datastore_search', { resource_id: 'subway-ridership--table', q: '역123 2호선' });
    expect(both.records.map((r: { 번호: number }) => r.번호)).toEqual([1230, 1232, 1234, 1236, 1238]);
    const field = await ckan.action('datastore_search', { resource_id: 'air-quality--table', q: { district: '종로' } });
    expect(field.total).toBe(2);
    expect((await ckan.action('datastore_search', { resource_id: 'air-quality--table', q: '강남' })).total).toBe(0);
  });

  it('datastore_search_sql runs in the sandbox for key holders, by resource id', async () => {
    const anonymous = await rejection(new RemoteCkan(base).action('datastore_search_sql', { sql: 'SELECT 1' }));
    expect([anonymous.kind, anonymous.status]).toEqual(['NotAuthorized', 401]);
    const ckan = new RemoteCkan(base, keys.citizen);
    const result = await ckan.action('datastore_search_sql', { sql: 'SELECT "호선", count(*) AS n FROM "subway-ridership--table" GROUP BY 1 ORDER BY 1' });
    expect(result.records).toEqual([
      { 호선: '1호선', n: RIDERSHIP_ROWS / 2 },
      { 호선: '2호선', n: RIDERSHIP_ROWS / 2 },
    ]);
    expect(result.fields).toEqual([
      { id: '호선', type: 'text' },
      { id: 'n', type: 'int' },
    ]);
    for (const sql of ['SELECT * FROM "secret-data--table"', "SELECT * FROM read_csv('/etc/passwd')", 'DROP TABLE subway_ridership']) {
      const refused = await rejection(ckan.action('datastore_search_sql', { sql }));
      expect({ sql, kind: refused.kind }).toEqual({ sql, kind: 'ValidationError' });
    }
  });

  it('writes with an API key: package_create, package_patch, resource_create (multipart upload of a real file)', async () => {
    const ckan = new RemoteCkan(base, keys.publisher);
    const created = await ckan.action('package_create', {
      name: 'card-subway-stats',
      title: '지하철 호선별 역별 승하차 인원',
      owner_org: 'seoul-metro',
      license_id: 'KOGL-1',
      notes: '교통카드 기준',
      tags: [{ name: '지하철' }, { name: '교통카드' }],
      groups: [{ name: 'transport' }],
      extras: [{ key: 'temporal_start', value: '2023-01-01' }],
      resources: [{ url: 'https://data.seoul.go.kr/dataList/OA-12914/S/1/datasetView.do', name: '열린데이터광장', format: 'html' }],
    });
    expect(created).toMatchObject({ name: 'card-subway-stats', title: '지하철 호선별 역별 승하차 인원', organization: { name: 'seoul-metro' }, num_tags: 2 });
    expect(created.resources.map((r: { url: string }) => r.url)).toContain('https://data.seoul.go.kr/dataList/OA-12914/S/1/datasetView.do');
    const again = await rejection(ckan.action('package_create', { name: 'card-subway-stats', title: 'x', owner_org: 'seoul-metro' }));
    expect([again.kind, again.status]).toEqual(['ValidationError', 409]);

    const patched = await ckan.action('package_patch', { id: 'card-subway-stats', notes_translated: { ko: '교통카드 기준 집계', en: 'From transport cards' } });
    expect(patched).toMatchObject({
      notes: '교통카드 기준 집계',
      notes_translated: { ko: '교통카드 기준 집계', en: 'From transport cards' },
      title: '지하철 호선별 역별 승하차 인원',
    });

    const lines = (await fs.readFile(REAL_FILE, 'utf8')).split('\n').slice(0, 201).join('\n');
    const resource = await ckan.action('resource_create', {
      package_id: 'card-subway-stats',
      name: '2023년 1월',
      upload: { filename: 'CARD_SUBWAY_MONTH_202301.csv', data: Buffer.from(lines) },
    });
    expect(resource).toMatchObject({ package_id: 'card-subway-stats', datastore_active: true, format: 'CSV', version: 1, rows: 200 });
    const rows = await new RemoteCkan(base).action('datastore_search', { resource_id: resource.id, q: '신도림', limit: 5 });
    expect(rows.records[0]).toMatchObject({ 역명: '신도림', 노선명: '2호선' });

    // package_delete leaves a tombstone: CKAN clients then get the reason, not the rows.
    expect(await ckan.action('package_delete', { id: 'card-subway-stats', reason: '시험용 데이터셋 정리' })).toBeNull();
    const gone = await rejection(new RemoteCkan(base).action('package_show', { id: 'card-subway-stats' }));
    expect(gone.status).toBe(410);
    expect(JSON.stringify(gone)).toContain('시험용 데이터셋 정리');
  });

  it('refuses writes without a key, with another’s key, over GET, and with a bad key, as ckanapi expects', async () => {
    const anon = await rejection(new RemoteCkan(base).action('package_create', { name: 'nope-dataset', title: 'x' }));
    expect([anon.kind, anon.status]).toEqual(['NotAuthorized', 401]);
    const other = await rejection(new RemoteCkan(base, keys.citizen).action('package_patch', { id: 'subway-ridership', notes: '낙서' }));
    expect([other.kind, other.status]).toEqual(['NotAuthorized', 403]);
    expect((await new RemoteCkan(base).action('package_show', { id: 'subway-ridership' })).notes).toBe('역별 승하차 인원');
    const viaGet = await rejection(new RemoteCkan(base, keys.publisher, { getOnly: true }).action('package_patch', { id: 'subway-ridership', notes: 'x' }));
    expect([viaGet.kind, viaGet.status]).toEqual(['CKANAPIError', 400]);
    const bad = await rejection(new RemoteCkan(base, 'not-a-real-key').action('package_list'));
    expect([bad.kind, bad.status]).toEqual(['NotAuthorized', 401]);
    const unknownField = await rejection(new RemoteCkan(base, keys.publisher).action('package_patch', { id: 'subway-ridership', colour: 'red' }));
    expect(unknownField.error).toMatchObject({ __type: 'Validation Error', colour: ['Not a field this catalogue keeps'] });
  });
});
