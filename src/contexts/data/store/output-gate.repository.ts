import type { DbOrTx } from '../../../core/db/database.js';
import type { OutputCheckRow } from './output-tables.js';
import './output-tables.js';

/** The restricted datasets among these ids. */
export async function restrictedAmong(db: DbOrTx, datasetIds: string[]): Promise<string[]> {
  if (!datasetIds.length) return [];
  return (await db.selectFrom('data_dataset').select('id').where('id', 'in', datasetIds).where('restricted', '=', 1).execute()).map((r) => r.id);
}

/**
 * The latest output check of an analysis for exactly this SQL and these restricted dataset versions (a pinned
 * version never changes, so the same SQL on the same versions gives the result that was checked), or null.
 */
export async function outputCheckFor(db: DbOrTx, analysisId: string, sql: string, versions: Record<string, number>): Promise<OutputCheckRow | null> {
  const rows = await db
    .selectFrom('data_output_check')
    .selectAll()
    .where('analysis_id', '=', analysisId)
    .where('sql', '=', sql)
    .where('state', 'in', ['pending', 'approved'])
    .orderBy('requested_at', 'desc')
    .execute();
  const same = (o: OutputCheckRow) =>
    (JSON.parse(o.datasets) as Array<{ datasetId: string; version: number }>).every((d) => versions[d.datasetId] === d.version);
  return rows.find(same) ?? null;
}
