import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { sandboxFor } from '../../src/contexts/data/query/sandbox/sandbox-pool.js';
import { ingestFile } from '../../src/contexts/data/use-cases/ingest-file.js';
import { startS3Server } from '../support/s3-server.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * A replica's cache of object-storage Parquet is bounded (OPEN_SEOUL_CACHE_MAX_BYTES): three tables published
 * through the real ingest into an S3-protocol server (s3rver), a budget with room for two of their files, then the
 * rows API and the SQL sandbox read them in turn. The cache directory is read after each step: the least recently
 * used file is the one deleted, the budget holds, and a deleted table read again is fetched again, same answer.
 */
let s3: Awaited<ReturnType<typeof startS3Server>>;
let t: TestContext;
let key = '';
let tmp: string;
const saved = { ...process.env };
/** Room for two of the files below (each about 600 bytes, checked in the first test) and not for three. */
const BUDGET = 1500;
const TABLES = ['north', 'south', 'east'] as const;

const cacheDir = () => path.join(t.dataDir, 'cache', 'objects');
/** Every file in the replica's cache, with its size. */
async function cached(): Promise<Map<string, number>> {
  const entries = await fs.readdir(cacheDir(), { recursive: true, withFileTypes: true }).catch(() => []);
  const out = new Map<string, number>();
  for (const e of entries.filter((x) => x.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(e.parentPath, e.name);
    out.set(path.relative(cacheDir(), file).split(path.sep).join('/'), (await fs.stat(file)).size);
  }
  return out;
}
const parquet = (dataset: string) => `lake/${dataset}/${dataset}--table/v1/data.parquet`;
/** The tables whose file is in the cache now, checking the budget holds and nothing else is there. */
async function held(): Promise<string[]> {
  const files = await cached();
  expect([...files.values()].reduce((s, b) => s + b, 0)).toBeLessThanOrEqual(BUDGET);
  const tables = TABLES.filter((d) => files.has(parquet(d)));
  expect(files.size).toBe(tables.length);
  return [...tables].sort();
}
const rows = async (dataset: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets/${dataset}/rows?limit=5&sort=-pm10` });
  expect(res.statusCode).toBe(200);
  const body = res.json() as { total: number; rows: unknown[] };
  return { total: body.total, rows: body.rows };
};
const sql = async (text: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/data/sql', payload: { sql: text }, headers: { authorization: `Bearer ${key}` } });
  expect(res.statusCode).toBe(200);
  return res.json().rows as unknown[][];
};
/** Keeps one shared-sandbox process busy (its job not over) until the returned function is called. */
const holdSandboxProcess = () =>
  new Promise<() => void>((resolve, reject) => {
    let answers = 0;
    sandboxFor(t.services).run({
      start: { type: 'query', sql: 'SELECT 1', maxRows: 1, maxBytes: 1000 },
      timeoutMs: 60_000,
      onMessage: (m, control) => {
        if (m.type === 'error') reject(new Error(String(m.message)));
        if (++answers > 1) return true; // the answer to the release query: the job is over, the process free
        resolve(() => control.send({ type: 'query', sql: 'SELECT 1', maxRows: 1, maxBytes: 1000 }));
        return false;
      },
      onAbort: reject,
    });
  });
const publish = async (datasetId: string, offset: number) => {
  const file = path.join(tmp, `${datasetId}.csv`);
  await fs.writeFile(file, `gu,pm10\n${Array.from({ length: 60 }, (_, i) => `구${i % 25},${i + offset}`).join('\n')}\n`);
  await ingestFile(t.services, system(), {
    datasetId,
    file,
    filename: `${datasetId}.csv`,
    create: { titleKo: `시험 ${datasetId}`, titleEn: `Test ${datasetId}` },
  });
};

beforeAll(async () => {
  s3 = await startS3Server();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-cache-budget-'));
  // The AWS SDK reads credentials from the process environment (its usual chain), as a replica would.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
  // No hold: the steps below come milliseconds apart and check the least recently used order itself (the hold that
  // keeps a just-handed-out copy is object-cache.test.ts's).
  t = await createTestContext({ ...s3.env(`cache-${dialect}`), OPEN_SEOUL_CACHE_MAX_BYTES: String(BUDGET), OPEN_SEOUL_CACHE_HOLD_SECONDS: '0' });
  for (const [i, d] of TABLES.entries()) await publish(d, i * 1000);
  const user = await createUser(t.services, system(), { email: 'cache-citizen@example.kr', password: 'cache citizen 1', role: 'citizen' });
  const actor = { kind: 'user' as const, user: { id: user.id, email: user.email, displayName: user.email, role: 'citizen' as const, memberships: [] } };
  key = (await createApiKey(t.services, actor, { name: 'sql' })).secret;
}, 120_000);
afterAll(async () => {
  process.env = saved;
  await t?.close();
  await s3?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe(`a replica's bounded cache of object-storage Parquet (${dialect})`, () => {
  it('kept the two files published last: the first one went when the third came in', async () => {
    expect(t.services.files.kind).toBe('s3');
    expect(t.services.config.cacheMaxBytes).toBe(BUDGET);
    const sizes = [...(await cached()).values()];
    expect(await held()).toEqual(['east', 'south']);
    // The budget has room for two of these files, never three (else this test proves nothing).
    expect(2 * Math.max(...sizes)).toBeLessThanOrEqual(BUDGET);
    expect(3 * Math.min(...sizes)).toBeGreaterThan(BUDGET);
  });

  it('deletes the least recently used file when the rows API and the SQL sandbox fetch others, and fetches a deleted one again with the same answer', async () => {
    // north: fetched; south, the least recently used (published before east), goes.
    const northFirst = await rows('north');
    expect(northFirst).toMatchObject({ total: 60, rows: expect.any(Array) });
    expect(northFirst.rows).toHaveLength(5);
    expect(await held()).toEqual(['east', 'north']);

    // The sandbox names south: fetched; east goes.
    const southFirst = await sql('SELECT count(*) AS n, sum(pm10) AS s FROM south');
    expect(southFirst).toEqual([[60, 1770 + 60 * 1000]]);
    expect(await held()).toEqual(['north', 'south']);

    // north again: a hit, which makes it the most recently used…
    expect(await rows('north')).toEqual(northFirst);
    expect(await held()).toEqual(['north', 'south']);
    // …so east, fetched for the sandbox, takes south's place and not north's.
    expect(await sql('SELECT max(pm10) FROM east')).toEqual([[2059]]);
    expect(await held()).toEqual(['east', 'north']);

    // The sandbox's views were re-read without south: a query on a table held still runs (a hit: east is recent).
    expect(await sql('SELECT count(*) FROM east')).toEqual([[60]]);
    expect(await held()).toEqual(['east', 'north']);

    // south, deleted here, named again: fetched again, the same answer (north, least recently used, goes)…
    expect(await sql('SELECT count(*) AS n, sum(pm10) AS s FROM south')).toEqual(southFirst);
    expect(await held()).toEqual(['east', 'south']);
    // …and north through the rows API: fetched again, the same page (east goes).
    expect(await rows('north')).toEqual(northFirst);
    expect(await held()).toEqual(['north', 'south']);

    // east went under the sandbox's feet (a rows page, not a query of its own). With one sandbox process kept
    // busy, the next query starts another: it must not fail on a view of the deleted file.
    const release = await holdSandboxProcess();
    expect(await sql('SELECT min(pm10) FROM south')).toEqual([[1000]]);
    release();
  });

  it('serves a file larger than the whole budget, keeping it alone, and goes back under the budget after it', async () => {
    const file = path.join(tmp, 'big.csv');
    await fs.writeFile(file, `gu,note\n${Array.from({ length: 400 }, (_, i) => `구${i},${'가나다라마바사'.repeat(3)}${i * 7919}`).join('\n')}\n`);
    await ingestFile(t.services, system(), { datasetId: 'big', file, filename: 'big.csv', create: { titleKo: '큰 표', titleEn: 'Big table' } });
    const big = await cached();
    expect([...big.keys()]).toEqual([parquet('big')]);
    expect(big.get(parquet('big'))).toBeGreaterThan(BUDGET);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/big/rows?limit=2' });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(400);

    expect(await rows('east')).toMatchObject({ total: 60 });
    expect([...(await cached()).keys()]).toEqual([parquet('east')]);
  });
});
