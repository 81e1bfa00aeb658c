import fs from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { backup, restore } from '../../src/core/backup/backup.js';
import type { FileStore } from '../../src/core/storage/index.js';
import { ingestFile } from '../../src/contexts/data/use-cases/ingest-file.js';
import { useS3Server } from '../support/s3-server.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/**
 * Backup and restore cover the file store on both kinds: the local data directory (copied with the data dir)
 * and object storage (every object of the installation's prefix, streamed into the archive with a listing, and
 * put back). A restore leaves the lake holding exactly the versions the restored database knows.
 */
const files = useS3Server('open-seoul-lake-backup-');
const DATASET = 'backup-air';

const csv = async (name: string, rows: number) => {
  const file = path.join(files.tmp, name);
  await fs.writeFile(file, `gu,pm10\n${Array.from({ length: rows }, (_, i) => `구${i % 25},${i}`).join('\n')}\n`);
  return file;
};
const keys = async (store: FileStore, prefix: string) => {
  const out: string[] = [];
  for await (const o of store.list(prefix)) out.push(o.key);
  return out.sort();
};
const lakeKeys = async (t: TestContext) => await keys(t.services.files, `lake/${DATASET}/`);
const rows = async (t: TestContext) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/data/datasets/${DATASET}/rows?limit=1` });
  return { status: res.statusCode, version: res.json().version?.number, total: res.json().total };
};

describe.each(['local', 's3'] as const)(`backup and restore with the %s store (${dialect})`, (kind) => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(async () => {
    const env = (p: string) => (kind === 's3' ? files.s3.env(`${p}-${dialect}`) : {});
    a = await createTestContext(env('a'));
    b = await createTestContext(env('b'));
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('puts the lake back into an empty installation, and takes back from the lake what came after the backup', async () => {
    expect(a.services.files.kind).toBe(kind);
    await ingestFile(a.services, system(), {
      datasetId: DATASET,
      file: await csv('v1.csv', 40),
      filename: 'air.csv',
      create: { titleKo: '미세먼지', titleEn: 'Fine dust' },
    });
    const file = path.join(files.tmp, `${kind}-${dialect}.tar.gz`);
    const manifest = await backup(a.services, file);
    const v1Keys = await lakeKeys(a);
    expect(v1Keys).toEqual([`lake/${DATASET}/${DATASET}--table/_manifests/v1.json`, `lake/${DATASET}/${DATASET}--table/v1/data.parquet`]);
    const entries: string[] = [];
    await tar.list({
      file,
      onReadEntry: (e) => {
        entries.push(e.path);
      },
    });
    if (kind === 's3') {
      // Object storage: the objects, with a listing; none of them was on the data dir.
      expect(manifest.storage).toMatchObject({ kind: 's3', objects: expect.any(Number) });
      expect(manifest.storage!.objects).toBeGreaterThanOrEqual(2);
      expect(entries).toEqual(expect.arrayContaining(['objects.json', ...v1Keys.map((k) => `objects/${k}`)]));
      expect(entries.some((e) => e.startsWith('files/lake/') && e.endsWith('data.parquet'))).toBe(false);
    } else {
      expect(manifest.storage).toMatchObject({ kind: 'local', objects: 0 });
      expect(entries).toEqual(expect.arrayContaining(v1Keys.map((k) => `files/${k}`)));
    }

    // Into another installation (its own database and store): the rows are served from the restored lake.
    expect((await rows(b)).status).toBe(404);
    await restore(b.services, file);
    expect(await lakeKeys(b)).toEqual(v1Keys);
    expect(await rows(b)).toEqual({ status: 200, version: 1, total: 40 });

    // Into the same installation after a second version: the database forgets v2, and so does the lake.
    await ingestFile(a.services, system(), { datasetId: DATASET, file: await csv('v2.csv', 60), filename: 'air.csv' });
    expect(await rows(a)).toEqual({ status: 200, version: 2, total: 60 });
    expect(await lakeKeys(a)).toHaveLength(4);
    await restore(a.services, file);
    expect(await lakeKeys(a)).toEqual(v1Keys);
    expect(await rows(a)).toEqual({ status: 200, version: 1, total: 40 });
  });

  if (kind === 's3') {
    it('refuses to restore a backup of local files into object storage, before changing anything', async () => {
      const local = await createTestContext();
      try {
        const file = path.join(files.tmp, `local-for-s3-${dialect}.tar.gz`);
        await backup(local.services, file);
        await expect(restore(b.services, file)).rejects.toThrow(/local data directory/);
        expect(await rows(b)).toEqual({ status: 200, version: 1, total: 40 });
      } finally {
        await local.close();
      }
    });
  }
});
