import type { MembershipRole, OrganisationType, PlatformRole } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import type { OrganisationRow } from './tables.js';
import './tables.js';

/**
 * Read models for the other contexts: who people and organisations are (names, roles, members), so that no
 * other context reads the accounts tables itself. Never a password hash, a session or an email.
 */

/** The organisations of the given types by English name, then slug (lists people pick from). */
export const listOrganisationsByName = (db: DbOrTx, types: readonly OrganisationType[]): Promise<OrganisationRow[]> =>
  db
    .selectFrom('accounts_organisation')
    .selectAll()
    .where('type', 'in', [...types, '' as OrganisationType])
    .orderBy('name_en')
    .orderBy('slug')
    .execute();

/** An organisation by its slug only (an id is not a slug). */
export const findOrganisationBySlug = (db: DbOrTx, slug: string): Promise<OrganisationRow | undefined> =>
  db.selectFrom('accounts_organisation').selectAll().where('slug', '=', slug).executeTakeFirst();

/** The ids of an organisation's members, narrowed to a platform role (officials) and a membership role (its admins) when given. */
export async function organisationMemberIds(
  db: DbOrTx,
  organisationId: string,
  only: { platformRole?: PlatformRole; membershipRole?: MembershipRole } = {},
): Promise<string[]> {
  let q = db
    .selectFrom('accounts_membership as m')
    .innerJoin('accounts_user as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.organisation_id', '=', organisationId);
  if (only.platformRole) q = q.where('u.role', '=', only.platformRole);
  if (only.membershipRole) q = q.where('m.role', '=', only.membershipRole);
  return (await q.execute()).map((r) => r.id);
}
