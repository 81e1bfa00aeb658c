import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';
import { userDisplayNames } from './user.repository.js';

/**
 * Who people are, as other contexts show and find them: display names by id (authors, reviewers, team members)
 * and a user found by e-mail (an admin naming an analyst). Read-only; exported from accounts/index.ts.
 */
/** One user's display name; '' when there is no such user. */
export const userDisplayName = async (db: DbOrTx, id: string): Promise<string> => (await userDisplayNames(db, [id])).get(id) ?? '';

/** E-mail and display name of users by id (an analyst's page lists whom a publisher approved, and by whom). */
export async function userContacts(db: DbOrTx, ids: Array<string | null | undefined>): Promise<Map<string, { email: string; displayName: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('accounts_user').select(['id', 'email', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { email: r.email, displayName: r.display_name }]));
}
