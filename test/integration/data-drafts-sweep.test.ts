import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createDataset } from '../../src/contexts/data/use-cases/create-dataset.js';
import { draftDir, stageUpload } from '../../src/contexts/data/use-cases/stage-upload.js';
import { ORPHAN_DRAFT_AGE_MS, sweepOrphanDrafts } from '../../src/contexts/data/use-cases/sweep-orphan-drafts.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/** A killed ingest leaves its draft folder behind with no version row: the sweep removes it, and nothing else. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const exists = (dir: string) =>
  fs.stat(dir).then(
    () => true,
    () => false,
  );

describe(`orphaned upload drafts (${dialect})`, () => {
  it("removes an old folder no draft version names; keeps a live draft's folder and a folder still being written", async () => {
    await createDataset(t.services, system(), { id: 'sweep-test', titleKo: '정리 시험', titleEn: 'Sweep test' });
    const file = path.join(os.tmpdir(), `sweep-${randomUUID()}.csv`);
    await fs.writeFile(file, '역명,승차\n시청,9282\n');
    const live = (await stageUpload(t.services, system(), { datasetId: 'sweep-test', file, filename: 'sweep.csv' })).versionId;
    await fs.rm(file, { force: true });
    const killed = draftDir(t.services, randomUUID());
    const young = draftDir(t.services, randomUUID());
    for (const dir of [killed, young]) {
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, 'source.csv'), 'half,written\n');
    }
    const old = new Date(Date.now() - 2 * ORPHAN_DRAFT_AGE_MS);
    await fs.utimes(killed, old, old);
    await fs.utimes(draftDir(t.services, live), old, old);

    const removed = await sweepOrphanDrafts(t.services);
    expect(removed).toEqual([path.basename(killed)]);
    expect(await exists(killed)).toBe(false);
    expect(await exists(young)).toBe(true);
    expect(await exists(draftDir(t.services, live))).toBe(true);
    expect(await sweepOrphanDrafts(t.services)).toEqual([]);
  });
});
