import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Services } from '../../../core/context.js';
import { buildManifest, writeManifest, type LakeManifest, type ManifestInput } from './lake-manifest.js';
import { dataKey, fileDigest, manifestKey } from './lake-store.js';

/**
 * Hands a version's finished Parquet to the file store under the lake layout, with its manifest. The file on
 * this machine is left where it is (the store gets a hard link, or a copy across devices), so that a publish
 * that fails afterwards leaves the draft whole; `unstoreVersion` takes both objects back.
 */
export async function storeVersion(services: Services, input: Omit<ManifestInput, 'digest'>): Promise<{ key: string; manifest: LakeManifest }> {
  const key = dataKey(input.dataset.id, input.resourceId, input.version);
  const digest = await fileDigest(input.file);
  const manifest = await buildManifest(services, { ...input, digest });
  const handed = `${input.file}.${randomUUID()}.lake`;
  await fs.link(input.file, handed).catch(() => fs.copyFile(input.file, handed));
  try {
    await services.files.putFile(key, handed, { contentType: 'application/vnd.apache.parquet' });
  } finally {
    await fs.rm(handed, { force: true });
  }
  await writeManifest(services, manifest);
  return { key, manifest };
}

/** Removes what `storeVersion` stored (a publish that did not commit). */
export async function unstoreVersion(services: Services, where: { datasetId: string; resourceId: string; version: number }): Promise<void> {
  await services.files.delete(dataKey(where.datasetId, where.resourceId, where.version));
  await services.files.delete(manifestKey(where.datasetId, where.resourceId, where.version));
}
