import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { ChartSpec, ResultSnapshot } from '../domain/snapshot.js';
import type { AnalysisRow } from './tables.js';
import './tables.js';

export async function getAnalysis(db: DbOrTx, id: string): Promise<AnalysisRow> {
  const row = await db.selectFrom('analyses_analysis').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('analysis');
  return row;
}

export const pinsOf = (a: AnalysisRow): Record<string, number> => JSON.parse(a.pins) as Record<string, number>;
export const chartOf = (a: AnalysisRow): ChartSpec | null => (a.chart ? (JSON.parse(a.chart) as ChartSpec) : null);
export const resultOf = (a: AnalysisRow): ResultSnapshot | null => (a.result ? (JSON.parse(a.result) as ResultSnapshot) : null);

/** The latest published version of each dataset (first table resource), for the "behind" notice. */
export async function latestVersions(db: DbOrTx, datasetIds: string[]): Promise<Record<string, number>> {
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
