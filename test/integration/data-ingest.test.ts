import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system, type Actor } from '../../src/core/auth/actor.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { addOrganisationMember } from '../../src/contexts/accounts/use-cases/add-organisation-member.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { queryRows } from '../../src/contexts/data/ingest/duck.js';
import { lakeFor, literal } from '../../src/contexts/data/lake/lake.js';
import { loadOpenData, readSeedCatalogue, SEED_DIR } from '../../src/contexts/data/seeds/open-data.seed.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * The ingest pipeline end to end on the real Seoul files shipped in seed/: every file with its row count from
 * ../shared/data/SOURCES.md and its Korean text as the source means it; versions; header drift; bad files
 * refused with nothing left behind; the upload → preview → publish API; who may publish.
 */
let t: TestContext;
let loaded: Awaited<ReturnType<typeof loadOpenData>>;
const keys = { publisher: '', citizen: '' };

const SOURCE_ROWS: Record<string, number[]> = {
  'seoul-air-quality-daily': [14_637, 17_745, 18_300, 18_250, 18_250],
  'seoul-subway-ridership-daily': [18_797],
  'seoul-metro-congestion': [744, 1_668, 1_668, 1_704, 1_668, 1_668, 1_668],
  'seoul-public-bike-stations': [2_719],
  'seoul-bike-sharing-demand': [8_760],
  'seoul-subway-station-master': [909],
  'seoul-metro-stations-by-line': [799],
  'seoul-metro-elevator-status': [2_830],
};

beforeAll(async () => {
  t = await createTestContext();
  loaded = await loadOpenData(t.services, await readSeedCatalogue());
  const s = t.services;
  const publisher = await createUser(s, system(), { email: 'data@seoulmetro.kr', password: 'publisher password 1', role: 'citizen' });
  await addOrganisationMember(s, system(), { organisation: 'seoul-metro', email: 'data@seoulmetro.kr', role: 'member' });
  const citizen = await createUser(s, system(), { email: 'citizen@example.kr', password: 'citizen password 12', role: 'citizen' });
  const actor = (u: { id: string; email: string }): Actor => ({
    kind: 'user',
    user: { id: u.id, email: u.email, displayName: u.email, role: 'citizen', memberships: [] },
  });
  keys.publisher = (await createApiKey(s, actor(publisher), { name: 'ingest' })).secret;
  keys.citizen = (await createApiKey(s, actor(citizen), { name: 'ingest' })).secret;
}, 180_000);
afterAll(() => t.close());

/** Rows of one published version, read back from its Parquet file. */
async function read(datasetId: string, version: number, sql: (table: string) => string) {
  const v = await t.services.db
    .selectFrom('data_version as v')
    .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
    .select(['v.parquet_path'])
    .where('r.dataset_id', '=', datasetId)
    .where('v.version', '=', version)
    .executeTakeFirstOrThrow();
  const conn = await lakeFor(t.services).connect();
  try {
    return await queryRows(conn, sql(`read_parquet(${literal(path.resolve(t.dataDir, v.parquet_path!))})`));
  } finally {
    conn.closeSync();
  }
}

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = `test${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (key: string, datasetId: string, file: { name: string; data: Buffer }, fields: Record<string, string> = {}) => {
  const body = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/data/datasets/${datasetId}/uploads`,
    payload: body.payload,
    headers: { ...body.headers, authorization: `Bearer ${key}` },
  });
};
const api = (key: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { authorization: `Bearer ${key}` } });

async function leftovers(datasetId: string) {
  const versions = await t.services.db
    .selectFrom('data_version as v')
    .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
    .select('v.id')
    .where('r.dataset_id', '=', datasetId)
    .execute();
  const lake = lakeFor(t.services);
  const files = await fs.readdir(path.join(lake.dir, datasetId), { recursive: true }).catch(() => []);
  const drafts = await fs.readdir(path.join(lake.tmpDir, 'drafts')).catch(() => []);
  const uploads = await fs.readdir(path.join(lake.tmpDir, 'uploads')).catch(() => []);
  return { versions: versions.length, files: files.filter((f) => String(f).endsWith('.parquet')).length, drafts: drafts.length, uploads: uploads.length };
}

