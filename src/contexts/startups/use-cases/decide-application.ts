import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, memberUserIds, notifyUsers } from '../../accounts/index.js';
import { assertDecidable } from '../domain/eligibility.js';
import { startupsPolicy } from '../domain/policy.js';
import { PROGRAMME_DEPARTMENT } from '../domain/vocabularies.js';
import { countSelected, decideSubmittedApplication, findApplication, findCall } from '../store/call.repository.js';
import { findProfile } from '../store/profile.repository.js';
import { programmeDepartmentId } from '../store/organisations.js';
import { callUrl } from '../store/tables.js';

/**
 * An official of the programme selects an application or not, always with reasons; the startup's members
 * are told. Selection in a body call makes the startup a member of the consultative body; the seats of a
 * call are never exceeded.
 */
export async function decideApplication(services: Services, actor: Actor, input: { applicationId: string; decision: unknown; reason: unknown }) {
  const application = await findApplication(services.db, input.applicationId);
  assertAllowed(actor, startupsPolicy.canRunProgramme(actor, await programmeDepartmentId(services.db, PROGRAMME_DEPARTMENT)), 'decide applications');
  const c = new Checker();
  const decision = c.oneOf<'selected' | 'not_selected'>('decision', input.decision, ['selected', 'not_selected']);
  const reason = c.text('reason', input.reason, { min: 5, max: 3000 }) ?? '';
  c.done();
  assertDecidable(application.state, decision);
  const call = await findCall(services.db, application.call_id);
  const profile = await findProfile(services.db, application.profile_id);
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    if (decision === 'selected' && call.seats !== null) {
      if ((await countSelected(tx, call.id)) >= call.seats)
        throw new AppError('startups.seats_full', `All ${call.seats} seats of this call are taken`, 409, { field: 'decision', seats: call.seats });
    }
    const changed = await decideSubmittedApplication(tx, application.id, {
      state: decision,
      decision_reason: reason,
      decided_by: actor.user?.id ?? null,
      decided_at: at,
    });
    if (!changed) assertDecidable('selected', decision); // decided at the same moment by someone else
    await recordAudit(tx, actor, {
      action: 'startups.decide_application',
      entityType: 'startups_application',
      entityId: application.id,
      before: { state: application.state },
      after: { state: decision, reason },
    });
  });
  if (call.kind === 'body' || call.results_published_at) {
    const members = await memberUserIds(services.db, profile.organisation_id);
    const ko = decision === 'selected' ? '선정되었습니다' : '선정되지 않았습니다';
    const en = decision === 'selected' ? 'selected' : 'not selected';
    await notifyUsers(services, members, {
      title: { ko: `${call.title_ko}: ${ko}`, en: `${call.title_en}: ${en}` },
      body: { ko: `사유: ${reason}`, en: `Reasons: ${reason}` },
      url: callUrl(call),
    });
  }
  return { ...application, state: decision, decision_reason: reason, decided_at: at };
}
