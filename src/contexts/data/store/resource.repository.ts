import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/** The latest published version of each dataset's first table resource (by position), for "behind" notices. */
export async function latestTableVersions(db: DbOrTx, datasetIds: string[]): Promise<Record<string, number>> {
  if (!datasetIds.length) return {};
  const rows = await db
    .selectFrom('data_resource')
    .select(['dataset_id', 'latest_version', 'position'])
    .where('dataset_id', 'in', datasetIds)
    .where('kind', '=', 'table')
    .where('latest_version', 'is not', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const out: Record<string, number> = {};
  for (const r of rows) if (!(r.dataset_id in out)) out[r.dataset_id] = r.latest_version!;
  return out;
}
