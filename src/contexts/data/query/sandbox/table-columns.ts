import type { Services } from '../../../../core/context.js';
import { readManifest } from '../../lake/lake-manifest.js';
import { isLakeKey } from '../../lake/lake-store.js';
import { tableInfo } from '../duck.js';
import { fetchParquet, filesAreLocal } from './sandbox-files.js';
import type { SandboxTable } from './sandbox-tables.js';

export interface SqlColumn {
  name: string;
  /** The DuckDB type, as a query's answer states it. */
  type: string;
}

/**
 * A sandbox table's columns, for listing (GET /api/v1/data/sql/tables) without fetching its Parquet: on the local
 * store read from the file, as always; on object storage from the version's lake manifest (memoized by key), which states the same DESCRIBE of the same immutable file (the ingest's `__row` ordinal left out, as
 * the rows API leaves it out). A version with no manifest (published before the lake layout) is read from its file.
 */
const manifests = new WeakMap<Services, Map<string, Promise<SqlColumn[] | null>>>();
const MAX_MANIFESTS = 2000;

export async function tableColumns(services: Services, table: Pick<SandboxTable, 'key' | 'datasetId' | 'resourceId' | 'version'>): Promise<SqlColumn[]> {
  if (!filesAreLocal(services) && isLakeKey(table.key)) {
    const columns = await manifestColumns(services, table);
    if (columns) return columns;
  }
  const file = (await fetchParquet(services, [table.key])).files.get(table.key)!;
  return (await tableInfo(services, file)).columns.map((c) => ({ name: c.name, type: c.duckType }));
}

function manifestColumns(services: Services, t: Pick<SandboxTable, 'key' | 'datasetId' | 'resourceId' | 'version'>): Promise<SqlColumn[] | null> {
  const fromManifest = manifests.get(services) ?? new Map<string, Promise<SqlColumn[] | null>>();
  manifests.set(services, fromManifest);
  let found = fromManifest.get(t.key);
  if (!found) {
    found = readManifest(services, t.datasetId, t.resourceId, t.version).then((m) =>
      m ? m.columns.filter((c) => c.name !== '__row').map((c) => ({ name: c.name, type: c.parquetType })) : null,
    );
    found.catch(() => fromManifest.delete(t.key));
    if (fromManifest.size >= MAX_MANIFESTS) fromManifest.delete(fromManifest.keys().next().value!);
    fromManifest.set(t.key, found);
  }
  return found;
}
