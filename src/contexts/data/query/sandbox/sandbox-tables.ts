import { sandboxVersionRows } from '../../store/version.repository.js';
import type { Services } from '../../../../core/context.js';

/**
 * The tables the SQL sandbox shows: for each dataset that is not restricted, its first table resource's
 * published versions: the latest as a view named by the dataset id with dashes as underscores
 * (`seoul-subway-riders` → seoul_subway_riders), and every version as "<dataset-id>@v<N>" (quoted in SQL).
 * Restricted datasets are listed only when asked for by id (`restricted`: the datasets an approved analyst may
 * query); the shared sandbox processes never ask, so their DuckDB cannot read a restricted Parquet file.
 * Listing reads the database only: a table's file is made local (sandbox-files.ts) when a query names it.
 */
export interface SandboxTable {
  name: string;
  datasetId: string;
  resourceId: string;
  version: number;
  latest: boolean;
  /** The version's stored `parquet_path` (a lake key of the file store, or a path in the data dir for older versions). */
  key: string;
  restricted: boolean;
}

export const latestViewName = (datasetId: string) => datasetId.replace(/-/g, '_');
export const versionViewName = (datasetId: string, version: number) => `${datasetId}@v${version}`;

export async function listSandboxTables(services: Services, opts: { restricted?: readonly string[] } = {}): Promise<SandboxTable[]> {
  const restricted = [...(opts.restricted ?? [])];
  const rows = await sandboxVersionRows(services.db, restricted);
  // The dataset's first table resource (as the rows API reads by default), newest version first.
  const firstResource = new Map<string, string>();
  for (const r of rows) if (!firstResource.has(r.dataset_id)) firstResource.set(r.dataset_id, r.resource_id);
  const tables: SandboxTable[] = [];
  for (const r of rows) {
    if (firstResource.get(r.dataset_id) !== r.resource_id) continue;
    const latest = !tables.some((t) => t.datasetId === r.dataset_id);
    const base = { datasetId: r.dataset_id, resourceId: r.resource_id, version: r.version, key: r.parquet_path!, restricted: r.restricted === 1 };
    if (latest) tables.push({ ...base, name: latestViewName(r.dataset_id), latest });
    tables.push({ ...base, name: versionViewName(r.dataset_id, r.version), latest: false });
  }
  return tables;
}
