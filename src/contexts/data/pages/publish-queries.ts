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
