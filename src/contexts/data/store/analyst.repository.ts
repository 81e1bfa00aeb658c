import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/** The restricted datasets this user is an approved analyst of (still restricted). */
export async function approvedRestrictedDatasets(db: DbOrTx, userId: string | undefined): Promise<string[]> {
  if (!userId) return [];
  const rows = await db.selectFrom('data_analyst as a').innerJoin('data_dataset as d', 'd.id', 'a.dataset_id')
    .select('a.dataset_id').where('a.user_id', '=', userId).where('d.restricted', '=', 1).orderBy('a.dataset_id').execute();
  return rows.map((r) => r.dataset_id);
}

export const listAnalysts = (db: DbOrTx, datasetId: string) =>
  db.selectFrom('data_analyst as a').innerJoin('accounts_user as u', 'u.id', 'a.user_id')
    .leftJoin('accounts_user as b', 'b.id', 'a.approved_by')
    .select(['a.dataset_id', 'a.user_id', 'u.email', 'u.display_name', 'a.project_note', 'a.approved_at', 'b.email as approved_by_email'])
    .where('a.dataset_id', '=', datasetId).orderBy('a.approved_at').execute();
