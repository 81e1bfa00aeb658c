import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { SANDBOX_LIMITS } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import { approveAnalyst } from '../../src/contexts/data/use-cases/approve-analyst.js';
import { ingestFile } from '../../src/contexts/data/use-cases/ingest-file.js';
import { startS3Server } from '../support/s3-server.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';
import { directSandboxQuery } from '../support/sandbox.js';

/**
 * The SQL sandbox on object storage fetches only the Parquet a query names, into this replica's cache, once per
 * version: published through the real ingest into an S3-protocol server (s3rver), the replica's cache emptied (a
 * replica that published nothing), then the cache directory is read after each step. Listing the tables fetches
 * nothing (columns come from the versions' manifests); an unknown or restricted table gets the same refusal.
 */
let s3: Awaited<ReturnType<typeof startS3Server>>;
let t: TestContext;
let key = '';
let analystKey = '';
let tmp: string;
const saved = { ...process.env };
const refreshMs = SANDBOX_LIMITS.refreshMs;

const cacheDir = () => path.join(t.dataDir, 'cache', 'objects');
/** Every file in the replica's cache of the store, as store keys. */
async function cached(): Promise<string[]> {
  const entries = await fs.readdir(cacheDir(), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(cacheDir(), path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
const parquet = (dataset: string, version: number) => `lake/${dataset}/${dataset}--table/v${version}/data.parquet`;
const sql = (text: string, as = key) =>
  t.app.inject({ method: 'POST', url: '/api/v1/data/sql', payload: { sql: text }, headers: { authorization: `Bearer ${as}` } });
/** A query in the shared sandbox's process itself, without the parse-tree check: its error, or 'ran'. */
const direct = (text: string) => directSandboxQuery(t.services, text);
const signUp = async (email: string) => {
  const user = await createUser(t.services, system(), { email, password: 'analyst password 1', role: 'citizen' });
  const actor = { kind: 'user' as const, user: { id: user.id, email, displayName: email, role: 'citizen' as const, memberships: [] } };
  return (await createApiKey(t.services, actor, { name: 'sql' })).secret;
};
const publish = async (datasetId: string, rows: number, offset = 0) => {
  const file = path.join(tmp, `${datasetId}-${rows}.csv`);
  await fs.writeFile(file, `gu,pm10\n${Array.from({ length: rows }, (_, i) => `구${i % 25},${i + offset}`).join('\n')}\n`);
  await ingestFile(t.services, system(), {
    datasetId,
    file,
    filename: `${datasetId}.csv`,
    create: { titleKo: `시험 ${datasetId}`, titleEn: `Test ${datasetId}` },
  });
};
const sum = (n: number, offset = 0) => (n * (n - 1)) / 2 + n * offset;

beforeAll(async () => {
  s3 = await startS3Server();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-sandbox-s3-'));
  // The AWS SDK reads credentials from the process environment (its usual chain), as a replica would.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
  t = await createTestContext(s3.env(`sandbox-${dialect}`));
  SANDBOX_LIMITS.refreshMs = 0;
  await publish('air', 40);
  await publish('air', 60, 1000);
  await publish('bus', 30);
  await publish('tram', 10);
  await publish('secret', 20);
  await t.services.db.updateTable('data_dataset').set({ restricted: 1 }).where('id', '=', 'secret').execute();
  key = await signUp('lake-citizen@example.kr');
  analystKey = await signUp('lake-analyst@example.kr');
  await approveAnalyst(t.services, system(), { datasetId: 'secret', email: 'lake-analyst@example.kr', projectNote: '객체 저장소 시험' });
  // The publishing replica kept its own uploads; another replica starts with none of them.
  await fs.rm(cacheDir(), { recursive: true, force: true });
}, 120_000);
afterAll(async () => {
  SANDBOX_LIMITS.refreshMs = refreshMs;
  process.env = saved;
  await t?.close();
  await s3?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe(`the SQL sandbox on object storage (${dialect})`, () => {
  it('lists every table with its columns and fetches no Parquet for it', async () => {
    expect(t.services.files.kind).toBe('s3');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/data/sql/tables', headers: { authorization: `Bearer ${key}` } });
    expect(res.statusCode).toBe(200);
    const tables = res.json() as Array<{ name: string; version: number; latest: boolean; columns: unknown[] }>;
    expect(tables.map((x) => x.name).sort()).toEqual(['air', 'air@v1', 'air@v2', 'bus', 'bus@v1', 'tram', 'tram@v1']);
    expect(tables.find((x) => x.name === 'air')).toMatchObject({ version: 2, latest: true });
    for (const x of tables)
      expect(x.columns).toEqual([
        { name: 'gu', type: 'VARCHAR' },
        { name: 'pm10', type: 'BIGINT' },
      ]);
    expect(await cached()).toEqual([]);
  });

  it('fetches only the version a query names, once', async () => {
    const first = await sql('SELECT count(*) AS n, sum(pm10) AS s FROM "air@v1"');
    expect(first.statusCode).toBe(200);
    expect(first.json().rows).toEqual([[40, sum(40)]]);
    expect(await cached()).toEqual([parquet('air', 1)]);
    const copy = await fs.stat(path.join(cacheDir(), parquet('air', 1)));

    // Again, and through a CTE and a join of the same version: nothing new fetched, the same copy read (a fetch
    // writes a new file and renames it over).
    const again = await sql('WITH a AS (SELECT * FROM "air@v1") SELECT count(*) FROM a JOIN "air@v1" b USING (gu, pm10)');
    expect(again.json().rows).toEqual([[40]]);
    expect(await cached()).toEqual([parquet('air', 1)]);
    const after = await fs.stat(path.join(cacheDir(), parquet('air', 1)));
    expect([after.ino, after.mtimeMs]).toEqual([copy.ino, copy.mtimeMs]);

    // The latest-named view is version 2: fetched now, and bus still not.
    expect((await sql('SELECT count(*), min(pm10) FROM air')).json().rows).toEqual([[60, 1000]]);
    expect(await cached()).toEqual([parquet('air', 1), parquet('air', 2)]);
  });

  it('refuses an unknown table, or a restricted one, in the same words, fetching nothing', async () => {
    const before = await cached();
    for (const table of ['nowhere', 'secret', '"secret@v1"']) {
      const res = await sql(`SELECT * FROM ${table}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'data.sql_refused',
        message: `Refused: unknown table "${table.replace(/"/g, '')}"; tables are listed at /api/v1/data/sql/tables`,
      });
    }
    expect(await cached()).toEqual(before);
    expect(before.some((k) => k.includes('secret'))).toBe(false);
  });

  it('fetches the tables a CSV download names, and only them', async () => {
    const q = 'SELECT b.pm10 FROM bus b LEFT JOIN tram t USING (gu, pm10) WHERE t.pm10 IS NULL ORDER BY b.pm10';
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/data/sql/download.csv?q=${encodeURIComponent(q)}`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual(['pm10', ...Array.from({ length: 20 }, (_, i) => String(i + 10))]);
    expect(await cached()).toEqual([parquet('air', 1), parquet('air', 2), parquet('bus', 1), parquet('tram', 1)]);
  });

  it("fetches a restricted version for an approved analyst's query, and the shared sandbox still has no view of it", async () => {
    const res = await sql('SELECT count(*) AS n FROM secret', analystKey);
    expect(res.statusCode).toBe(200);
    expect(res.json().rows).toEqual([[20]]);
    const held = await cached();
    expect(held).toContain(parquet('secret', 1));
    expect((await sql('SELECT count(*) FROM secret')).json().error.code).toBe('data.sql_refused');
    // The shared process: it reads the tables it holds, not the restricted copy beside them, by name or by path.
    expect(await direct('SELECT count(*) FROM bus')).toBe('ran');
    expect(await direct('SELECT count(*) FROM secret')).toMatch(/^Catalog Error: Table with name secret does not exist/);
    expect(await direct(`SELECT * FROM read_parquet('${path.join(cacheDir(), parquet('secret', 1))}')`)).toMatch(/^Permission Error/);
    expect(await cached()).toEqual(held);
  });
});
