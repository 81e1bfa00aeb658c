import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, notifyUsers } from '../../accounts/index.js';
import { demandPolicy } from '../domain/policy.js';
import { findRequest, markLinkDisputed } from '../store/request.repository.js';
import { requestUrl } from '../store/tables.js';

/**
 * The requester says the linked dataset does not answer the request, and why. The request is then shown as
 * "disputed", not "published", until the dataset's publisher links one that answers it; whoever linked is told.
 */
export async function disputeDatasetLink(services: Services, actor: Actor, input: { requestId: string; reason: unknown }) {
  if (!actor.user) throw unauthenticated();
  const request = await findRequest(services.db, input.requestId);
  assertAllowed(actor, demandPolicy.canDisputeLink(actor, request), 'dispute the dataset linked to this request');
  const c = new Checker();
  const reason = c.text('reason', input.reason, { min: 10, max: 2000 }) ?? '';
  c.done();
  if (!request.dataset_id || request.disputed_at) throw new AppError('demand.not_disputable', 'No dataset is linked, or the link is already disputed', 409);
  const at = services.now().toISOString();
  const after = { disputed_at: at, dispute_reason: reason, updated_at: at };
  await services.db.transaction().execute(async (tx) => {
    if (!(await markLinkDisputed(tx, request.id, request.dataset_id!, after)))
      throw new AppError('demand.not_disputable', 'No dataset is linked, or the link is already disputed', 409);
    await recordAudit(tx, actor, {
      action: 'demand.dispute_link',
      entityType: 'demand_request',
      entityId: request.id,
      before: { disputed_at: null },
      after: { ...after, dataset_id: request.dataset_id },
    });
  });
  if (request.linked_by) {
    await notifyUsers(services, [request.linked_by], {
      title: { ko: `요청자가 데이터셋 연결에 이의를 제기했습니다: ${request.title}`, en: `The requester disputes the linked dataset: ${request.title}` },
      body: { ko: `이유: ${reason}`, en: `Why: ${reason}` },
      url: requestUrl(request.id),
    });
  }
  return { ...request, ...after };
}
