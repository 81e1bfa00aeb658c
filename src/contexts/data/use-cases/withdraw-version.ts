import { findVersionByNumber, markWithdrawn, newestPublishedNumber, tableResourceIds, touchResourceAndDataset } from '../store/version.repository.js';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { datasetPolicy } from '../domain/policy.js';
import { appendManifestEvent } from '../lake/lake-manifest.js';
import { removeParquet } from '../lake/lake-store.js';
import { invalidateSandbox } from '../query/sandbox/sandbox-pool.js';
import { getDataset } from '../store/dataset.repository.js';
import { goneError } from '../store/visibility.js';
import { reindexDataset } from './reindex-dataset.js';

export interface WithdrawnVersion {
  datasetId: string;
  version: number;
  withdrawnAt: string;
  reason: string;
  latestVersion: number | null;
}

/** A public reason, required: people who used the rows are told why they are gone. */
export function checkReason(value: unknown): string {
  const c = new Checker();
  const reason = c.text('reason', value, { min: 5, max: 1000 });
  c.done();
  return reason!;
}

/**
 * Withdraws a published version (one that turned out to hold personal data, say): its status becomes
 * 'withdrawn' with the public reason, its Parquet file is deleted from the lake (its manifest says why), so no API serves its rows
 * again (rows, query, download, CKAN datastore, the Seoul shim and the SQL sandbox all read published
 * versions only); the fact, the date and the reason stay in the version list and in the audit log. The
 * resource's latest version becomes the newest still published (or none).
 */
export async function withdrawVersion(
  services: Services,
  actor: Actor,
  input: { datasetId: string; version: number; reason: unknown; resourceId?: string },
): Promise<WithdrawnVersion> {
  const dataset = await getDataset(services.db, input.datasetId);
  assertAllowed(actor, datasetPolicy.canPublish(actor, dataset), 'data.version.withdraw');
  if (dataset.deleted_at) throw goneError(dataset);
  const reason = checkReason(input.reason);
  const resources = await tableResourceIds(services.db, dataset.id);
  const resourceId = input.resourceId ?? resources[0];
  if (!resourceId || !resources.includes(resourceId)) throw notFound('resource');
  const version = await findVersionByNumber(services.db, resourceId, input.version);
  if (!version) throw new AppError('data.version_not_found', `No version ${input.version}`, 404);
  if (version.status !== 'published')
    throw new AppError('data.version_not_published', `Version ${input.version} is ${version.status}; only a published version can be withdrawn`, 409);
  const at = services.now().toISOString();
  let latest: number | null = null;
  await services.db.transaction().execute(async (tx) => {
    const moved = await markWithdrawn(tx, version.id, { at, reason, by: actor.user?.id ?? null });
    if (!moved) throw new AppError('data.version_not_published', `Version ${input.version} is no longer published`, 409);
    latest = await newestPublishedNumber(tx, resourceId);
    await touchResourceAndDataset(tx, { resourceId, datasetId: dataset.id }, { latest_version: latest, updated_at: at });
    await reindexDataset(tx, { ...dataset, updated_at: at });
    await recordAudit(tx, actor, {
      action: 'data.version.withdraw',
      entityType: 'data_version',
      entityId: version.id,
      before: { status: 'published', version: version.version },
      after: { status: 'withdrawn', version: version.version, reason },
    });
  });
  invalidateSandbox(services);
  if (version.parquet_path) await removeParquet(services, version.parquet_path);
  // The lake's manifest keeps the facts and says why the file is gone (a new revision; earlier ones unchanged).
  await appendManifestEvent(services, { datasetId: dataset.id, resourceId, version: version.version }, { state: 'withdrawn', at, reason });
  return { datasetId: dataset.id, version: version.version, withdrawnAt: at, reason, latestVersion: latest };
}
