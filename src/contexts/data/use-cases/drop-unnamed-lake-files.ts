import type { Services } from '../../../core/context.js';
import { isLakeKey, LAKE_ROOT } from '../lake/lake-store.js';
import { namedParquetPaths } from '../store/version.repository.js';

/**
 * After a restore (the server stopped): removes from the lake every version's Parquet the restored database does
 * not name (a version withdrawn, or its dataset deleted, in the instant between a backup's last listing and its
 * snapshot, or published in the instant after it: see `backup`), so engines reading the lake in place read no rows
 * the database does not publish. Manifests stay (they keep a version's facts). Returns the keys removed.
 */
export async function dropUnnamedLakeFiles(services: Services): Promise<string[]> {
  const named = await namedParquetPaths(services.db);
  const unnamed: string[] = [];
  for await (const o of services.files.list(`${LAKE_ROOT}/`)) if (isLakeKey(o.key) && !named.has(o.key)) unnamed.push(o.key);
  for (const key of unnamed) await services.files.delete(key);
  return unnamed;
}
