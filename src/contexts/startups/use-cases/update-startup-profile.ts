import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, updateOrganisationProfile } from '../../accounts/index.js';
import { checkProfile, type ProfileInput } from '../domain/profile-input.js';
import { startupsPolicy } from '../domain/policy.js';
import { findProfile, updateProfile } from '../store/profile.repository.js';
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
    await updateProfile(tx, before.id, { ...fields, updated_at: after.updated_at });
    await updateOrganisationProfile(tx, {
      organisationId: before.organisation_id,
      nameKo: fields.name_ko,
      nameEn: fields.name_en,
      website: fields.website,
      at: after.updated_at,
    });
    await indexStartup(tx, after);
    await recordAudit(tx, actor, { action: 'startups.update_profile', entityType: 'startups_profile', entityId: before.id, before, after });
  });
  return after;
}
