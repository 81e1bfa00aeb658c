import type { DbOrTx } from '../../../core/db/database.js';
import type { ReuseState } from '../domain/vocabularies.js';
import type { ReuseRow } from './tables.js';
import './tables.js';

export const findReuse = (db: DbOrTx, id: string) => db.selectFrom('civic_reuse').selectAll().where('id', '=', id).executeTakeFirst();

export const insertReuse = (db: DbOrTx, row: ReuseRow) => db.insertInto('civic_reuse').values(row).execute();

export const updateReuse = (db: DbOrTx, id: string, changes: Partial<Omit<ReuseRow, 'id'>>) =>
  db.updateTable('civic_reuse').set(changes).where('id', '=', id).execute();

export const insertReuseDatasets = (db: DbOrTx, reuseId: string, datasetIds: string[]) =>
  db
    .insertInto('civic_reuse_dataset')
    .values(datasetIds.map((dataset_id) => ({ reuse_id: reuseId, dataset_id })))
    .execute();

/** Reuses in a state (of one dataset, when given), newest first; at most 5,000 (the list pages them in memory). */
export function listReuseRows(db: DbOrTx, f: { state: ReuseState; dataset?: string }) {
  let q = db.selectFrom('civic_reuse').selectAll().where('state', '=', f.state);
  if (f.dataset) q = q.where('id', 'in', db.selectFrom('civic_reuse_dataset').select('reuse_id').where('dataset_id', '=', f.dataset));
  return q.orderBy('created_at', 'desc').orderBy('id').limit(5000).execute();
}

/** Which datasets each of these reuses names. */
export const datasetLinksOfReuses = (db: DbOrTx, reuseIds: string[]) =>
  reuseIds.length ? db.selectFrom('civic_reuse_dataset').select(['reuse_id', 'dataset_id']).where('reuse_id', 'in', reuseIds).execute() : Promise.resolve([]);
