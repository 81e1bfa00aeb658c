import type { Actor } from '../../../core/auth/actor.js';
import { isAdmin, membershipIn } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { assertAllowed } from '../domain/policy.js';
import { findOrganisationById, updateOrganisationNames } from '../store/organisation.repository.js';
import { indexOrganisation } from './create-organisation.js';

/** Who may change an organisation's names: platform admins and the organisation's own members. */
export const canRenameOrganisation = (actor: Actor, organisationId: string) => isAdmin(actor) || membershipIn(actor, organisationId) !== undefined;

/**
 * Changes an organisation's Korean and/or English name, inside the caller's transaction (the caller keeps
 * the history of the change); returns the names before and after.
 */
export async function renameOrganisation(db: DbOrTx, actor: Actor, input: { organisationId: string; nameKo?: string | null; nameEn?: string | null }) {
  const before = await findOrganisationById(db, input.organisationId);
  if (!before) throw notFound('organisation');
  assertAllowed(actor, canRenameOrganisation(actor, before.id), 'rename this organisation');
  const after = {
    ...before,
    name_ko: input.nameKo === undefined ? before.name_ko : input.nameKo,
    name_en: input.nameEn === undefined ? before.name_en : input.nameEn,
    updated_at: nowIso(),
  };
  await updateOrganisationNames(db, before.id, { name_ko: after.name_ko, name_en: after.name_en, updated_at: after.updated_at });
  await indexOrganisation(db, after);
  return { before: { nameKo: before.name_ko, nameEn: before.name_en }, after: { nameKo: after.name_ko, nameEn: after.name_en } };
}