describe(`ingest of the shipped Seoul open data (${dialect})`, () => {
  it('loads every file as a version, with the row counts of SOURCES.md', async () => {
    const byDataset: Record<string, number[]> = {};
    for (const l of loaded) (byDataset[l.dataset] ??= []).push(l.rows);
    expect(byDataset).toEqual(SOURCE_ROWS);
    for (const [id, rows] of Object.entries(SOURCE_ROWS)) {
      const versions = await t.services.db
        .selectFrom('data_version as v')
        .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
        .select(['v.version', 'v.rows', 'v.status'])
        .where('r.dataset_id', '=', id)
        .orderBy('v.version')
        .execute();
      expect(versions.map((v) => [Number(v.version), Number(v.rows), v.status])).toEqual(rows.map((n, i) => [i + 1, n, 'published']));
    }
  });

  it('decodes CP949 air quality with its Korean names and typed values', async () => {
    const [first] = await read('seoul-air-quality-daily', 1, (p) => `SELECT * FROM ${p} LIMIT 1`);
    expect(first).toMatchObject({ 측정일시: '2018-01-01', 측정소명: '강남구', '이산화질소농도(ppm)': 0.034, '미세먼지농도(㎍/㎥)': '34' });
    const [stations] = await read(
      'seoul-air-quality-daily',
      5,
      (p) => `SELECT count(DISTINCT 측정소명) AS n, bool_or(측정소명 = '종로구') AS jongno FROM ${p}`,
    );
    expect(stations).toMatchObject({ jongno: true });
  });

  it('reads SeoulBikeData.csv as Latin-1: °C in the header, not 캜', async () => {
    const v = await t.services.db
      .selectFrom('data_version as v')
      .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
      .select(['v.encoding', 'v.schema'])
      .where('r.dataset_id', '=', 'seoul-bike-sharing-demand')
      .executeTakeFirstOrThrow();
    expect(v.encoding).toBe('latin1');
    expect(v.schema).toContain('Temperature(°C)');
    expect(v.schema).not.toContain('캜');
    const [row] = await read('seoul-bike-sharing-demand', 1, (p) => `SELECT "Date", "Temperature(°C)" AS t, "Seasons" FROM ${p} LIMIT 1`);
    expect(row).toEqual({ Date: '2017-12-01', t: -5.2, Seasons: 'Winter' });
  });

  it('keeps the Korean text of the other files as the sources mean it', async () => {
    const [ride] = await read('seoul-subway-ridership-daily', 1, (p) => `SELECT * FROM ${p} WHERE 역명 = '신도림' AND 노선명 = '2호선' LIMIT 1`);
    expect(ride).toMatchObject({ 사용일자: '2023-01-01', 승차총승객수: '20210', 하차총승객수: '21037' });
    const [bike] = await read('seoul-public-bike-stations', 1, (p) => `SELECT * FROM ${p} LIMIT 1`);
    expect(bike).toMatchObject({ '대여소 번호': '301', '보관소(대여소)명': '경복궁역 7번출구 앞', 자치구: '종로구' }); // leading space trimmed
    const [lift] = await read('seoul-metro-elevator-status', 1, (p) => `SELECT * FROM ${p} LIMIT 1`);
    expect(lift).toMatchObject({ elvtr_se: 'ES', stn_nm: '서울역(1)', stn_cd: '0150', use_yn: '사용가능', opr_sec: 'B2-B1' }); // zero-padded code kept as text
    const [master] = await read('seoul-subway-station-master', 1, (p) => `SELECT count(*) AS n FROM ${p} WHERE 역사명 LIKE '서울%'`);
    expect(Number(master!.n)).toBeGreaterThan(0);
    const [congestion] = await read('seoul-metro-congestion', 5, (p) => `SELECT 출발역, 상하구분, "5시30분" FROM ${p} LIMIT 1`);
    expect(congestion).toEqual({ 출발역: '청량리', 상하구분: '상선', '5시30분': 9.1 }); // "9.1 " with its trailing space
  });

  it('drops the empty column after the ridership file’s trailing commas, keeps the 2015 columns that hold data', async () => {
    const options = async (id: string, version: number) =>
      JSON.parse(
        (
          await t.services.db
            .selectFrom('data_version as v')
            .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
            .select('v.options')
            .where('r.dataset_id', '=', id)
            .where('v.version', '=', version)
            .executeTakeFirstOrThrow()
        ).options,
      ) as { dropped: string[] };
    expect((await options('seoul-subway-ridership-daily', 1)).dropped).toEqual(['column7']);
    const [v1] = await read('seoul-metro-congestion', 1, (p) => `SELECT count(column26) AS n FROM ${p}`);
    expect(Number(v1!.n)).toBeGreaterThan(0); // Saturday rows carry values under the four unnamed header cells
  });

  it('describes a dataset with its versions, schema and profile, and any version or instant', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/seoul-air-quality-daily' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.versions.map((v: { version: number }) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(body.version).toMatchObject({ version: 5, rows: 18_250, encoding: 'cp949' });
    const pm10 = body.version.profile.find((p: { name: string }) => p.name === '미세먼지농도(㎍/㎥)');
    expect(pm10.histogram).toHaveLength(10);
    expect(pm10.histogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(pm10.count);
    const station = body.version.profile.find((p: { name: string }) => p.name === '측정소명');
    expect(station.top[0].count).toBeGreaterThan(300);
    const v2 = (await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/seoul-air-quality-daily?version=2' })).json();
    expect(v2.version).toMatchObject({ version: 2, rows: 17_745 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/seoul-air-quality-daily?asOf=2000-01-01T00:00:00Z' })).statusCode).toBe(404);
  });

  it('lists and searches datasets with facets', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets?limit=50' })).json();
    expect(all.total).toBe(Object.keys(SOURCE_ROWS).length);
    expect(all.facets.licence).toEqual(expect.arrayContaining([{ value: 'CC-BY-4.0', count: 1, label: null, selected: false }]));
    const found = (await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets?q=${encodeURIComponent('혼잡도')}` })).json();
    expect(found.items.map((d: { id: string }) => d.id)).toContain('seoul-metro-congestion');
    const byColumn = (await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets?q=${encodeURIComponent('상하구분')}` })).json();
    expect(byColumn.items.map((d: { id: string }) => d.id)).toEqual(['seoul-metro-congestion']); // a column name, indexed at publish
    const metro = (await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets?publisher=seoul-metro&format=json' })).json();
    expect(metro.items.map((d: { id: string }) => d.id).sort()).toEqual(['seoul-metro-elevator-status', 'seoul-metro-stations-by-line']);
  });
});

describe(`uploads through the API (${dialect})`, () => {
  const congestion = (file: string) => fs.readFile(path.join(SEED_DIR, 'data/seoul-open-data/subway-congestion', file));

  it('upload → preview with header drift → publish with the column map', async () => {
    const created = await api(keys.publisher, 'POST', '/api/v1/data/datasets', {
      id: 'metro-congestion-test',
      titleKo: '혼잡도 시험',
      publisherId: await orgId('seoul-metro'),
      topics: ['transport'],
    });
    expect(created.statusCode).toBe(201);
    const first = await upload(keys.publisher, 'metro-congestion-test', {
      name: '2021.csv',
      data: await congestion('서울교통공사_지하철혼잡도정보_20211231.csv'),
    });
    expect(first.statusCode).toBe(201);
    expect((await api(keys.publisher, 'POST', `/api/v1/data/uploads/${first.json().versionId}/publish`, {})).statusCode).toBe(200);
    const second = await upload(keys.publisher, 'metro-congestion-test', {
      name: '2023.csv',
      data: await congestion('서울교통공사_지하철혼잡도정보_20231231.csv'),
    });
    const preview = second.json();
    expect(second.statusCode).toBe(201);
    expect(preview).toMatchObject({ version: 2, status: 'draft', rows: 1_668, format: 'csv', detection: { encoding: 'cp949' } });
    expect(preview.sampleRows).toHaveLength(20);
    expect(preview.headerDrift.suggestedColumnMap).toMatchObject({ 출발역: '역명', 상하구분: '구분', 요일구분: '조사일자' });
    expect(preview.headerDrift.added).toEqual(['00시00분', '00시30분']);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/metro-congestion-test' })).json();
    expect(listed.version.version).toBe(1); // a draft is not public
    const published = await api(keys.publisher, 'POST', `/api/v1/data/uploads/${preview.versionId}/publish`, {
      columnMap: preview.headerDrift.suggestedColumnMap,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ version: 2, status: 'published', redone: true, rows: 1_668 });
    expect(published.json().columns).toEqual(expect.arrayContaining(['역명', '구분', '조사일자', '00시30분']));
    const [row] = await read('metro-congestion-test', 2, (p) => `SELECT 역명, 구분 FROM ${p} LIMIT 1`);
    expect(row).toEqual({ 역명: '청량리', 구분: '상선' });
    expect((await api(keys.publisher, 'POST', `/api/v1/data/uploads/${preview.versionId}/publish`, {})).statusCode).toBe(409);
  });

  it('lets the publisher correct a wrong encoding and an inferred type before publishing', async () => {
    const bike = await fs.readFile(path.join(SEED_DIR, 'data/seoul-open-data/bike/SeoulBikeData.csv'));
    await api(keys.publisher, 'POST', '/api/v1/data/datasets', { id: 'bike-encoding-test', titleEn: 'Bike', publisherId: await orgId('seoul-metro') });
    const wrong = (await upload(keys.publisher, 'bike-encoding-test', { name: 'bike.csv', data: bike }, { encoding: 'euc-kr' })).json();
    expect(wrong.detection).toMatchObject({ encoding: 'cp949', overridden: true });
    expect(wrong.columns.join()).not.toContain('°C');
    expect(wrong.detection.candidates[0]).toMatchObject({ encoding: 'latin1' }); // the evidence stays visible
    const schema = { fields: wrong.schema.fields.map((f: { name: string; type: string }) => (f.name === 'Hour' ? { ...f, type: 'string' } : f)) };
    const fixed = await api(keys.publisher, 'POST', `/api/v1/data/uploads/${wrong.versionId}/publish`, {
      encoding: 'latin1',
      schema: { fields: schema.fields.map((f: { name: string }) => ({ ...f, name: f.name.replace('(캜)', '(°C)') })) },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().columns).toContain('Temperature(°C)');
    const d = (await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/bike-encoding-test' })).json();
    expect(d.version).toMatchObject({ encoding: 'latin1', rows: 8_760 });
    expect(d.version.schema.fields.find((f: { name: string }) => f.name === 'Hour').type).toBe('string');
  });

  it('reports invalid values by row and column, and stores them as NULL', async () => {
    await api(keys.publisher, 'POST', '/api/v1/data/datasets', { id: 'invalid-values-test', titleKo: '검증', publisherId: await orgId('seoul-metro') });
    const rows = Array.from(
      { length: 300 },
      (_, i) => `${i + 1},${i === 149 ? '많음' : `"${(i * 10).toLocaleString('en-US')}"`},2023-01-${String((i % 28) + 1).padStart(2, '0')}`,
    );
    const csv = Buffer.from(`번호,인원,날짜\n${rows.join('\n')}\n`);
    const preview = (await upload(keys.publisher, 'invalid-values-test', { name: 'v.csv', data: csv })).json();
    expect(preview.schema.fields.map((f: { type: string }) => f.type)).toEqual(['integer', 'integer', 'date']);
    expect(preview.validation).toEqual({
      total: 1,
      byColumn: { 인원: 1 },
      problems: [{ row: 150, column: '인원', value: '많음', rule: 'integer', message: '"많음" is not an integer' }],
    });
    const strict = await api(keys.publisher, 'POST', `/api/v1/data/uploads/${preview.versionId}/publish`, {
      schema: {
        fields: [
          { name: '번호', type: 'integer', constraints: { required: true } },
          { name: '인원', type: 'integer' },
          { name: '날짜', type: 'date', format: '%Y%m%d' },
        ],
      },
    });
    expect(strict.json().validation.byColumn).toEqual({ 인원: 1, 날짜: 300 });
    expect(strict.json().validation.problems).toHaveLength(200);
  });

  it('refuses bad files with a clear 4xx and leaves nothing behind', async () => {
    await api(keys.publisher, 'POST', '/api/v1/data/datasets', { id: 'bad-files-test', titleKo: '나쁜 파일', publisherId: await orgId('seoul-metro') });
    const before = await leftovers('bad-files-test');
    const cases: Array<[string, { name: string; data: Buffer }, Record<string, string>, number, string]> = [
      ['binary', { name: 'x.csv', data: Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]) }, {}, 415, 'data.file_binary'],
      ['empty', { name: 'x.csv', data: Buffer.alloc(0) }, {}, 422, 'data.file_empty'],
      ['header only', { name: 'x.csv', data: Buffer.from('역명,승차\n') }, {}, 422, 'data.no_rows'],
      ['unknown encoding', { name: 'x.csv', data: Buffer.from('역명\n서울역\n') }, { encoding: 'klingon' }, 422, 'data.encoding_unknown'],
      ['zip named .csv', { name: 'x.csv', data: Buffer.from('PK\u0003\u0004rest') }, {}, 422, 'data.file_unreadable'],
      ['xlsx said to be csv', { name: 'x.xlsx', data: Buffer.from('PK\u0003\u0004rest') }, { format: 'csv' }, 415, 'data.file_binary'],
      ['broken json', { name: 'x.json', data: Buffer.from('[{"a": 1}, {"a": ') }, {}, 422, 'data.file_unreadable'],
    ];
    for (const [label, file, fields, status, code] of cases) {
      const res = await upload(keys.publisher, 'bad-files-test', file, fields);
      expect([label, res.statusCode, res.json().error.code]).toEqual([label, status, code]);
    }
    expect(
      (await upload(keys.publisher, 'bad-files-test', { name: 'x.csv', data: Buffer.from('a\n1\n') }, { encoding: 'klingon' })).json().error.message,
    ).toMatch(/Unknown encoding "klingon"/);
    expect(await leftovers('bad-files-test')).toEqual(before);
  });

  it('discards a draft: no file left, the number not reused', async () => {
    await api(keys.publisher, 'POST', '/api/v1/data/datasets', { id: 'discard-test', titleKo: '폐기', publisherId: await orgId('seoul-metro') });
    const draft = (
      await upload(keys.publisher, 'discard-test', { name: 'a.ndjson', data: Buffer.from('{"역명":"서울역","승차":1}\n{"역명":"시청","승차":2}\n') })
    ).json();
    expect(draft).toMatchObject({ version: 1, format: 'ndjson', rows: 2 });
    expect((await api(keys.publisher, 'DELETE', `/api/v1/data/uploads/${draft.versionId}`)).json()).toMatchObject({ status: 'discarded' });
    expect(await leftovers('discard-test')).toMatchObject({ versions: 1, files: 0 });
    const next = (await upload(keys.publisher, 'discard-test', { name: 'a.ndjson', data: Buffer.from('{"역명":"서울역"}\n') })).json();
    expect(next.version).toBe(2);
  });

  it('lets only the publisher organisation publish: a citizen cannot upload to Seoul Metro’s dataset', async () => {
    const file = { name: 'x.csv', data: Buffer.from('역명\n서울역\n') };
    const denied = await upload(keys.citizen, 'seoul-metro-congestion', file);
    expect([denied.statusCode, denied.json().error.code]).toEqual([403, 'auth.forbidden']);
    const draft = (
      await upload(keys.publisher, 'seoul-metro-congestion', { name: 'c.csv', data: await congestion('서울교통공사_지하철혼잡도정보_20240630.csv') })
    ).json();
    expect(draft.version).toBe(8);
    expect((await api(keys.citizen, 'POST', `/api/v1/data/uploads/${draft.versionId}/publish`, {})).statusCode).toBe(403);
    expect((await api(keys.citizen, 'DELETE', `/api/v1/data/uploads/${draft.versionId}`)).statusCode).toBe(403);
    expect((await api(keys.publisher, 'DELETE', `/api/v1/data/uploads/${draft.versionId}`)).statusCode).toBe(200);
  });
});

async function orgId(slug: string) {
  return (await t.services.db.selectFrom('accounts_organisation').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}
