import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed, notifyUsers } from '../../accounts/index.js';
import { startupsPolicy } from '../domain/policy.js';
import { PROGRAMME_DEPARTMENT } from '../domain/vocabularies.js';
import { findCall } from '../store/call.repository.js';
import { programmeDepartmentId } from '../store/profile.repository.js';
import { callUrl } from '../store/tables.js';

/**
 * Publishes the results of an opportunity: who was selected becomes public and every applicant is told.
 * Only once every application is decided, and only once.
 */
export async function publishResults(services: Services, actor: Actor, input: { opportunity: string }) {
  const call = await findCall(services.db, input.opportunity, 'opportunity');
  assertAllowed(actor, startupsPolicy.canRunProgramme(actor, await programmeDepartmentId(services.db, PROGRAMME_DEPARTMENT)), 'publish results');
  if (call.results_published_at) throw new AppError('startups.results_published', 'The results are already published', 409, { field: 'opportunity' });
  const applications = await services.db.selectFrom('startups_application').select(['id', 'state', 'profile_id']).where('call_id', '=', call.id).execute();
  const open = applications.filter((a) => a.state === 'submitted').length;
  if (open)
    throw new AppError('startups.undecided_applications', `${open} application(s) are not decided yet`, 409, { field: 'applications', undecided: open });
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await tx.updateTable('startups_call').set({ results_published_at: at, updated_at: at }).where('id', '=', call.id).execute();
    await recordAudit(tx, actor, { action: 'startups.publish_results', entityType: 'startups_call', entityId: call.id, after: { results_published_at: at } });
  });
  const profiles = applications.map((a) => a.profile_id);
  const members = profiles.length
    ? await services.db
        .selectFrom('accounts_membership as m')
        .innerJoin('startups_profile as p', 'p.organisation_id', 'm.organisation_id')
        .select('m.user_id')
        .where('p.id', 'in', profiles)
        .execute()
    : [];
  await notifyUsers(
    services,
    members.map((m) => m.user_id),
    {
      title: { ko: `결과 발표: ${call.title_ko}`, en: `Results published: ${call.title_en}` },
      body: { ko: '선정 결과를 확인하세요.', en: 'See who was selected.' },
      url: callUrl(call),
    },
  );
  return { ...call, results_published_at: at };
}
