import { draftIdsAmong } from '../store/version.repository.js';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Services } from '../../../core/context.js';
import { lakeFor } from '../lake/lake.js';

/** A draft folder younger than this may belong to an upload still being read (by this or another process). */
export const ORPHAN_DRAFT_AGE_MS = 60 * 60_000;

/**
 * Removes draft folders (`lake/.tmp/drafts/<versionId>`) that no draft version row names: what an ingest killed
 * before its commit leaves behind, or a draft published or discarded through another replica (it would otherwise stay forever, and in backups). Folders younger than
 * `olderThanMs` are left alone, so an upload in progress is never touched. Returns the folders removed.
 */
export async function sweepOrphanDrafts(services: Services, olderThanMs = ORPHAN_DRAFT_AGE_MS): Promise<string[]> {
  const root = path.join(lakeFor(services).tmpDir, 'drafts');
  const names = await fsp.readdir(root).catch(() => [] as string[]);
  if (!names.length) return [];
  // Only a draft still needs its folder: one published or discarded through another replica left this copy here.
  const known = new Set(await draftIdsAmong(services.db, names));
  const now = services.now().getTime();
  const removed: string[] = [];
  for (const name of names) {
    if (known.has(name)) continue;
    const dir = path.join(root, name);
    const stat = await fsp.stat(dir).catch(() => null);
    if (!stat || now - stat.mtimeMs < olderThanMs) continue;
    await fsp.rm(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** `serve` sweeps once at start and then every hour. */
export function startDraftSweepJob(services: Services, everyMs = ORPHAN_DRAFT_AGE_MS): () => void {
  const run = () =>
    sweepOrphanDrafts(services).then(
      (removed) => {
        if (removed.length) services.log.info({ removed }, 'data: orphaned draft folders removed');
      },
      (error: unknown) => services.log.error({ err: error }, 'data: draft sweep failed'),
    );
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
