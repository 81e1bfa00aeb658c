import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { ChartSpec, ResultSnapshot } from '../domain/snapshot.js';
import type { AnalysisCommentRow, AnalysisRow } from './tables.js';
import './tables.js';

export async function getAnalysis(db: DbOrTx, id: string): Promise<AnalysisRow> {
  const row = await db.selectFrom('analyses_analysis').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('analysis');
  return row;
}

export const pinsOf = (a: AnalysisRow): Record<string, number> => JSON.parse(a.pins) as Record<string, number>;
export const chartOf = (a: AnalysisRow): ChartSpec | null => (a.chart ? (JSON.parse(a.chart) as ChartSpec) : null);
export const resultOf = (a: AnalysisRow): ResultSnapshot | null => (a.result ? (JSON.parse(a.result) as ResultSnapshot) : null);

export const insertAnalysis = (db: DbOrTx, row: AnalysisRow) => db.insertInto('analyses_analysis').values(row).execute();

export const updateAnalysis = (db: DbOrTx, id: string, changes: Partial<Omit<AnalysisRow, 'id'>>) =>
  db.updateTable('analyses_analysis').set(changes).where('id', '=', id).execute();

/** Published analyses and, for a signed-in reader, their own drafts; most recently updated first. */
export function listVisibleAnalyses(db: DbOrTx, readerId: string | null, page: { limit: number; offset: number }) {
  let query = db.selectFrom('analyses_analysis').selectAll();
  query = readerId ? query.where((eb) => eb.or([eb('status', '=', 'published'), eb('author_id', '=', readerId)])) : query.where('status', '=', 'published');
  return query.orderBy('updated_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
}

export const insertComment = (db: DbOrTx, row: AnalysisCommentRow) => db.insertInto('analyses_comment').values(row).execute();

/** The comments on an analysis, oldest first. */
export const listComments = (db: DbOrTx, analysisId: string) =>
  db.selectFrom('analyses_comment').selectAll().where('analysis_id', '=', analysisId).orderBy('created_at').orderBy('id').execute();
