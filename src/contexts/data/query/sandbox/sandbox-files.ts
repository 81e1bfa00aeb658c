import fs from 'node:fs/promises';
import type { Services } from '../../../../core/context.js';
import { localParquet } from '../../lake/lake-store.js';
import type { SandboxTable } from './sandbox-tables.js';

/**
 * The sandbox's Parquet files on this machine. On the local store every published file is on disk already and the
 * shared sandbox's processes get a view of each, as they always did. On object storage a version's file is fetched
 * into this replica's cache (localParquet, keyed by version: versions never change) the first time a query names
 * it, never to list tables; the shared sandbox's processes get views of the files this replica holds, among the
 * tables it may show (so never a restricted one, even when an approved analyst's query fetched it here). The
 * cache's budget (OPEN_SEOUL_CACHE_MAX_BYTES) deletes the least recently used files: each query's files are used
 * through the store, the views are re-read after a deletion (sandbox-pool.ts), and a deleted file is fetched again.
 */
const held = new WeakMap<Services, Map<string, string>>();
const fetching = new WeakMap<Services, Map<string, Promise<string>>>();

const heldOf = (services: Services) => {
  let map = held.get(services);
  if (!map) {
    map = new Map();
    held.set(services, map);
  }
  return map;
};

const present = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

/** Is every file on disk without a fetch (the local store)? */
export const filesAreLocal = (services: Services) => services.files.kind === 'local';

/**
 * The files of these stored keys (a version's `parquet_path`) on this machine, fetched once per key if need be;
 * `fetched`: some key was not held here before (the shared sandbox must then re-read its views).
 */
export async function fetchParquet(services: Services, keys: readonly string[]): Promise<{ files: Map<string, string>; fetched: boolean }> {
  const files = new Map<string, string>();
  if (filesAreLocal(services)) {
    for (const key of new Set(keys)) files.set(key, await localParquet(services, key));
    return { files, fetched: false };
  }
  let fetched = false;
  const map = heldOf(services);
  const inflight = fetching.get(services) ?? new Map<string, Promise<string>>();
  fetching.set(services, inflight);
  const one = async (key: string) => {
    const known = map.get(key);
    const wasHeld = known !== undefined && (await present(known));
    // Through the store even when held: a use is what keeps a file from the cache budget's deletions (least
    // recently used first), and a file deleted since the check above is fetched again.
    let pending = inflight.get(key);
    if (!pending) {
      pending = localParquet(services, key).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    const file = await pending;
    map.set(key, file);
    if (!wasHeld) fetched = true;
    return files.set(key, file);
  };
  await Promise.all([...new Set(keys)].map(one));
  return { files, fetched };
}

/** The shared sandbox's views: every table on the local store; on object storage those whose file this replica holds. */
export async function heldViews(services: Services, tables: readonly SandboxTable[]): Promise<Array<{ name: string; file: string }>> {
  if (filesAreLocal(services)) {
    const { files } = await fetchParquet(
      services,
      tables.map((t) => t.key),
    );
    return tables.map((t) => ({ name: t.name, file: files.get(t.key)! }));
  }
  const map = heldOf(services);
  const views: Array<{ name: string; file: string }> = [];
  const checked = new Map<string, boolean>();
  for (const t of tables) {
    const file = map.get(t.key);
    if (!file) continue;
    if (!checked.has(file)) checked.set(file, await present(file));
    if (checked.get(file)) views.push({ name: t.name, file });
    else map.delete(t.key); // evicted (withdrawn elsewhere, or by the cache budget): fetched again if a query names it
  }
  return views;
}
