import { getResourceRow, markDraftDiscarded } from '../store/version.repository.js';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { datasetPolicy } from '../domain/policy.js';
import { removeParquet } from '../lake/lake-store.js';
import { dropDraftDir } from '../lake/draft-files.js';
import { getDataset, parseJson } from '../store/dataset.repository.js';
import type { VersionOptions } from '../store/tables.js';
import { getVersion } from '../store/version.repository.js';
import { draftDir } from './stage-upload.js';

/**
 * Discards a draft: its row stays as 'discarded' (the number is never reused, the audit trail keeps what was
 * uploaded), its Parquet file and kept copies are deleted.
 */
export async function discardUpload(services: Services, actor: Actor, versionId: string): Promise<{ versionId: string; version: number; status: 'discarded' }> {
  const version = await getVersion(services.db, versionId);
  const resource = await getResourceRow(services.db, version.resource_id);
  const dataset = await getDataset(services.db, resource.dataset_id);
  assertAllowed(actor, datasetPolicy.canPublish(actor, dataset), 'data.version.discard');
  if (version.status !== 'draft') throw new AppError('data.version_not_draft', `Version ${version.version} is ${version.status}, not a draft`, 409);
  await services.db.transaction().execute(async (tx) => {
    await markDraftDiscarded(tx, versionId);
    await recordAudit(tx, actor, {
      action: 'data.version.discard',
      entityType: 'data_version',
      entityId: versionId,
      before: { status: 'draft' },
      after: { status: 'discarded' },
    });
  });
  if (version.parquet_path) await removeParquet(services, version.parquet_path);
  const draft = parseJson<VersionOptions | null>(version.options, null)?.draft;
  if (draft) await dropDraftDir(services, draftDir(services, draft.dir));
  return { versionId, version: version.version, status: 'discarded' };
}
