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

export const profileSlugTaken = async (db: DbOrTx, slug: string) =>
  Boolean(await db.selectFrom('startups_profile').select('id').where('slug', '=', slug).executeTakeFirst());

export const insertProfile = (db: DbOrTx, row: ProfileRow) => db.insertInto('startups_profile').values(row).execute();

export const updateProfile = (db: DbOrTx, id: string, fields: Partial<Omit<ProfileRow, 'id' | 'organisation_id' | 'slug' | 'created_at'>>) =>
  db.updateTable('startups_profile').set(fields).where('id', '=', id).execute();

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

/** Startups of these organisations (a person's memberships). */
export const profilesOfOrganisations = (db: DbOrTx, organisationIds: string[]) =>
  organisationIds.length
    ? db.selectFrom('startups_profile').selectAll().where('organisation_id', 'in', organisationIds).orderBy('slug').execute()
    : Promise.resolve([] as ProfileRow[]);

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

export const insertSolution = (db: DbOrTx, row: SolutionRow) => db.insertInto('startups_solution').values(row).execute();

export const findSolution = (db: DbOrTx, profileId: string, solutionId: string) =>
  db.selectFrom('startups_solution').selectAll().where('id', '=', solutionId).where('profile_id', '=', profileId).executeTakeFirst();

export const deleteSolution = (db: DbOrTx, id: string) => db.deleteFrom('startups_solution').where('id', '=', id).execute();

/** Whether one of the profile's solutions shows this image file. */
export const solutionImageExists = async (db: DbOrTx, profileId: string, file: string) =>
  Boolean(await db.selectFrom('startups_solution').select('id').where('profile_id', '=', profileId).where('image_file', '=', file).executeTakeFirst());

/** Profiles that have not applied to a call (with what eligibility needs). */
export const profilesNotApplied = (db: DbOrTx, callId: string) =>
  db
    .selectFrom('startups_profile')
    .select(['id', 'organisation_id', 'founders_age_band'])
    .where('id', 'not in', db.selectFrom('startups_application').select('profile_id').where('call_id', '=', callId))
    .execute();

export const organisationIdsOfProfiles = async (db: DbOrTx, profileIds: string[]) =>
  profileIds.length
    ? (await db.selectFrom('startups_profile').select('organisation_id').where('id', 'in', profileIds).execute()).map((r) => r.organisation_id)
    : [];
