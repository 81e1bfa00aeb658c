import type { DbOrTx } from '../../../core/db/database.js';
import { organisationMemberIds, userIdsWithRole } from '../../accounts/index.js';
import type { ItemRow } from '../store/tables.js';

/**
 * Who answers an input at its current stage (the same people `itemPolicy.canAnswer` lets answer, platform
 * admins aside): level 0 the department's officials (every member, for inputs answered by `members`) (the one who took it on, if any), level 1 the heads of
 * department (officials who are admins of it), level 2 the committee's reviewers. People and memberships are the
 * accounts context's: read through its read models.
 */
export async function respondersOf(
  db: DbOrTx,
  item: Pick<ItemRow, 'organisation_id' | 'escalation_level' | 'assignee_id'> & Partial<Pick<ItemRow, 'answered_by'>>,
): Promise<string[]> {
  if (item.escalation_level >= 2) return userIdsWithRole(db, 'reviewer');
  const officials = await organisationMemberIds(db, item.organisation_id, {
    ...(item.answered_by !== 'members' ? { platformRole: 'official' as const } : {}),
    ...(item.escalation_level === 1 ? { membershipRole: 'admin' as const } : {}),
  });
  if (item.escalation_level === 0 && item.assignee_id && officials.includes(item.assignee_id)) return [item.assignee_id];
  return officials;
}

export const platformAdmins = (db: DbOrTx) => userIdsWithRole(db, 'admin');
