import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { ProfileRow, SolutionRow } from './tables.js';
import './tables.js';

export async function findProfile(db: DbOrTx, slugOrId: string) {
  const row = await db
    .selectFrom('startups_profile')
    .selectAll()
    .where((eb) => eb.or([eb('slug', '=', slugOrId), eb('id', '=', slugOrId)]))
    .executeTakeFirst();
  if (!row) throw notFound('startup');
  return row;
}

export const listProfiles = (db: DbOrTx, opts: { slugs?: string[]; field?: string } = {}) => {
  let q = db.selectFrom('startups_profile').selectAll();
  if (opts.slugs) q = q.where('slug', 'in', opts.slugs.length ? opts.slugs : ['']);
  if (opts.field) q = q.where('field', '=', opts.field as ProfileRow['field']);
  return q.orderBy('name_en').orderBy('slug').limit(1000).execute();
};

export const solutionsOf = (db: DbOrTx, profileIds: string[]) =>
  profileIds.length
    ? db.selectFrom('startups_solution').selectAll().where('profile_id', 'in', profileIds).orderBy('created_at').orderBy('id').execute()
    : Promise.resolve([] as SolutionRow[]);

/** Startups the actor's memberships let them act for. */
export const profilesOfUser = (db: DbOrTx, userId: string) =>
  db
    .selectFrom('startups_profile as p')
    .innerJoin('accounts_membership as m', 'm.organisation_id', 'p.organisation_id')
    .selectAll('p')
    .where('m.user_id', '=', userId)
    .orderBy('p.slug')
    .execute();

/** Members of the consultative body: startups selected in a body call. */
export const bodyMemberIds = async (db: DbOrTx) =>
  new Set(
    (
      await db
        .selectFrom('startups_application as a')
        .innerJoin('startups_call as c', 'c.id', 'a.call_id')
        .select('a.profile_id')
        .where('c.kind', '=', 'body')
        .where('a.state', '=', 'selected')
        .execute()
    ).map((r) => r.profile_id),
  );

export const programmeDepartmentId = async (db: DbOrTx, slug: string) =>
  (await db.selectFrom('accounts_organisation').select('id').where('slug', '=', slug).executeTakeFirst())?.id ?? null;
