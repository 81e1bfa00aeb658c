import type { DbOrTx } from '../../../core/db/database.js';
import type { ActingUser } from '../../../core/auth/actor.js';
import type { UserRow } from './tables.js';
import './tables.js';

export const findUserByEmail = (db: DbOrTx, email: string) =>
  db.selectFrom('accounts_user').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: DbOrTx, id: string) => db.selectFrom('accounts_user').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = (db: DbOrTx, row: UserRow) => db.insertInto('accounts_user').values(row).execute();

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
