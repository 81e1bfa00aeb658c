import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { OutputCheckRow } from './output-tables.js';
import './output-tables.js';

export interface OutputDataset {
  datasetId: string;
  version: number;
}

export async function getOutputCheck(db: DbOrTx, id: string): Promise<OutputCheckRow> {
  const row = await db.selectFrom('data_output_check').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('output');
  return row;
}

export const datasetsOf = (o: OutputCheckRow) => JSON.parse(o.datasets) as OutputDataset[];

/** The publishers of an output's datasets (null: a dataset without one, which only admins review). */
export async function publishersOf(db: DbOrTx, o: OutputCheckRow): Promise<Array<string | null>> {
  const ids = datasetsOf(o).map((d) => d.datasetId);
  if (!ids.length) return [];
  const rows = await db.selectFrom('data_dataset').select(['id', 'publisher_id']).where('id', 'in', ids).execute();
  return ids.map((id) => rows.find((r) => r.id === id)?.publisher_id ?? null);
}

export const listOutputsOf = (db: DbOrTx, userId: string) =>
  db.selectFrom('data_output_check').selectAll().where('user_id', '=', userId).orderBy('requested_at', 'desc').orderBy('id').limit(200).execute();

export const listOutputsIn = (db: DbOrTx, state: OutputCheckRow['state']) =>
  db.selectFrom('data_output_check').selectAll().where('state', '=', state).orderBy('requested_at').orderBy('id').limit(500).execute();

/** What the ledger knows about an output's query: how many cells it released and the smallest one's size. */
export async function ledgerFacts(db: DbOrTx, o: OutputCheckRow) {
  if (!o.disclosure_query_id) return { cells: 0, smallest: null as number | null, earlierQueries: 0 };
  const cells = await db
    .selectFrom('data_disclosure_cell')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('records').as('smallest')])
    .where('query_id', '=', o.disclosure_query_id)
    .executeTakeFirstOrThrow();
  const earlier = await db
    .selectFrom('data_disclosure_query')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', o.user_id)
    .where('created_at', '<', o.requested_at)
    .executeTakeFirstOrThrow();
  return { cells: Number(cells.n), smallest: cells.smallest === null ? null : Number(cells.smallest), earlierQueries: Number(earlier.n) };
}

export const insertOutputCheck = (db: DbOrTx, row: OutputCheckRow) => db.insertInto('data_output_check').values(row).execute();

/** Changes an output check that is still pending; false when it was decided (or withdrawn) meanwhile. */
export async function updatePendingOutputCheck(
  db: DbOrTx,
  id: string,
  changes: Partial<Pick<OutputCheckRow, 'state' | 'decided_by' | 'decided_at' | 'reason'>>,
): Promise<boolean> {
  const done = await db.updateTable('data_output_check').set(changes).where('id', '=', id).where('state', '=', 'pending').executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}
