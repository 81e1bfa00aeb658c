import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/**
 * Read models other contexts use to name organisations and users, and to reach an organisation's members,
 * without reading accounts' tables themselves (upkeep: operators, stewards, reviewers).
 */

/** Whether an organisation of that id exists. */
export const organisationExists = async (db: DbOrTx, id: string) =>
  !!(await db.selectFrom('accounts_organisation').select('id').where('id', '=', id).executeTakeFirst());

/** The slug and names of the given organisations, as a map by id (one query). */
export async function organisationNamesById(db: DbOrTx, ids: Iterable<string>) {
  const wanted = [...new Set(ids)];
  const rows = wanted.length
    ? await db.selectFrom('accounts_organisation').select(['id', 'slug', 'name_ko', 'name_en']).where('id', 'in', wanted).execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Organisations to choose from (by Korean name, at most `limit`). */
export const listOrganisationChoices = (db: DbOrTx, limit: number) =>
  db.selectFrom('accounts_organisation').select(['id', 'slug', 'name_ko', 'name_en']).orderBy('name_ko').limit(limit).execute();

/** The user ids of the members of the given organisations (a user in two of them comes twice). */
export const listMemberIds = async (db: DbOrTx, organisationIds: string[]) =>
  (await db.selectFrom('accounts_membership').select('user_id').where('organisation_id', 'in', organisationIds).execute()).map((m) => m.user_id);
