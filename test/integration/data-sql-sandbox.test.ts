import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_LIMITS } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import { Agent } from '../support/agent.js';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { getter, type Json, RIDERS_N as N, ridersModel as model, seedRidersLake } from '../support/riders-lake.js';
import { createTestContext, type TestContext } from '../support/test-app.js';
import { directSandboxQuery } from '../support/sandbox.js';

/**
 * The SQL sandbox over the riders lake (test/support/riders-lake.ts): normal queries capped, and escapes refused
 * or stopped. Expected values come from a JS model of the generated table, not from the code under test.
 */
let t: TestContext;
let key = '';
const refreshMs = SANDBOX_LIMITS.refreshMs;
const get = (url: string, headers: Record<string, string> = {}) => getter(t)(url, headers);
const sql = (text: string, extra: Json = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/data/sql',
    payload: { sql: text, ...extra },
    headers: { authorization: `Bearer ${key}` },
  });

beforeAll(async () => {
  t = await createTestContext();
  ({ key } = await seedRidersLake(t.services));
  SANDBOX_LIMITS.refreshMs = 0; // see newly published versions at once
}, 120_000);
afterAll(async () => {
  SANDBOX_LIMITS.refreshMs = refreshMs;
  await t.close();
});

describe('SQL sandbox', () => {
  it('needs a signed-in user', async () => {
    const res = await new Agent(t.app).api('POST', '/api/v1/data/sql', { sql: 'SELECT 1' });
    expect([res.statusCode, res.json().error.code]).toEqual([401, 'auth.required']);
    expect((await get('/api/v1/data/sql/download.csv?q=SELECT%201')).status).toBe(401);
  });

  it('runs SELECTs with GROUP BY over the views, caps rows and links the full download', async () => {
    const grouped = (await sql('SELECT station, count(*) AS n FROM riders GROUP BY station ORDER BY n DESC, station LIMIT 3')).json();
    expect(grouped.columns).toEqual([
      { name: 'station', type: 'VARCHAR' },
      { name: 'n', type: 'BIGINT' },
    ]);
    expect(grouped.rows[0]).toEqual(['강남', 2500]);
    const all = (await sql('SELECT * FROM riders')).json();
    expect([all.rows.length, all.truncated]).toEqual([1000, true]);
    const full = await get(all.download.replace('http://localhost:8080', ''), { authorization: `Bearer ${key}` });
    expect(full.res.body.trimEnd().split('\r\n')).toHaveLength(N + 1);
    expect((await sql('SELECT id FROM "riders@v1"', { limit: 2 })).json()).toMatchObject({ rows: [[0], [1]], truncated: true });
    expect((await sql('WITH g AS (SELECT * FROM riders WHERE riders > 995) SELECT count(*) FROM g')).json().rows).toEqual([
      [model.filter((r) => r.riders > 995).length],
    ]);
  });

  it('lists its tables without the restricted dataset', async () => {
    const tables = (await get('/api/v1/data/sql/tables')).body as unknown as Json[];
    expect(tables.map((x) => x.name)).toEqual(expect.arrayContaining(['riders', 'riders@v2', 'riders@v1']));
    expect(tables.find((x) => x.name === 'riders')!.columns[1]).toEqual({ name: 'station', type: 'VARCHAR' });
    expect(tables.some((x) => x.dataset === 'secret-data')).toBe(false);
  });

  const outside = () => path.join(t.dataDir, 'escaped');
  const escapes = () => {
    const secret = fs
      .readdirSync(path.join(t.dataDir, 'lake', 'secret-data', 'secret-data--table'))
      .map((f) => path.join(t.dataDir, 'lake', 'secret-data', 'secret-data--table', f))[0];
    return [
      "SELECT * FROM read_csv('/etc/passwd')",
      "SELECT * FROM read_text('/etc/passwd')",
      "SELECT * FROM read_blob('/etc/passwd')",
      "SELECT * FROM glob('/*')",
      "SELECT * FROM '/etc/passwd'",
      `COPY (SELECT 1) TO '${outside()}.csv'`,
      `ATTACH '${outside()}.db'`,
      'INSTALL httpfs',
      'LOAD httpfs',
      "SELECT * FROM read_parquet('https://example.com/x.parquet')",
      'SET enable_external_access = true',
      "SET memory_limit = '10GB'",
      'RESET threads',
      'PRAGMA version',
      'PRAGMA threads = 4',
      'CREATE TABLE t AS SELECT 1',
      'DROP VIEW riders',
      `SELECT 1; COPY (SELECT 1) TO '${outside()}2.csv'`,
      `EXPORT DATABASE '${outside()}'`,
      'CALL pragma_version()',
      "SELECT getenv('HOME')",
      "SELECT current_setting('allowed_paths')",
      'SELECT * FROM duckdb_settings()',
      'SELECT * FROM pg_catalog.pg_settings',
      'SELECT * FROM information_schema.tables',
      'SELECT * FROM sqlite_master',
      "SELECT * FROM query('SELECT 1')",
      "SELECT * FROM query_table('riders')",
      'SELECT * FROM secret_data',
      `SELECT * FROM read_parquet('${secret}')`,
      `SELECT * FROM parquet_metadata('${secret}')`,
      'SELECT * FROM (WITH duckdb_settings AS (SELECT 1) SELECT * FROM duckdb_settings), duckdb_settings',
      'DETACH memory',
      'USE system',
      'VACUUM',
      'CHECKPOINT',
      "SELECT json_execute_serialized_sql(json_serialize_sql('SELECT 1'))",
      'SELECT * FROM duckdb_views()',
      "DESCRIBE SELECT * FROM read_csv('/etc/passwd')",
      'SHOW ALL TABLES',
      'EXPLAIN ANALYZE SELECT 1',
      'PREPARE p AS SELECT 1',
      "SELECT * FROM sniff_csv('/etc/passwd')",
    ];
  };

  it('refuses escapes: files, network, extensions, settings, writes, several statements, system tables, restricted data', async () => {
    const list = escapes();
    expect(list.length).toBeGreaterThanOrEqual(40);
    for (const text of list) {
      const res = await sql(text);
      expect([text, res.statusCode, res.json().error?.code]).toEqual([text, 400, expect.stringMatching(/^data\.sql_(refused|invalid)$/)]);
    }
    expect(fs.readdirSync(t.dataDir).filter((f) => f.startsWith('escaped'))).toEqual([]);
  });

  it('is locked down in the sandbox process too, without the parse-tree check', async () => {
    const direct = (text: string) => directSandboxQuery(t.services, text);
    const secret = escapes().find((e) => e.startsWith('SELECT * FROM read_parquet('))!;
    expect(await direct('SELECT count(*) FROM riders')).toBe('ran');
    for (const text of [
      "SELECT * FROM read_csv('/etc/passwd')",
      secret,
      `COPY (SELECT 1) TO '${outside()}3.csv'`,
      'SET enable_external_access = true',
      'INSTALL httpfs',
      `ATTACH '${outside()}.db'`,
      'CREATE TABLE t AS SELECT 1',
      'SELECT 1; SELECT 2',
      "SELECT * FROM glob('/*')",
    ]) {
      expect([text, await direct(text)]).toEqual([text, expect.stringMatching(/^(Permission Error|Refused|Invalid Input Error: Cannot change)/)]);
    }
  });

  it('stops a recursive CTE bomb, a huge cross join and huge values by time or memory, then keeps serving', async () => {
    const stopped = [
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t',
      'SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b',
      "SELECT length(repeat('x', 2000000000))",
      "SELECT repeat('x', 100000000) FROM range(30)",
    ];
    for (const text of stopped) {
      const started = Date.now();
      const res = await sql(text);
      expect([text, res.statusCode, res.json().error?.code]).toEqual([text, 422, expect.stringMatching(/^data\.sql_(timeout|memory)$/)]);
      expect(Date.now() - started).toBeLessThan(8000);
    }
    expect((await sql('SELECT count(*) FROM riders')).json().rows).toEqual([[N]]);
  }, 60_000);

  it('shows a newly published version, and hides a dataset once restricted', async () => {
    await createFixtureDataset(t.services, 'fresh-data');
    await publishFixtureVersion(t.services, 'fresh-data', { sql: "SELECT '새 데이터' AS word" });
    expect((await sql('SELECT word FROM fresh_data')).json().rows).toEqual([['새 데이터']]);
    await t.services.db.updateTable('data_dataset').set({ restricted: 1 }).where('id', '=', 'fresh-data').execute();
    expect((await sql('SELECT word FROM fresh_data')).json().error.code).toBe('data.sql_refused');
  });
});
