import { findVersionByNumber, tableResourceIds } from '../store/version.repository.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { readManifest, type LakeManifest } from '../lake/lake-manifest.js';
import { readableDataset } from '../store/visibility.js';

/**
 * A published (or since withdrawn) version's lake manifest, to whoever may read the dataset: what file the
 * version is in the lake, with its size, SHA-256, columns and state. A version published before the lake layout
 * existed has none, and says so (404 data.manifest_none).
 */
export async function readLakeManifest(
  services: Services,
  actor: Actor | undefined,
  input: { datasetId: string; version: number; resourceId?: string },
): Promise<LakeManifest> {
  const { dataset } = await readableDataset(services.db, input.datasetId, actor);
  const resources = await tableResourceIds(services.db, dataset.id);
  const resourceId = input.resourceId ?? resources[0];
  if (!resourceId || !resources.includes(resourceId)) throw notFound('resource');
  const version = await findVersionByNumber(services.db, resourceId, input.version);
  if (!version || (version.status !== 'published' && version.status !== 'withdrawn'))
    throw new AppError('data.version_not_found', `No published version ${input.version}`, 404);
  const manifest = await readManifest(services, dataset.id, resourceId, version.version);
  if (!manifest) throw new AppError('data.manifest_none', `Version ${input.version} was published before the lake kept manifests: it has none`, 404);
  return manifest;
}
