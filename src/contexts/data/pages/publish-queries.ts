import { isAdmin, type Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { allOrganisationNames, organisationNames } from '../../accounts/index.js';
import '../store/tables.js';

// Reads the publisher pages need beyond the use cases: whom one may publish for, and drafts waiting for review.

/** Organisations the actor may publish for: every one for admins, their own memberships otherwise. */
export async function publisherChoices(db: DbOrTx, actor: Actor) {
  if (isAdmin(actor)) return allOrganisationNames(db);
  return organisationNames(db, actor.user?.memberships.map((m) => m.organisationId) ?? []);
}

/** Drafts of a resource not yet published or discarded, newest first (a publisher may have left one half-way). */
export const draftsOf = (db: DbOrTx, resourceId: string) =>
  db
    .selectFrom('data_version')
    .select(['id', 'version', 'source_name', 'rows', 'created_at'])
    .where('resource_id', '=', resourceId)
    .where('status', '=', 'draft')
    .orderBy('version', 'desc')
    .execute();

/** The dataset an upload belongs to. */
export const datasetOfVersion = async (db: DbOrTx, versionId: string) =>
  (
    await db
      .selectFrom('data_version as v')
      .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
      .select('r.dataset_id')
      .where('v.id', '=', versionId)
      .executeTakeFirstOrThrow()
  ).dataset_id;
