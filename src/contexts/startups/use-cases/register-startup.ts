import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { indexDocument } from '../../../core/search/search-index.js';
import { Checker, slugify } from '../../../core/validation/checker.js';
import { addOrganisation, assertAllowed, organisationSlugTaken } from '../../accounts/index.js';
import { checkProfile, type ProfileInput } from '../domain/profile-input.js';
import { startupsPolicy } from '../domain/policy.js';
import { insertProfile, profileSlugTaken } from '../store/profile.repository.js';
import { profileUrl, type ProfileRow } from '../store/tables.js';

/** Paths under /startups that a startup's slug may not take. */
const RESERVED = ['body', 'rules', 'opportunities', 'booklet', 'register', 'calls', 'feedback', 'departments', 'applications'];

export const indexStartup = (db: DbOrTx, p: ProfileRow) =>
  indexDocument(db, {
    type: 'startup',
    id: p.id,
    url: profileUrl(p.slug),
    title: { ko: p.name_ko, en: p.name_en },
    summary: { ko: p.what_ko?.slice(0, 300) ?? null, en: p.what_en?.slice(0, 300) ?? null },
    body: p.field,
  });

/**
 * A startup joins the platform: its organisation (type startup, the registering person its first admin) and
 * its bilingual profile, in one transaction.
 */
export async function registerStartup(services: Services, actor: Actor, input: ProfileInput & { example?: boolean }): Promise<ProfileRow> {
  assertAllowed(actor, startupsPolicy.canRegister(actor) || actor.kind === 'system', 'register a startup');
  const c = new Checker();
  const fields = checkProfile(c, input, services.now().getUTCFullYear());
  c.done();
  return services.db.transaction().execute(async (tx) => {
    const base = slugify(fields.name_en ?? fields.name_ko ?? 'startup');
    const taken = async (s: string) => (await organisationSlugTaken(tx, s)) || (await profileSlugTaken(tx, s));
    const slug = RESERVED.includes(base) || (await taken(base)) ? `${base}-${randomUUID().slice(0, 6)}` : base;
    const at = services.now().toISOString();
    const org = await addOrganisation(tx, actor, {
      slug,
      type: 'startup',
      nameKo: fields.name_ko,
      nameEn: fields.name_en,
      descriptionKo: fields.what_ko?.slice(0, 2000) ?? null,
      descriptionEn: fields.what_en?.slice(0, 2000) ?? null,
      website: fields.website,
      at,
    });
    const row: ProfileRow = { id: randomUUID(), organisation_id: org.id, slug, ...fields, example: input.example ? 1 : 0, created_at: at, updated_at: at };
    await insertProfile(tx, row);
    await indexStartup(tx, row);
    await recordAudit(tx, actor, { action: 'startups.register', entityType: 'startups_profile', entityId: row.id, after: row });
    return row;
  });
}
