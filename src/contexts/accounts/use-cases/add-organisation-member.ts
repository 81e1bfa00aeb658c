import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { assertAllowed, organisationPolicy } from '../domain/policy.js';
import { Checker, failField, checkMembershipRole } from '../../../core/validation/checker.js';
import { findMembership, findOrganisation, insertMembership, setMembershipRole } from '../store/organisation.repository.js';
import { findUserByEmail } from '../store/user.repository.js';

/** An organisation admin adds (or re-roles) a member by email. */
export async function addOrganisationMember(services: Services, actor: Actor, input: { organisation: string; email: unknown; role: unknown }) {
  const organisation = await findOrganisation(services.db, input.organisation);
  if (!organisation) throw notFound('organisation');
  assertAllowed(actor, organisationPolicy.canManageMembers(actor, organisation.id), 'manage members of this organisation');
  const c = new Checker();
  const email = c.email('email', input.email);
  const role = checkMembershipRole(c, 'role', input.role);
  c.done();
  const user = await findUserByEmail(services.db, email);
  if (!user) {
    failField('email', 'validation.noSuchUser');
  }
  return services.db.transaction().execute(async (tx) => {
    const before = await findMembership(tx, organisation.id, user!.id);
    if (before) {
      await setMembershipRole(tx, organisation.id, user!.id, role);
    } else {
      await insertMembership(tx, { organisation_id: organisation.id, user_id: user!.id, role, created_at: nowIso() });
    }
    const after = { organisationId: organisation.id, userId: user!.id, role };
    await recordAudit(tx, actor, {
      action: 'organisation.set_member',
      entityType: 'organisation',
      entityId: organisation.id,
      before: before ? { organisationId: before.organisation_id, userId: before.user_id, role: before.role } : null,
      after,
    });
    return after;
  });
}
