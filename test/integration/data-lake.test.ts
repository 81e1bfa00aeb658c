import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createOrganisation } from '../../src/contexts/accounts/use-cases/create-organisation.js';
import { ingestFile } from '../../src/contexts/data/use-cases/ingest-file.js';
import { withdrawVersion } from '../../src/contexts/data/use-cases/withdraw-version.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * The lake as other engines see it: a dataset is published through the platform, then the store's root (the
 * local data directory standing in for a bucket) is read by a separate DuckDB with nothing but the documented
 * layout and each version's manifest: rows, columns and the file's SHA-256 must be what the manifest says.
 */
let t: TestContext;
let tmp: string;
const DATASET = 'lake-bike-counts';
type Manifest = {
  datasetId: string;
  resourceId: string;
  version: number;
  title: { ko: string; en: string };
  licence: string;
  publisher: { id: string; name: { ko: string } } | null;
  createdAt: string;
  rows: number;
  columns: Array<{ name: string; parquetType: string; type: string | null }>;
  files: Array<{ path: string; bytes: number; sha256: string }>;
  status: { state: string; at: string; reason?: string };
  history: Array<{ state: string; at: string; reason?: string }>;
  revision: number;
};

/**
 * Every manifest under the root (lake/<dataset>/<resource>/_manifests/v<N>.json), found by walking the directory as
 * `aws s3 ls --recursive` would list a bucket, with the version's directory it describes (lake/<dataset>/<resource>/v<N>).
 */
async function manifests(root: string): Promise<Array<{ dir: string; file: string; manifest: Manifest }>> {
  const files = (await fs.readdir(path.join(root, 'lake'), { recursive: true }))
    .map(String)
    .filter((f) => path.basename(path.dirname(f)) === '_manifests' && /^v\d+\.json$/.test(path.basename(f)));
  return Promise.all(
    files.sort().map(async (f) => {
      const file = path.join(root, 'lake', f);
      return {
        file,
        dir: path.join(path.dirname(path.dirname(file)), path.basename(f, '.json')),
        manifest: JSON.parse(await fs.readFile(file, 'utf8')) as Manifest,
      };
    }),
  );
}

async function duck<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJson() as T[];
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

beforeAll(async () => {
  t = await createTestContext();
  tmp = path.join(t.dataDir, 'sources');
  await fs.mkdir(tmp);
  const org = await createOrganisation(t.services, system(), { type: 'city_department', nameKo: '자전거정책과', nameEn: 'Cycling policy division' });
  const v1 = path.join(tmp, 'v1.csv');
  await fs.writeFile(v1, 'station,day,riders,share\n여의나루,2026-11-01,120,0.5\n뚝섬,2026-11-01,87,0.25\n여의나루,2026-11-02,\n');
  await ingestFile(t.services, system(), {
    datasetId: DATASET,
    file: v1,
    filename: 'bikes.csv',
    create: { titleKo: '따릉이 대여 수', titleEn: 'Bike rentals', publisherId: org.id, licence: 'KOGL-1' },
  });
  const v2 = path.join(tmp, 'v2.csv');
  await fs.writeFile(
    v2,
    `station,day,riders,share\n${Array.from({ length: 500 }, (_, i) => `역${i % 7},2026-11-${String((i % 28) + 1).padStart(2, '0')},${i},${(i % 10) / 10}`).join('\n')}\n`,
  );
  await ingestFile(t.services, system(), { datasetId: DATASET, file: v2, filename: 'bikes.csv' });
}, 120_000);
afterAll(() => t?.close());

