import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Services } from '../../../core/context.js';

/**
 * A draft is staged on one replica and may be previewed, published or discarded on another. On the local store
 * the data dir is the store and nothing here does anything. On object storage the draft's Parquet and kept
 * sources are put under the same relative paths as keys (`lake/<dataset>/<resource>/v<N>.parquet`,
 * `lake/.tmp/drafts/<version-id>/…`: never matched by the published layout's `v<N>/data.parquet`), fetched by a
 * replica that lacks them, and deleted with the draft.
 */
const keyOf = (services: Services, file: string): string | null => {
  const rel = path.relative(services.config.dataDir, path.resolve(services.config.dataDir, file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep).join('/');
};
const shared = (services: Services) => services.files.kind !== 'local';

export async function shareDraftFiles(services: Services, files: string[]): Promise<void> {
  if (!shared(services)) return;
  for (const file of files) {
    const key = keyOf(services, file);
    if (key) await services.files.put(key, createReadStream(file));
  }
}

/** Makes sure the draft file is on this machine (fetched from the store if another replica staged it); false when it is nowhere. */
export async function fetchDraftFile(services: Services, file: string): Promise<boolean> {
  if (
    await fs.stat(file).then(
      () => true,
      () => false,
    )
  )
    return true;
  const key = shared(services) ? keyOf(services, file) : null;
  const got = key ? await services.files.get(key) : null;
  if (!got) return false;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}.part`;
  try {
    await pipeline(got.body, createWriteStream(temp));
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return true;
}

/** Removes a draft file here and from the store. */
export async function dropDraftFile(services: Services, file: string): Promise<void> {
  await fs.rm(file, { force: true });
  const key = shared(services) ? keyOf(services, file) : null;
  if (key) await services.files.delete(key);
}

/** Removes a draft's folder of kept sources here and from the store. */
export async function dropDraftDir(services: Services, dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  const key = shared(services) ? keyOf(services, dir) : null;
  if (!key) return;
  const keys: string[] = [];
  for await (const o of services.files.list(`${key}/`)) keys.push(o.key);
  for (const k of keys) await services.files.delete(k);
}
