import type { DbOrTx } from '../../../core/db/database.js';
import type { ItemRow } from './tables.js';

/**
 * Who answers an input at its current stage (the same people `itemPolicy.canAnswer` lets answer, platform
 * admins aside): level 0 the department's officials (every member, for inputs answered by `members`) (the one who took it on, if any), level 1 the heads of
 * department (officials who are admins of it), level 2 the committee's reviewers.
 */
export async function respondersOf(
  db: DbOrTx,
  item: Pick<ItemRow, 'organisation_id' | 'escalation_level' | 'assignee_id'> & Partial<Pick<ItemRow, 'answered_by'>>,
): Promise<string[]> {
  if (item.escalation_level >= 2) {
    return (await db.selectFrom('accounts_user').select('id').where('role', '=', 'reviewer').execute()).map((r) => r.id);
  }
  let q = db
    .selectFrom('accounts_membership as m')
    .innerJoin('accounts_user as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.organisation_id', '=', item.organisation_id);
  if (item.answered_by !== 'members') q = q.where('u.role', '=', 'official');
  if (item.escalation_level === 1) q = q.where('m.role', '=', 'admin');
  const officials = (await q.execute()).map((r) => r.id);
  if (item.escalation_level === 0 && item.assignee_id && officials.includes(item.assignee_id)) return [item.assignee_id];
  return officials;
}

export const platformAdmins = async (db: DbOrTx) => (await db.selectFrom('accounts_user').select('id').where('role', '=', 'admin').execute()).map((r) => r.id);
