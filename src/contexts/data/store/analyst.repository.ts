import type { DbOrTx } from '../../../core/db/database.js';
import type { AnalystRow } from './tables.js';
import './tables.js';

/**
 * The restricted datasets this user is an approved analyst of (still restricted). An approval given for a civic
 * project holds while the project is active and the user is an active member of its team.
 */
export async function approvedRestrictedDatasets(db: DbOrTx, userId: string | undefined): Promise<string[]> {
  if (!userId) return [];
  const rows = await db
    .selectFrom('data_analyst as a')
    .innerJoin('data_dataset as d', 'd.id', 'a.dataset_id')
    .leftJoin('civic_project as p', 'p.id', 'a.project_id')
    .leftJoin('civic_member as m', (j) => j.onRef('m.project_id', '=', 'a.project_id').onRef('m.user_id', '=', 'a.user_id'))
    .select('a.dataset_id')
    .where('a.user_id', '=', userId)
    .where('d.restricted', '=', 1)
    .where((eb) => eb.or([eb('a.project_id', 'is', null), eb.and([eb('p.status', '=', 'active'), eb('m.state', '=', 'active')])]))
    .orderBy('a.dataset_id')
    .execute();
  return rows.map((r) => r.dataset_id);
}

/** The analysts of a dataset, earliest approval first (who they are is the accounts context's: userContacts). */
export const listAnalystRows = (db: DbOrTx, datasetId: string) =>
  db
    .selectFrom('data_analyst')
    .select(['dataset_id', 'user_id', 'approved_by', 'project_note', 'project_id', 'approved_at'])
    .where('dataset_id', '=', datasetId)
    .orderBy('approved_at')
    .execute();

/** Approves (or approves again, with a new note) a user as an analyst of a dataset. */
export async function replaceAnalyst(db: DbOrTx, row: AnalystRow) {
  await db.deleteFrom('data_analyst').where('dataset_id', '=', row.dataset_id).where('user_id', '=', row.user_id).execute();
  await db.insertInto('data_analyst').values(row).execute();
}

/** Removes an analyst's approval; false when there was none. */
export const deleteAnalyst = async (db: DbOrTx, datasetId: string, userId: string) =>
  Number((await db.deleteFrom('data_analyst').where('dataset_id', '=', datasetId).where('user_id', '=', userId).executeTakeFirst()).numDeletedRows) > 0;
