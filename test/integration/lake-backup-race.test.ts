import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { backup, restore } from '../../src/core/backup/backup.js';
import type { FileStore } from '../../src/core/storage/index.js';
import { deleteDataset } from '../../src/contexts/data/use-cases/delete-dataset.js';
import { dropUnnamedLakeFiles } from '../../src/contexts/data/use-cases/drop-unnamed-lake-files.js';
import { ingestFile } from '../../src/contexts/data/use-cases/ingest-file.js';
import { withdrawVersion } from '../../src/contexts/data/use-cases/withdraw-version.js';
import { useS3Server } from '../support/s3-server.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * A backup taken while a version's Parquet is deleted (withdrawn, or its dataset deleted) is consistent: the files
 * are copied before the database snapshot and what appeared after it is copied after, so a file the snapshot names
 * is in the archive even when it is deleted right after the snapshot, and a file deleted before the snapshot (which
 * the snapshot no longer names as published) is not put back into the lake by a restore. The deletion runs at the
 * given step through `backup`'s test seam; the restore goes into a fresh installation.
 *
 * Each database runs the cases on one store (SQLite on the data dir, PostgreSQL on object storage), so every case
 * runs on each store and on each database once: all four pairings cost CI about 50 s a tier (a backup and a restore
 * into a fresh installation per case). lake-backup.test.ts runs backup and restore on all four.
 */
const files = useS3Server('open-seoul-backup-race-');

