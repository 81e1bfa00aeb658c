import type { DbOrTx } from '../../../core/db/database.js';
import type { OrganisationRow } from './tables.js';
import './tables.js';

export const findOrganisation = (db: DbOrTx, idOrSlug: string) =>
  db
    .selectFrom('accounts_organisation')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();

export const insertOrganisation = (db: DbOrTx, row: OrganisationRow) => db.insertInto('accounts_organisation').values(row).execute();

export const listOrganisations = (db: DbOrTx, opts: { type?: string; limit: number; offset: number }) => {
  let q = db.selectFrom('accounts_organisation').selectAll();
  if (opts.type) q = q.where('type', '=', opts.type as OrganisationRow['type']);
  return q.orderBy('type').orderBy('slug').limit(opts.limit).offset(opts.offset).execute();
};

export const countOrganisations = async (db: DbOrTx, type?: string) => {
  let q = db.selectFrom('accounts_organisation').select((eb) => eb.fn.countAll<number>().as('n'));
  if (type) q = q.where('type', '=', type as OrganisationRow['type']);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

export const listMembers = (db: DbOrTx, organisationId: string) =>
  db
    .selectFrom('accounts_membership as m')
    .innerJoin('accounts_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'u.email', 'm.role', 'm.created_at'])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('m.created_at')
    .execute();

export const findMembership = (db: DbOrTx, organisationId: string, userId: string) =>
  db.selectFrom('accounts_membership').selectAll().where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst();

export const publicOrganisation = (o: OrganisationRow) => ({
  id: o.id,
  slug: o.slug,
  type: o.type,
  name: { ko: o.name_ko, en: o.name_en },
  description: { ko: o.description_ko, en: o.description_en },
  website: o.website,
  createdAt: o.created_at,
});
