import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed, memberUserIds, notifyUsers } from '../../accounts/index.js';
import { startupsPolicy } from '../domain/policy.js';
import { PROGRAMME_DEPARTMENT } from '../domain/vocabularies.js';
import { applicationStatesOf, findCall, setResultsPublished } from '../store/call.repository.js';
import { organisationIdsOfProfiles } from '../store/profile.repository.js';
import { programmeDepartmentId } from '../store/organisations.js';
import { callUrl } from '../store/tables.js';

/**
 * Publishes the results of an opportunity: who was selected becomes public and every applicant is told.
 * Only once every application is decided, and only once.
 */
export async function publishResults(services: Services, actor: Actor, input: { opportunity: string }) {
  const call = await findCall(services.db, input.opportunity, 'opportunity');
  assertAllowed(actor, startupsPolicy.canRunProgramme(actor, await programmeDepartmentId(services.db, PROGRAMME_DEPARTMENT)), 'publish results');
  if (call.results_published_at) throw new AppError('startups.results_published', 'The results are already published', 409, { field: 'opportunity' });
  const applications = await applicationStatesOf(services.db, call.id);
  const open = applications.filter((a) => a.state === 'submitted').length;
  if (open)
    throw new AppError('startups.undecided_applications', `${open} application(s) are not decided yet`, 409, { field: 'applications', undecided: open });
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await setResultsPublished(tx, call.id, at);
    await recordAudit(tx, actor, { action: 'startups.publish_results', entityType: 'startups_call', entityId: call.id, after: { results_published_at: at } });
  });
  const profiles = applications.map((a) => a.profile_id);
  const members = await memberUserIds(services.db, await organisationIdsOfProfiles(services.db, profiles));
  await notifyUsers(services, members, {
    title: { ko: `결과 발표: ${call.title_ko}`, en: `Results published: ${call.title_en}` },
    body: { ko: '선정 결과를 확인하세요.', en: 'See who was selected.' },
    url: callUrl(call),
  });
  return { ...call, results_published_at: at };
}
