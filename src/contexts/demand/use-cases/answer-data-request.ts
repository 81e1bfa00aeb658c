import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { answerItem, AWAITING_ANSWER, findItemBySubject, itemPolicy } from '../../accountability/index.js';
import { DECISIONS, DECLINE_REASONS, type DeclineReason, type Decision } from '../domain/vocabularies.js';
import { findRequest, updateRequest } from '../store/request.repository.js';
import { SUBJECT_TYPE } from '../store/tables.js';

export interface AnswerDataRequestInput {
  requestId: string;
  decision: unknown;
  /** YYYY-MM-DD: required for "will publish", optional for "partially". */
  publishBy?: unknown;
  /** What will be published, for "partially". */
  partialWhat?: unknown;
  declineReason?: unknown;
  /** Required when the reason is "other". */
  declineText?: unknown;
  reasons: unknown;
  nextSteps?: unknown;
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;
const validYmd = (s: string) => YMD.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

const REASON_LABEL: Record<DeclineReason, { ko: string; en: string }> = {
  privacy: { ko: '개인정보', en: 'privacy' },
  not_held: { ko: '보유하지 않음', en: 'not held' },
  commercial: { ko: '영업비밀', en: 'commercial confidentiality' },
  other: { ko: '기타', en: 'other' },
};

/** The decision as one line for the engine's answer (shown in its panel and notifications), in both languages. */
export function decisionLine(d: {
  decision: Decision;
  publishBy: string | null;
  partialWhat: string | null;
  declineReason: DeclineReason | null;
  declineText: string | null;
}) {
  const cut = (s: string | null) => (s && s.length > 100 ? `${s.slice(0, 99)}…` : (s ?? ''));
  if (d.decision === 'will_publish') return `${d.publishBy}까지 공개 예정 / Will publish by ${d.publishBy}`;
  if (d.decision === 'partial')
    return `일부 공개${d.publishBy ? `(${d.publishBy}까지)` : ''} / Partially${d.publishBy ? ` by ${d.publishBy}` : ''}: ${cut(d.partialWhat)}`;
  const reason = REASON_LABEL[d.declineReason ?? 'other'];
  return `공개 불가(${reason.ko}) / Cannot publish (${reason.en})${d.declineText ? `: ${cut(d.declineText)}` : ''}`;
}

/**
 * The department answers a data request with a decision: will publish by a date, partially (what), or cannot
 * publish (with a reason). The answer goes through the accountability engine (which stops the clock, records
 * whether it came on time and notifies the requester and the supporters, who follow the item); the structured
 * decision is kept on the request. Everything is checked before the engine is called, so a refused answer
 * changes nothing.
 */
export async function answerDataRequest(services: Services, actor: Actor, input: AnswerDataRequestInput) {
  const request = await findRequest(services.db, input.requestId);
  const item = await findItemBySubject(services.db, SUBJECT_TYPE, request.id);
  if (!item) throw new AppError('demand.no_item', 'This request has no answer clock', 409);
  assertAllowed(actor, itemPolicy.canAnswer(actor, item), 'answer this data request');
  if (!AWAITING_ANSWER.includes(item.state))
    throw new AppError('demand.not_awaiting_answer', 'This request is not waiting for an answer', 409, { state: item.state });
  const c = new Checker();
  const decision = c.oneOf<Decision>('decision', input.decision, DECISIONS);
  const reasons = c.text('reasons', input.reasons, { max: 5000 }) ?? '';
  const nextSteps = c.text('nextSteps', input.nextSteps, { max: 3000, required: false }) ?? '';
  let publishBy: string | null = null;
  let partialWhat: string | null = null;
  let declineReason: DeclineReason | null = null;
  let declineText: string | null = null;
  if (decision === 'will_publish' || decision === 'partial') {
    const date = typeof input.publishBy === 'string' ? input.publishBy.trim() : '';
    if (!date && decision === 'will_publish') c.add('publishBy', 'validation.required');
    else if (date && !validYmd(date)) c.add('publishBy', 'validation.date');
    else if (date && date < kstDate(services.now())) c.add('publishBy', 'validation.range');
    publishBy = date || null;
  }
  if (decision === 'partial') partialWhat = c.text('partialWhat', input.partialWhat, { max: 1000 });
  if (decision === 'declined') {
    declineReason = c.oneOf<DeclineReason>('declineReason', input.declineReason, DECLINE_REASONS);
    declineText = c.text('declineText', input.declineText, { max: 1000, required: declineReason === 'other' });
  }
  c.done();
  const answer = await answerItem(services, actor, {
    itemId: item.id,
    decision: decisionLine({ decision, publishBy, partialWhat, declineReason, declineText }),
    reasons,
    nextSteps,
    publish: true,
  });
  const after = {
    decision,
    publish_by: publishBy,
    partial_what: partialWhat,
    decline_reason: declineReason,
    decline_text: declineText,
    decided_by: actor.user?.id ?? null,
    decided_at: services.now().toISOString(),
    updated_at: services.now().toISOString(),
  };
  await services.db.transaction().execute(async (tx) => {
    await updateRequest(tx, request.id, after);
    await recordAudit(tx, actor, {
      action: 'demand.answer_request',
      entityType: 'demand_request',
      entityId: request.id,
      before: { decision: request.decision, publish_by: request.publish_by, decline_reason: request.decline_reason },
      after,
    });
  });
  return { ...request, ...after, answerId: answer.id };
}
