import { listDatasetVersions, markDatasetDeleted } from '../store/dataset.repository.js';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { removeDocument } from '../../../core/search/search-index.js';
import { assertAllowed } from '../../accounts/index.js';
import { datasetPolicy } from '../domain/policy.js';
import { appendManifestEvent } from '../lake/lake-manifest.js';
import { removeParquet } from '../lake/lake-store.js';
import { dropDraftDir } from '../lake/draft-files.js';
import { invalidateSandbox } from '../query/sandbox/sandbox-pool.js';
import { getDataset, parseJson } from '../store/dataset.repository.js';
import type { VersionOptions } from '../store/tables.js';
import { goneError } from '../store/visibility.js';
import { draftDir } from './stage-upload.js';
import { checkReason } from './withdraw-version.js';

/**
 * Deletes a dataset, leaving a tombstone: the catalogue row stays with when, by whom and why (public), so that its
 * page and every API (rows, CKAN, DCAT, datapackage.json) answer 410 Gone with the reason instead of a bare
 * 404. Its files leave the lake (every version's Parquet file, drafts' kept copies), it leaves search and the
 * sandbox, and its drafts are discarded. Audited; not undoable.
 */
export async function deleteDataset(
  services: Services,
  actor: Actor,
  id: string,
  input: { reason: unknown },
): Promise<{ id: string; deletedAt: string; reason: string }> {
  const dataset = await getDataset(services.db, id);
  assertAllowed(actor, datasetPolicy.canPublish(actor, dataset), 'data.dataset.delete');
  if (dataset.deleted_at) throw goneError(dataset);
  const reason = checkReason(input.reason);
  const at = services.now().toISOString();
  const versions = await listDatasetVersions(services.db, id);
  await services.db.transaction().execute(async (tx) => {
    await markDatasetDeleted(
      tx,
      id,
      { at, reason, by: actor.user?.id ?? null },
      versions.map((v) => v.id),
    );
    await removeDocument(tx, 'dataset', id);
    await recordAudit(tx, actor, {
      action: 'data.dataset.delete',
      entityType: 'data_dataset',
      entityId: id,
      before: { title_ko: dataset.title_ko, title_en: dataset.title_en, versions: versions.filter((v) => v.status === 'published').map((v) => v.version) },
      after: { deleted_at: at, reason },
    });
  });
  invalidateSandbox(services);
  for (const v of versions) {
    if (v.parquet_path) await removeParquet(services, v.parquet_path);
    if (v.status === 'published')
      await appendManifestEvent(services, { datasetId: id, resourceId: v.resource_id, version: v.version }, { state: 'deleted', at, reason });
    const draft = parseJson<VersionOptions | null>(v.options, null)?.draft;
    if (draft) await dropDraftDir(services, draftDir(services, draft.dir));
  }
  return { id, deletedAt: at, reason };
}
