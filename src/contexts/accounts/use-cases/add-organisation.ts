import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import type { OrganisationRow } from '../store/tables.js';
import {
  findOrganisationById,
  insertMembership,
  insertOrganisation,
  organisationSlugTaken,
  updateOrganisationNames,
} from '../store/organisation.repository.js';
import { indexOrganisation } from './create-organisation.js';

export interface NewOrganisation {
  slug: string;
  type: OrganisationRow['type'];
  nameKo: string | null;
  nameEn: string | null;
  descriptionKo: string | null;
  descriptionEn: string | null;
  website: string | null;
  /** When it was created (the caller's clock). */
  at: string;
}

/**
 * Adds an organisation for another context (a startup registering), inside the caller's transaction: the
 * caller checked its own policy and chose a free slug; a signed-in actor becomes the organisation's first
 * admin; the organisation is indexed for search. The caller records the audit entry of its own change.
 */
export async function addOrganisation(db: DbOrTx, actor: Actor, input: NewOrganisation): Promise<OrganisationRow> {
  if (await organisationSlugTaken(db, input.slug)) throw new AppError('organisation.slug_taken', 'Another organisation has this address', 409);
  const row: OrganisationRow = {
    id: randomUUID(),
    slug: input.slug,
    type: input.type,
    name_ko: input.nameKo,
    name_en: input.nameEn,
    description_ko: input.descriptionKo,
    description_en: input.descriptionEn,
    website: input.website,
    created_at: input.at,
    updated_at: input.at,
  };
  await insertOrganisation(db, row);
  if (actor.user) await insertMembership(db, { organisation_id: row.id, user_id: actor.user.id, role: 'admin', created_at: input.at });
  await indexOrganisation(db, row);
  return row;
}

/**
 * Changes an organisation's names and website for another context that keeps them in step with its own
 * record (a startup's profile), inside the caller's transaction; the caller checked who may do it.
 */
export async function updateOrganisationProfile(
  db: DbOrTx,
  input: { organisationId: string; nameKo: string | null; nameEn: string | null; website: string | null; at: string },
) {
  const before = await findOrganisationById(db, input.organisationId);
  if (!before) throw notFound('organisation');
  const after = { ...before, name_ko: input.nameKo, name_en: input.nameEn, website: input.website, updated_at: input.at };
  await updateOrganisationNames(db, before.id, { name_ko: after.name_ko, name_en: after.name_en, website: after.website, updated_at: after.updated_at });
  return after;
}