describe('the lake layout, read in place by another engine', () => {
  it('holds each published version as lake/<dataset>/<resource>/v<N>/data.parquet with a manifest that tells the truth about it', async () => {
    const found = (await manifests(t.dataDir)).filter((m) => m.manifest.datasetId === DATASET);
    expect(found.map((m) => m.manifest.version)).toEqual([1, 2]);
    for (const { dir, manifest } of found) {
      expect(dir).toBe(path.join(t.dataDir, 'lake', DATASET, manifest.resourceId, `v${manifest.version}`));
      expect(manifest).toMatchObject({
        title: { ko: '따릉이 대여 수', en: 'Bike rentals' },
        licence: 'KOGL-1',
        publisher: { name: { ko: '자전거정책과' } },
        status: { state: 'published' },
        revision: 1,
      });
      expect(Date.parse(manifest.createdAt)).not.toBeNaN();
      const [file] = manifest.files;
      expect(file!.path).toBe('data.parquet');
      const bytes = await fs.readFile(path.join(dir, file!.path));
      expect(bytes.length).toBe(file!.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file!.sha256);
      const parquet = path.join(dir, file!.path).replace(/'/g, "''");
      const [{ n }] = (await duck<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM read_parquet('${parquet}')`)) as [{ n: number }];
      expect(n).toBe(manifest.rows);
      const described = await duck<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet('${parquet}')`);
      expect(described.map((d) => ({ name: d.column_name, parquetType: d.column_type }))).toEqual(
        manifest.columns.map((c) => ({ name: c.name, parquetType: c.parquetType })),
      );
    }
    expect(found.map((m) => m.manifest.rows)).toEqual([3, 500]);
    const v1 = found[0]!.manifest;
    expect(v1.columns.filter((c) => c.type !== null).map((c) => [c.name, c.type])).toEqual([
      ['station', 'string'],
      ['day', 'date'],
      ['riders', 'integer'],
      ['share', 'number'],
    ]);
    // The rows themselves, as published (the short third row read as missing values).
    const rows = await duck(
      `SELECT station, CAST(day AS VARCHAR) AS day, riders FROM read_parquet('${path.join(found[0]!.dir, 'data.parquet')}') ORDER BY day, riders`,
    );
    expect(rows).toEqual([
      { station: '뚝섬', day: '2026-11-01', riders: '87' },
      { station: '여의나루', day: '2026-11-01', riders: '120' },
      { station: '여의나루', day: '2026-11-02', riders: null },
    ]);
  });

  it('is read as a whole with one glob (DuckDB read_parquet over lake/<dataset>/*/v*/data.parquet), and the manifests with another', async () => {
    const glob = path.join(t.dataDir, 'lake', DATASET, '*', 'v*', 'data.parquet');
    const perFile = await duck<{
      version: string;
      n: number;
    }>(`SELECT regexp_extract(filename, '/v(\\d+)/data\\.parquet$', 1) AS version, count(*)::INTEGER AS n
      FROM read_parquet('${glob}', filename = true, union_by_name = true) GROUP BY ALL ORDER BY version`);
    expect(perFile).toEqual([
      { version: '1', n: 3 },
      { version: '2', n: 500 },
    ]);
    // A version's directory holds its Parquet only (engines may take the directory as a table).
    for (const v of ['v1', 'v2']) expect(await fs.readdir(path.join(t.dataDir, 'lake', DATASET, `${DATASET}--table`, v))).toEqual(['data.parquet']);
    const listed = await duck<{
      version: number;
      rows: number;
      state: string;
    }>(`SELECT version::INTEGER AS version, rows::INTEGER AS rows, status.state AS state
      FROM read_json('${path.join(t.dataDir, 'lake', '*', '*', '_manifests', 'v*.json')}') WHERE datasetId = '${DATASET}' ORDER BY version`);
    expect(listed).toEqual([
      { version: 1, rows: 3, state: 'published' },
      { version: 2, rows: 500, state: 'published' },
    ]);
  });

  it('serves the manifest at the API as it is in the store', async () => {
    const [{ file, manifest }] = (await manifests(t.dataDir)).filter((m) => m.manifest.datasetId === DATASET && m.manifest.version === 2) as [
      { dir: string; file: string; manifest: Manifest },
    ];
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets/${DATASET}/versions/2/manifest.json` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(await fs.readFile(file, 'utf8')));
    expect(res.json()).toEqual(manifest);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets/${DATASET}/versions/9/manifest.json` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/no-such-dataset/versions/1/manifest.json' })).statusCode).toBe(404);
  });

  it('withdrawn: the file leaves the lake, the manifest stays with a new revision saying why, the earlier entry untouched', async () => {
    const before = (await manifests(t.dataDir)).find((m) => m.manifest.datasetId === DATASET && m.manifest.version === 1)!;
    const reason = '개인정보가 포함되어 철회합니다 (test)';
    await withdrawVersion(t.services, system(), { datasetId: DATASET, version: 1, reason });
    await expect(fs.stat(path.join(before.dir, 'data.parquet'))).rejects.toThrow();
    const after = JSON.parse(await fs.readFile(before.file, 'utf8')) as Manifest;
    expect(after.revision).toBe(2);
    expect(after.status).toMatchObject({ state: 'withdrawn', reason });
    expect(after.history[0]).toEqual(before.manifest.history[0]);
    expect(after.history).toHaveLength(2);
    expect(after.files).toEqual(before.manifest.files); // the facts stay: what was published, its size and checksum
    const glob = path.join(t.dataDir, 'lake', DATASET, '*', 'v*', 'data.parquet');
    expect(await duck(`SELECT count(*)::INTEGER AS n FROM read_parquet('${glob}')`)).toEqual([{ n: 500 }]);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets/${DATASET}/versions/1/manifest.json` });
    expect(res.json()).toMatchObject({ status: { state: 'withdrawn', reason }, revision: 2 });
    // The platform serves no row of it, and still serves the other version from the lake.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets/${DATASET}/rows?version=1` })).statusCode).toBeGreaterThanOrEqual(400);
    const rows = await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets/${DATASET}/rows?limit=1` });
    expect(rows.statusCode).toBe(200);
    expect(rows.json()).toMatchObject({ version: { number: 2 }, total: 500 });
  });
});
