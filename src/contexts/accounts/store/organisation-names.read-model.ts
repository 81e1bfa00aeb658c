import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/**
 * Organisations as other contexts name and link them (publishers of datasets, owners of projects): id, slug and
 * names, by id, ordered by slug. Read-only; exported from accounts/index.ts.
 */
export const organisationNames = async (db: DbOrTx, ids: string[]) =>
  ids.length ? db.selectFrom('accounts_organisation').select(['id', 'slug', 'name_ko', 'name_en']).where('id', 'in', ids).orderBy('slug').execute() : [];

/** Every organisation's id, slug and names, ordered by slug (the publish form's choice of publisher). */
export const allOrganisationNames = (db: DbOrTx) =>
  db.selectFrom('accounts_organisation').select(['id', 'slug', 'name_ko', 'name_en']).orderBy('slug').execute();
