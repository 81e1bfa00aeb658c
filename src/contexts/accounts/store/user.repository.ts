import type { DbOrTx } from '../../../core/db/database.js';
import type { ActingUser } from '../../../core/auth/actor.js';
import type { UserRow } from './tables.js';
import './tables.js';

export const findUserByEmail = (db: DbOrTx, email: string) =>
  db.selectFrom('accounts_user').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: DbOrTx, id: string) => db.selectFrom('accounts_user').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = (db: DbOrTx, row: UserRow) => db.insertInto('accounts_user').values(row).execute();

export const setUserRole = (db: DbOrTx, id: string, role: UserRow['role'], at: string) =>
  db.updateTable('accounts_user').set({ role, updated_at: at }).where('id', '=', id).execute();

export const setUserPasswordHash = (db: DbOrTx, id: string, passwordHash: string, at: string) =>
  db.updateTable('accounts_user').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', id).execute();

/** Where to reach users (for notices): address and language, never the password hash. */
export const listUserContacts = (db: DbOrTx, ids: string[]) =>
  ids.length ? db.selectFrom('accounts_user').select(['id', 'email', 'display_name', 'locale']).where('id', 'in', ids).execute() : Promise.resolve([]);

/** Read model for other contexts: a user found by email, as {id, email, display_name, locale} (never the password hash). */
export const findUserContactByEmail = (db: DbOrTx, email: string) =>
  db.selectFrom('accounts_user').select(['id', 'email', 'display_name', 'locale']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();

/** Read model for other contexts: display names by user id (ids with no user are absent from the map). */
export async function userDisplayNames(db: DbOrTx, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => !!id))];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('accounts_user').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Read model for other contexts: the ids of the users holding a platform role (reviewers, admins). */
export const userIdsWithRole = async (db: DbOrTx, role: UserRow['role']) =>
  (await db.selectFrom('accounts_user').select('id').where('role', '=', role).orderBy('id').execute()).map((r) => r.id);

export const listUsers = (db: DbOrTx, limit: number, offset: number) =>
  db
    .selectFrom('accounts_user')
    .select(['id', 'email', 'display_name', 'role', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();

/** The user with their memberships, as use cases and policies see them. */
export async function loadActingUser(db: DbOrTx, user: UserRow): Promise<ActingUser> {
  const memberships = await db
    .selectFrom('accounts_membership as m')
    .innerJoin('accounts_organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.organisation_id', 'o.type', 'm.role'])
    .where('m.user_id', '=', user.id)
    .execute();
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    memberships: memberships.map((m) => ({ organisationId: m.organisation_id, organisationType: m.type, role: m.role })),
  };
}

export const publicUser = (u: Pick<UserRow, 'id' | 'email' | 'display_name' | 'role' | 'created_at'>) => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  role: u.role,
  createdAt: u.created_at,
});
