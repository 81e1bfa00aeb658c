import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, notifyUsers, organisationMemberIds } from '../../accounts/index.js';
import { AWAITING_ANSWER, findItemBySubject, recordEvent } from '../../accountability/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { demandPolicy } from '../domain/policy.js';
import { findRequest, updateRequest } from '../store/request.repository.js';
import { findHolder } from './list-holders.js';
import { SUBJECT_TYPE, requestUrl } from '../store/tables.js';

/**
 * Hands a request to the department that holds the data: from the triage division when the requester did not
 * know, or after a wrong guess. The answer clock keeps running from the day the request arrived (the city owes
 * the answer, whichever department gives it); the new department's officials are told.
 */
export async function triageDataRequest(services: Services, actor: Actor, input: { requestId: string; organisation: unknown }) {
  const request = await findRequest(services.db, input.requestId);
  assertAllowed(actor, demandPolicy.canTriage(actor, request), 'hand this request to another department');
  const c = new Checker();
  const wanted = typeof input.organisation === 'string' ? input.organisation.trim() : '';
  const department = wanted ? await findHolder(services.db, wanted) : undefined;
  if (!department || department.id === request.organisation_id) c.add('organisation', 'validation.choice');
  c.done();
  const item = await findItemBySubject(services.db, SUBJECT_TYPE, request.id);
  if (!item || !AWAITING_ANSWER.includes(item.state))
    throw new AppError('demand.not_awaiting_answer', 'Only a request waiting for an answer can change department', 409);
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await updateRequest(tx, request.id, { organisation_id: department!.id, updated_at: at });
    // Nobody of the new department has taken it on yet: an assigned item goes back to received.
    await recordEvent(
      tx,
      item,
      { type: 'assigned', on: kstDate(services.now()), stage: item.escalation_level, actorId: actor.user?.id ?? null, reason: department!.id },
      { organisation_id: department!.id, assignee_id: null, state: item.state === 'assigned' ? 'received' : item.state },
    );
    await recordAudit(tx, actor, {
      action: 'demand.triage_request',
      entityType: 'demand_request',
      entityId: request.id,
      before: { organisation_id: request.organisation_id },
      after: { organisation_id: department!.id },
    });
  });
  const officials = await organisationMemberIds(services.db, department!.id, { platformRole: 'official' });
  await notifyUsers(services, officials, {
    title: { ko: `부서에 배정된 데이터 요청: ${request.title}`, en: `Data request for your department: ${request.title}` },
    body: { ko: '이 요청에 답변할 부서로 지정되었습니다.', en: 'Your department now answers this request.' },
    url: requestUrl(request.id),
  });
  return { ...request, organisation_id: department!.id };
}
