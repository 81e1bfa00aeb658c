import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { getter, type Json, RIDERS_N as N, type RiderRow as Row, ridersModel as model, seedRidersLake } from '../support/riders-lake.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * The rows API (every operator, cursor paging over 25,000 rows, aggregation, errors, versions) and downloads, over
 * the riders lake (test/support/riders-lake.ts); the SQL sandbox is data-sql-sandbox.test.ts. Expected values come
 * from a JS model of the generated table, not from the code under test.
 */
let t: TestContext;
const get = (url: string, headers: Record<string, string> = {}) => getter(t)(url, headers);
const rows = (q: string) => get(`/api/v1/data/datasets/riders/rows?${q}`);
const ids = (r: Json) => r.rows.map((x: Json) => x.id);

beforeAll(async () => {
  t = await createTestContext();
  await seedRidersLake(t.services);
}, 120_000);
afterAll(() => t.close());

describe('rows API', () => {
  const cases: Array<[string, (r: Row) => boolean]> = [
    ['station=강남', (r) => r.station === '강남'],
    ['station__eq=잠실', (r) => r.station === '잠실'],
    ['station__ne=강남', (r) => r.station !== '강남'],
    ['riders__lt=10', (r) => r.riders < 10],
    ['riders__lte=10', (r) => r.riders <= 10],
    ['riders__gt=990', (r) => r.riders > 990],
    ['riders__gte=990&riders__lt=995', (r) => r.riders >= 990 && r.riders < 995],
    ['station__in=교대,충무로', (r) => r.station === '교대' || r.station === '충무로'],
    ['riders__in=1,2,3', (r) => [1, 2, 3].includes(r.riders)],
    ['note__contains=LINE 3,', (r) => r.note.toLowerCase().includes('line 3,')],
    ['station__startswith=종로', (r) => !!r.station?.startsWith('종로')],
    ['station__isnull=true', (r) => r.station === null],
    ['station__isnull=false&open=true', (r) => r.station !== null && r.open],
    ['day__gte=2024-12-01&ratio__gt=20.5', (r) => r.day >= '2024-12-01' && r.ratio > 20.5],
  ];
  it.each(cases)('filters %s like the model', async (q, keep) => {
    const expected = model.filter(keep);
    const { status, body } = await rows(`${q.replace(/=([^&]*)/g, (_, v: string) => `=${encodeURIComponent(v)}`)}&limit=50`);
    expect(status).toBe(200);
    expect(body.total).toBe(expected.length);
    expect(ids(body)).toEqual(expected.slice(0, 50).map((r) => r.id));
  });

  it('returns the version, typed fields and JSON values; select picks columns', async () => {
    const { body } = await rows('id=7&select=id,station,ratio,day,open');
    expect(body.version).toMatchObject({ number: 2, rows: N });
    expect(body.fields).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'station', type: 'string' },
      { name: 'ratio', type: 'number' },
      { name: 'day', type: 'date' },
      { name: 'open', type: 'boolean' },
    ]);
    expect(body.rows).toEqual([{ id: 7, station: '충무로', ratio: 1.75, day: '2024-01-08', open: false }]);
    expect(body.next).toBeNull();
  });

  const walk = async (q: string) => {
    const seen: number[] = [];
    let url: string | null = `/api/v1/data/datasets/riders/rows?${q}`;
    let pages = 0;
    while (url) {
      const { status, body } = await get(url.replace('http://localhost:8080', ''));
      expect(status).toBe(200);
      expect(body.total).toBe(N);
      seen.push(...ids(body));
      url = body.next;
      pages++;
    }
    return { seen, pages };
  };

  it('pages through 25,000 rows with cursors: every row exactly once, in file order', async () => {
    const { seen, pages } = await walk('limit=1000&select=id');
    expect(pages).toBe(25);
    expect(seen).toEqual(model.map((r) => r.id));
  });

  it('pages on a sort with ties and nulls (riders desc, station asc nulls last, then file order)', async () => {
    const { seen } = await walk('limit=997&sort=-riders,station&select=id');
    const cmp = (a: Row, b: Row) =>
      b.riders - a.riders || (a.station === b.station ? 0 : a.station === null ? 1 : b.station === null ? -1 : a.station < b.station ? -1 : 1) || a.id - b.id;
    expect(seen).toEqual([...model].sort(cmp).map((r) => r.id));
  });

  it('pages on timestamps, times, floats and decimals: the cursor keeps their exact values', async () => {
    await createFixtureDataset(t.services, 'typed');
    await publishFixtureVersion(t.services, 'typed', {
      sql: `SELECT range AS id, TIMESTAMP '2024-03-01 09:00:00.123456' + to_microseconds((range % 7) * 1001) AS at,
      TIME '08:00:00.5' + to_microseconds((range % 5) * 250000) AS tm, ((range % 6) / 3.0)::FLOAT AS f, ((range % 4) * 0.1)::DECIMAL(9,3) AS d,
      CASE WHEN range % 5 = 0 THEN NULL ELSE (range % 3) * 0.1 END AS x FROM range(40)`,
    });
    for (const sort of ['-at', 'tm', '-f', 'd', 'x', '-x,-at,f']) {
      const seen: number[] = [];
      let url: string | null = `/api/v1/data/datasets/typed/rows?sort=${sort}&limit=3`;
      while (url) {
        const page = await get(url.replace('http://localhost:8080', ''));
        expect(page.status).toBe(200);
        seen.push(...ids(page.body));
        url = page.body.next;
      }
      expect([sort, [...seen].sort((a, b) => a - b)]).toEqual([sort, Array.from({ length: 40 }, (_, i) => i)]);
    }
  });

  it('aggregates with group_by and agg, sorts and pages groups', async () => {
    const { status, body } = await rows('group_by=station&agg=count,sum:riders,avg:ratio,min:day,max:riders&sort=-count,station&limit=4');
    expect(status).toBe(200);
    expect(body.total).toBe(10);
    const expectGroup = (station: string | null) => {
      const g = model.filter((r) => r.station === station);
      return {
        station,
        count: g.length,
        riders__sum: g.reduce((s, r) => s + r.riders, 0),
        riders__max: Math.max(...g.map((r) => r.riders)),
        day__min: g.map((r) => r.day).sort()[0],
      };
    };
    const first = body.rows[0];
    expect(first).toMatchObject(expectGroup(first.station));
    const all = [...body.rows];
    let next = body.next;
    while (next) {
      const page = await get(next.replace('http://localhost:8080', ''));
      all.push(...page.body.rows);
      next = page.body.next;
    }
    expect(all.map((g: Json) => g.station)).toEqual(['강남', '교대', '서울역', '신도림', '왕십리', '잠실', '종로3가', '충무로', '홍대입구', null]);
    for (const g of all) expect(g).toMatchObject(expectGroup(g.station));
    const whole = await rows('agg=count,avg:riders');
    expect(whole.body.rows).toEqual([{ count: N, riders__avg: model.reduce((s, r) => s + r.riders, 0) / N }]);
  });

  it('refuses unknown columns, operators, bad values and bad paging with a 400 naming the parameter', async () => {
    const bad: Array<[string, string, string]> = [
      ['nope=1', 'data.query_column', 'nope'],
      ['riders__between=1', 'data.query_column', 'riders__between'],
      ['riders__gt=abc', 'data.query_value', 'riders__gt'],
      ['day__lt=2024-02-30', 'data.query_value', 'day__lt'],
      ['open=maybe', 'data.query_value', 'open'],
      ['station__isnull=perhaps', 'data.query_value', 'station__isnull'],
      ['select=id,"x', 'data.query_column', 'select'],
      ['sort=-nope', 'data.query_column', 'sort'],
      ['group_by=station&agg=sum:station', 'data.query_agg', 'agg'],
      ['agg=median:riders', 'data.query_agg', 'agg'],
      ['cursor=abc!', 'data.query_cursor', 'cursor'],
      ['offset=100', 'data.query_offset', 'offset'],
    ];
    for (const [q, code, field] of bad) {
      const { status, body } = await rows(q);
      expect([q, status, body.error?.code, body.error?.details?.field]).toEqual([q, 400, code, field]);
    }
    expect((await rows('limit=10001')).status).toBe(400);
    const first = await rows('limit=5&sort=riders');
    const other = await rows(`limit=5&sort=-riders&cursor=${first.body.cursor}`);
    expect(other.body.error.code).toBe('data.query_cursor');
    const injection = await rows(`station=${encodeURIComponent("'; DROP TABLE x; --")}`);
    expect([injection.status, injection.body.total]).toEqual([200, 0]);
  });

  it('reads any version by number or as of an instant; a cursor stays on its version', async () => {
    const v1 = (await rows('version=1')).body;
    expect([v1.total, v1.version.number, v1.rows[0]]).toEqual([5, 1, { id: 0, station: '옛 역' }]);
    expect((await rows('asOf=2026-03-01T00:00:00Z')).body.version.number).toBe(1);
    expect((await rows('asOf=2026-07-01')).body.version.number).toBe(2);
    expect((await rows('asOf=2025-01-01')).status).toBe(404);
    expect((await rows('version=9')).status).toBe(404);
    expect((await get('/api/v1/data/datasets/secret-data/rows')).body.error.code).toBe('data.restricted');
    expect((await get('/api/v1/data/datasets/secret-data/download.csv')).status).toBe(403);
    await createFixtureDataset(t.services, 'pinned');
    await publishFixtureVersion(t.services, 'pinned', { sql: 'SELECT range AS n FROM range(10)' });
    const page = await get('/api/v1/data/datasets/pinned/rows?limit=4');
    await publishFixtureVersion(t.services, 'pinned', { sql: 'SELECT range + 100 AS n FROM range(3)' });
    const after = await get(page.body.next.replace('http://localhost:8080', ''));
    expect([after.body.version.number, after.body.rows.map((r: Json) => r.n)]).toEqual([1, [4, 5, 6, 7]]);
    expect((await get('/api/v1/data/datasets/pinned/rows')).body.total).toBe(3);
  });
});

