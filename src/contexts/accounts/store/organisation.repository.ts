import type { DbOrTx } from '../../../core/db/database.js';
import type { MembershipRow, OrganisationRow } from './tables.js';
import './tables.js';

export const findOrganisation = (db: DbOrTx, idOrSlug: string) =>
  db
    .selectFrom('accounts_organisation')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();

export const findOrganisationById = (db: DbOrTx, id: string) => db.selectFrom('accounts_organisation').selectAll().where('id', '=', id).executeTakeFirst();

/** Read model for other contexts: organisations by id (ids with no organisation are left out), ordered by slug. */
export const organisationsByIds = (db: DbOrTx, ids: readonly string[]): Promise<OrganisationRow[]> =>
  ids.length
    ? db
        .selectFrom('accounts_organisation')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .orderBy('slug')
        .execute()
    : Promise.resolve([]);

/** Read model for other contexts: every organisation, or those of the given types, ordered by slug. */
export const listAllOrganisations = (db: DbOrTx, types?: readonly OrganisationRow['type'][]): Promise<OrganisationRow[]> => {
  let q = db.selectFrom('accounts_organisation').selectAll();
  if (types) q = q.where('type', 'in', [...types, '' as OrganisationRow['type']]); // never an empty IN ()
  return q.orderBy('slug').execute();
};

/** Read model for other contexts: whether a slug is already some organisation's. */
export const organisationSlugTaken = async (db: DbOrTx, slug: string) =>
  Boolean(await db.selectFrom('accounts_organisation').select('id').where('slug', '=', slug).executeTakeFirst());

export const updateOrganisationNames = (
  db: DbOrTx,
  id: string,
  names: Partial<Pick<OrganisationRow, 'name_ko' | 'name_en' | 'website'>> & Pick<OrganisationRow, 'updated_at'>,
) => db.updateTable('accounts_organisation').set(names).where('id', '=', id).execute();

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

export const insertMembership = (db: DbOrTx, row: MembershipRow) => db.insertInto('accounts_membership').values(row).execute();

export const setMembershipRole = (db: DbOrTx, organisationId: string, userId: string, role: MembershipRow['role']) =>
  db.updateTable('accounts_membership').set({ role }).where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();

/** Read model for other contexts: the ids of an organisation's members (any role), or of several organisations' members. */
export const memberUserIds = async (db: DbOrTx, organisationIds: string | readonly string[]) => {
  const ids = typeof organisationIds === 'string' ? [organisationIds] : [...organisationIds];
  if (!ids.length) return [];
  return (await db.selectFrom('accounts_membership').select('user_id').where('organisation_id', 'in', ids).execute()).map((r) => r.user_id);
};

export const publicOrganisation = (o: OrganisationRow) => ({
  id: o.id,
  slug: o.slug,
  type: o.type,
  name: { ko: o.name_ko, en: o.name_en },
  description: { ko: o.description_ko, en: o.description_en },
  website: o.website,
  createdAt: o.created_at,
});
