import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso, type DbOrTx } from '../../../core/db/database.js';
import { indexDocument } from '../../../core/search/search-index.js';
import { assertAllowed, organisationPolicy } from '../domain/policy.js';
import { Checker, checkOrganisationType, slugify } from '../../../core/validation/checker.js';
import type { OrganisationRow } from '../store/tables.js';
import { findOrganisation, insertMembership, insertOrganisation, publicOrganisation } from '../store/organisation.repository.js';

export interface CreateOrganisationInput {
  type: unknown;
  nameKo?: unknown;
  nameEn?: unknown;
  descriptionKo?: unknown;
  descriptionEn?: unknown;
  website?: unknown;
  slug?: unknown;
}

export const indexOrganisation = (db: DbOrTx, o: OrganisationRow) =>
  indexDocument(db, {
    type: 'organisation',
    id: o.id,
    url: `/organisations/${o.slug}`,
    title: { ko: o.name_ko, en: o.name_en },
    summary: { ko: o.description_ko, en: o.description_en },
  });

/** Registers an organisation; a signed-in creator becomes its first admin. */
export async function createOrganisation(services: Services, actor: Actor, input: CreateOrganisationInput) {
  const c = new Checker();
  const type = checkOrganisationType(c, 'type', input.type);
  const nameKo = c.text('nameKo', input.nameKo, { max: 120, required: false });
  const nameEn = c.text('nameEn', input.nameEn, { max: 120, required: false });
  if (!nameKo && !nameEn) c.add('nameKo', 'validation.nameOneLanguage');
  const descriptionKo = c.text('descriptionKo', input.descriptionKo, { max: 2000, required: false });
  const descriptionEn = c.text('descriptionEn', input.descriptionEn, { max: 2000, required: false });
  const website = c.url('website', input.website);
  c.done();
  assertAllowed(actor, organisationPolicy.canCreate(actor, type), 'create this kind of organisation');
  return services.db.transaction().execute(async (tx) => {
    let slug = typeof input.slug === 'string' && input.slug ? slugify(input.slug) : slugify(nameEn ?? nameKo ?? '');
    if (await findOrganisation(tx, slug)) slug = `${slug}-${randomUUID().slice(0, 6)}`;
    const now = nowIso();
    const row: OrganisationRow = {
      id: randomUUID(),
      slug,
      type,
      name_ko: nameKo,
      name_en: nameEn,
      description_ko: descriptionKo,
      description_en: descriptionEn,
      website,
      created_at: now,
      updated_at: now,
    };
    await insertOrganisation(tx, row);
    if (actor.user) {
      await insertMembership(tx, { organisation_id: row.id, user_id: actor.user.id, role: 'admin', created_at: now });
    }
    await indexOrganisation(tx, row);
    await recordAudit(tx, actor, { action: 'organisation.create', entityType: 'organisation', entityId: row.id, after: publicOrganisation(row) });
    return publicOrganisation(row);
  });
}