describe('downloads', () => {
  it('streams CSV with a BOM, every row, named <dataset>-v<N>.csv', async () => {
    const { res } = await get('/api/v1/data/datasets/riders/download.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="riders-v2.csv"');
    expect(res.body.startsWith('\uFEFFid,station,riders,ratio,day,open,note\r\n0,강남,0,0,2024-01-01,true,"Line 1, ""exit"" 0"\r\n')).toBe(true);
    expect(res.body.trimEnd().split('\r\n')).toHaveLength(N + 1);
  });

  it('streams JSON with filters and an older version', async () => {
    const { res } = await get('/api/v1/data/datasets/riders/download.json?station=교대&sort=-riders&select=id,riders');
    const data = JSON.parse(res.body) as Json[];
    expect(data).toHaveLength(model.filter((r) => r.station === '교대').length);
    const top = model.filter((r) => r.station === '교대').sort((a, b) => b.riders - a.riders || a.id - b.id)[0]!;
    expect(data[0]).toEqual({ id: top.id, riders: top.riders });
    const v1 = await get('/api/v1/data/datasets/riders/download.json?version=1');
    expect(v1.res.headers['content-disposition']).toContain('riders-v1.json');
    expect(JSON.parse(v1.res.body)).toHaveLength(5);
    const few = await get('/api/v1/data/datasets/riders/download.json?limit=3&sort=-id&select=id');
    expect(JSON.parse(few.res.body)).toEqual([{ id: N - 1 }, { id: N - 2 }, { id: N - 3 }]);
  });

  it('serves the Parquet file as is, or the filtered rows as Parquet', async () => {
    const version = await t.services.db
      .selectFrom('data_version')
      .select('parquet_path')
      .where('resource_id', '=', 'riders--table')
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    const whole = await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/riders/download.parquet' });
    expect(whole.rawPayload.equals(fs.readFileSync(version.parquet_path!))).toBe(true);
    const part = await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/riders/download.parquet?riders__gte=990' });
    const file = path.join(t.dataDir, 'part.parquet');
    fs.writeFileSync(file, part.rawPayload);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const n = (await c.runAndReadAll(`SELECT count(*)::INT AS n FROM read_parquet('${file}')`)).getRowObjectsJson()[0]!.n;
    c.closeSync();
    db.closeSync();
    expect(n).toBe(model.filter((r) => r.riders >= 990).length);
  });
});
