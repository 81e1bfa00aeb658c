import path from 'node:path';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isLakeKey } from '../lake/lake-store.js';
import { dropDraftFile, fetchDraftFile } from '../lake/draft-files.js';
import { storeVersion, unstoreVersion } from '../lake/store-version.js';
import { dropNativeCopy } from '../query/native-copy.js';
import { invalidateSandbox } from '../query/sandbox/sandbox-pool.js';
import { getDataset } from '../store/dataset.repository.js';
import { getVersion, moveVersionFile, publishedVersionFiles, versionSchema } from '../store/version.repository.js';

export interface RelayoutResult {
  /** Versions now in the lake layout, with their key. */
  moved: Array<{ datasetId: string; version: number; key: string }>;
  /** Versions whose file is on no disk this machine sees: they stay as they are (publish them again from their source). */
  missing: Array<{ datasetId: string; version: number; path: string }>;
}

/**
 * Versions published before the lake layout existed name their Parquet file by a path under one machine's data
 * directory, so on object storage only that machine could read them. This hands each such file to the file store
 * under the layout with its manifest (as publishing does today), then points the version at its key, audited, and
 * deletes the old file. Run where the old files are (`open-seoul data relayout`); a version whose file is not there
 * is reported and left as it was. Answers do not change: the file is the same bytes, only its place.
 */
export async function relayoutVersions(services: Services, actor: Actor): Promise<RelayoutResult> {
  const result: RelayoutResult = { moved: [], missing: [] };
  for (const v of await publishedVersionFiles(services.db)) {
    const from = v.parquet_path!;
    if (isLakeKey(from)) continue;
    const file = path.resolve(services.config.dataDir, from);
    if (!(await fetchDraftFile(services, file))) {
      result.missing.push({ datasetId: v.dataset_id, version: v.version, path: from });
      continue;
    }
    const dataset = await getDataset(services.db, v.dataset_id);
    const where = { datasetId: dataset.id, resourceId: v.resource_id, version: v.version };
    const stored = await storeVersion(services, {
      dataset,
      resourceId: v.resource_id,
      version: v.version,
      publishedAt: v.published_at ?? services.now().toISOString(),
      file,
      rows: v.rows,
      schema: versionSchema(v),
    });
    let moved = false;
    try {
      moved = await services.db.transaction().execute(async (tx) => {
        if (!(await moveVersionFile(tx, v.id, from, stored.key))) return false; // withdrawn or moved meanwhile
        await recordAudit(tx, actor, {
          action: 'data.version.relayout',
          entityType: 'data_version',
          entityId: v.id,
          before: { parquet_path: from },
          after: { parquet_path: stored.key },
        });
        return true;
      });
    } finally {
      // Not committed (or it threw): the stored objects go back, unless another run moved this version to them.
      if (!moved && (await getVersion(services.db, v.id).catch(() => null))?.parquet_path !== stored.key)
        await unstoreVersion(services, where).catch(() => undefined);
    }
    if (!moved) continue;
    await dropNativeCopy(services, from); // keyed by the old path: the next query builds one under the key
    await dropDraftFile(services, file); // here, and its shared copy if it had one
    result.moved.push({ datasetId: dataset.id, version: v.version, key: stored.key });
  }
  if (result.moved.length) invalidateSandbox(services);
  return result;
}
