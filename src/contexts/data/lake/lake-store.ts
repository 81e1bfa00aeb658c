import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { dropDraftFile, fetchDraftFile } from './draft-files.js';

/**
 * Where published versions live in the file store (local data directory or object storage), a layout other
 * engines read in place (docs/lake.md):
 *
 *   lake/<dataset-id>/<resource-id>/v<version>/data.parquet        the rows, immutable
 *   lake/<dataset-id>/<resource-id>/_manifests/v<version>.json     what the file is (LakeManifest)
 *
 * Versions are numbered per table resource, hence the resource segment. A version's directory holds Parquet
 * only, so Trino and Spark can take the directory as a table; the manifests sit in a folder whose name starts
 * with `_`, which Hive, Trino and Spark skip when they list a table's files recursively, while a path naming
 * them (`…/_manifests/*.json`) still reads. Drafts are not in this layout.
 */
export const LAKE_ROOT = 'lake';
export const DATA_FILE = 'data.parquet';
export const MANIFESTS_DIR = '_manifests';

/** One safe path segment (ids are validated already; this keeps them so regardless). */
const segment = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_');

export const versionPrefix = (datasetId: string, resourceId: string, version: number) =>
  `${LAKE_ROOT}/${segment(datasetId)}/${segment(resourceId)}/v${version}`;
export const dataKey = (datasetId: string, resourceId: string, version: number) => `${versionPrefix(datasetId, resourceId, version)}/${DATA_FILE}`;
export const manifestKey = (datasetId: string, resourceId: string, version: number) =>
  `${LAKE_ROOT}/${segment(datasetId)}/${segment(resourceId)}/${MANIFESTS_DIR}/v${version}.json`;

const LAKE_KEY = /^lake\/[A-Za-z0-9_-][A-Za-z0-9_.-]*\/[A-Za-z0-9_-][A-Za-z0-9_.-]*\/v\d+\/data\.parquet$/;

/**
 * A version's `parquet_path` is either a key of the store's lake layout (published since the layout exists) or,
 * for drafts and versions published before it, a path on this machine relative to the data directory.
 */
export const isLakeKey = (parquetPath: string) => LAKE_KEY.test(parquetPath);

/**
 * A path on this machine holding the version's Parquet, for DuckDB. A lake key is read through the store: the
 * file itself on local disk; on object storage this replica's cached copy, fetched on first use (a version never
 * changes, so the copy is good for as long as the version is published).
 */
export async function localParquet(services: Services, parquetPath: string): Promise<string> {
  if (!isLakeKey(parquetPath)) {
    const local = path.resolve(services.config.dataDir, parquetPath);
    await fetchDraftFile(services, local); // a draft staged through another replica
    return local;
  }
  const local = await services.files.localPath(parquetPath);
  if (!local)
    throw new AppError('data.version_file_missing', `The published table file ${parquetPath} is missing from the file store (${services.files.kind})`, 503);
  return local;
}

/** Removes a version's file wherever it is (store key, or a local path and a draft's shared copy); its manifest stays. */
export async function removeParquet(services: Services, parquetPath: string): Promise<void> {
  for (const hook of removalHooks.get(services) ?? []) await hook(parquetPath);
  if (isLakeKey(parquetPath)) {
    await services.files.delete(parquetPath); // and this replica's cached copy
    services.changes.publish(LAKE_REMOVED, parquetPath); // the other replicas drop theirs (a withdrawal may be personal data)
  } else await dropDraftFile(services, path.resolve(services.config.dataDir, parquetPath));
}

export const LAKE_REMOVED = 'data.lake-removed';

/** What else this replica keeps of a version's file (its native copy) and must delete with it. */
const removalHooks = new WeakMap<Services, Set<(parquetPath: string) => Promise<void>>>();
export function onParquetRemoved(services: Services, hook: (parquetPath: string) => Promise<void>): () => void {
  const hooks = removalHooks.get(services) ?? new Set();
  removalHooks.set(services, hooks);
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/**
 * `serve`: drops this replica's cached copy of a version another replica withdrew or deleted. A notice missed while
 * the LISTEN connection was down leaves a copy on disk, never served (every read checks the version is published).
 */
export function startLakeEviction(services: Services): () => void {
  return services.changes.subscribe(LAKE_REMOVED, (key) => {
    if (key === '*' || !isLakeKey(key)) return;
    services.files.evict(key).catch((error: unknown) => services.log.warn({ err: error, key }, 'data: cached lake copy not dropped'));
  });
}

/** Size and SHA-256 (hex) of a file, read once as a stream. */
export async function fileDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