const reason = 'A test withdrawal while a backup runs';
const publish = async (t: TestContext, datasetId: string, rows: number, create = true) => {
  const file = path.join(files.tmp, `${datasetId}-${rows}.csv`);
  await fs.writeFile(file, `gu,pm10\n${Array.from({ length: rows }, (_, i) => `구${i % 25},${i}`).join('\n')}\n`);
  await ingestFile(t.services, system(), {
    datasetId,
    file,
    filename: 'air.csv',
    ...(create ? { create: { titleKo: '미세먼지', titleEn: 'Fine dust' } } : {}),
  });
};
const keys = async (store: FileStore, prefix: string) => {
  const out: string[] = [];
  for await (const o of store.list(prefix)) out.push(o.key);
  return out.sort();
};
const rows = async (t: TestContext, datasetId: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets/${datasetId}/rows?limit=1` });
  return { status: res.statusCode, version: res.json().version?.number, total: res.json().total };
};
const dataKey = (d: string, v: number) => `lake/${d}/${d}--table/v${v}/data.parquet`;
const manifestState = async (t: TestContext, d: string, v: number) =>
  (JSON.parse((await t.services.files.read(`lake/${d}/${d}--table/_manifests/v${v}.json`))?.toString('utf8') ?? '{}') as { status?: { state: string } }).status
    ?.state;

describe.each([dialect === 'sqlite' ? 'local' : 's3'] as const)(`a backup racing a deletion, %s store (${dialect})`, (kind) => {
  let a: TestContext;
  const env = (p: string) => (kind === 's3' ? files.s3.env(`race-${p}-${dialect}`) : {});
  beforeAll(async () => {
    a = await createTestContext(env('a'));
  }, 120_000);
  afterAll(() => a?.close());
  const intoFresh = async (name: string, file: string, check: (b: TestContext) => Promise<void>) => {
    const b = await createTestContext(env(name));
    try {
      expect(b.services.files.kind).toBe(kind);
      await restore(b.services, file);
      await check(b);
    } finally {
      await b.close();
    }
  };

  it('keeps the Parquet of a version withdrawn right after the snapshot: the restored published version reads', async () => {
    const D = 'race-withdrawn';
    await publish(a, D, 40);
    const file = path.join(files.tmp, `${kind}-${dialect}-after-snapshot.tar.gz`);
    await backup(a.services, file, {
      afterSnapshot: async () => {
        await withdrawVersion(a.services, system(), { datasetId: D, version: 1, reason });
      },
    });
    expect(await a.services.files.exists(dataKey(D, 1))).toBe(false);
    await intoFresh('b1', file, async (b) => {
      expect(await rows(b, D)).toEqual({ status: 200, version: 1, total: 40 });
      expect(await b.services.files.exists(dataKey(D, 1))).toBe(true);
      expect(await manifestState(b, D, 1)).toBe('published');
    });
  }, 120_000);

  it('keeps the Parquet of a dataset deleted right after the snapshot', async () => {
    const D = 'race-deleted';
    await publish(a, D, 30);
    const file = path.join(files.tmp, `${kind}-${dialect}-deleted.tar.gz`);
    await backup(a.services, file, {
      afterSnapshot: async () => {
        await deleteDataset(a.services, system(), D, { reason });
      },
    });
    expect(await keys(a.services.files, `lake/${D}/`)).not.toContain(dataKey(D, 1));
    await intoFresh('b2', file, async (b) => {
      expect(await rows(b, D)).toEqual({ status: 200, version: 1, total: 30 });
    });
  }, 120_000);

  it('leaves out a version published after the snapshot: the restored lake holds the versions the database knows', async () => {
    const D = 'race-later';
    await publish(a, D, 10);
    const file = path.join(files.tmp, `${kind}-${dialect}-later.tar.gz`);
    await backup(a.services, file, { afterSnapshot: () => publish(a, D, 15, false) });
    expect(await rows(a, D)).toEqual({ status: 200, version: 2, total: 15 });
    await intoFresh('b4', file, async (b) => {
      expect(await rows(b, D)).toEqual({ status: 200, version: 1, total: 10 });
      expect(await keys(b.services.files, `lake/${D}/`)).toEqual([`lake/${D}/${D}--table/_manifests/v1.json`, dataKey(D, 1)]);
    });
  }, 120_000);

  it('leaves out the Parquet of a version withdrawn between the first copy and the snapshot, with its manifest as withdrawn', async () => {
    const D = 'race-early';
    await publish(a, D, 20);
    await publish(a, D, 25, false);
    const file = path.join(files.tmp, `${kind}-${dialect}-before-snapshot.tar.gz`);
    await backup(a.services, file, {
      afterFirstCopy: async () => {
        await withdrawVersion(a.services, system(), { datasetId: D, version: 2, reason });
      },
    });
    await intoFresh('b3', file, async (b) => {
      expect(await rows(b, D)).toEqual({ status: 200, version: 1, total: 20 });
      const lake = await keys(b.services.files, `lake/${D}/`);
      expect(lake).toContain(dataKey(D, 1));
      expect(lake).not.toContain(dataKey(D, 2)); // the snapshot says withdrawn: not back in the lake for other engines
      expect(await manifestState(b, D, 2)).toBe('withdrawn');
    });
  }, 120_000);

  it('keeps a Parquet withdrawn in the instant before the snapshot as an extra, which the lake check after a restore removes', async () => {
    const D = 'race-instant';
    await publish(a, D, 12);
    await publish(a, D, 14, false);
    const file = path.join(files.tmp, `${kind}-${dialect}-instant.tar.gz`);
    await backup(a.services, file, {
      beforeSnapshot: async () => {
        await withdrawVersion(a.services, system(), { datasetId: D, version: 2, reason });
      },
    });
    await intoFresh('b5', file, async (b) => {
      expect(await b.services.files.exists(dataKey(D, 2))).toBe(true); // copied before the withdrawal, named by no row
      expect(await dropUnnamedLakeFiles(b.services)).toEqual([dataKey(D, 2)]);
      expect(await keys(b.services.files, `lake/${D}/`)).not.toContain(dataKey(D, 2));
      expect(await rows(b, D)).toEqual({ status: 200, version: 1, total: 12 });
      expect(await b.services.files.exists(dataKey(D, 1))).toBe(true);
    });
  }, 120_000);
});
