import type { DbOrTx } from '../../../core/db/database.js';
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

export const listAnalysts = (db: DbOrTx, datasetId: string) =>
  db
    .selectFrom('data_analyst as a')
    .innerJoin('accounts_user as u', 'u.id', 'a.user_id')
    .leftJoin('accounts_user as b', 'b.id', 'a.approved_by')
    .select(['a.dataset_id', 'a.user_id', 'u.email', 'u.display_name', 'a.project_note', 'a.project_id', 'a.approved_at', 'b.email as approved_by_email'])
    .where('a.dataset_id', '=', datasetId)
    .orderBy('a.approved_at')
    .execute();
