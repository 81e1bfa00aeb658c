import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { checkProfile, type ProfileInput } from '../domain/profile-input.js';
import { startupsPolicy } from '../domain/policy.js';
import { findProfile } from '../store/profile.repository.js';
import { indexStartup } from './register-startup.js';

/** The startup's members change its profile (the slug, and so its links and QR codes, stay). */
export async function updateStartupProfile(services: Services, actor: Actor, input: ProfileInput & { startup: string }) {
  const before = await findProfile(services.db, input.startup);
  assertAllowed(actor, startupsPolicy.canActFor(actor, before), 'edit this startup');
  const c = new Checker();
  const fields = checkProfile(c, input, services.now().getUTCFullYear());
  c.done();
  const after = { ...before, ...fields, updated_at: services.now().toISOString() };
  await services.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('startups_profile')
      .set({ ...fields, updated_at: after.updated_at })
      .where('id', '=', before.id)
      .execute();
    await tx
      .updateTable('accounts_organisation')
      .set({ name_ko: fields.name_ko, name_en: fields.name_en, website: fields.website, updated_at: after.updated_at })
      .where('id', '=', before.organisation_id)
      .execute();
    await indexStartup(tx, after);
    await recordAudit(tx, actor, { action: 'startups.update_profile', entityType: 'startups_profile', entityId: before.id, before, after });
  });
  return after;
}
