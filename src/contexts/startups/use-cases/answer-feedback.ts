import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { answerItem, AWAITING_ANSWER, findItemBySubject, itemPolicy } from '../../accountability/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { validYmd } from '../domain/eligibility.js';
import { FEEDBACK_DECISIONS, type FeedbackDecision } from '../domain/vocabularies.js';
import { findFeedback, setFeedbackDecision } from '../store/rule.repository.js';
import { FEEDBACK_SUBJECT } from '../store/tables.js';

/** The decision as one line in both languages, for the engine's answer panel and its notification. */
export function feedbackDecisionLine(decision: FeedbackDecision, reviewBy: string | null) {
  if (decision === 'accepted') return '수용 / Accepted';
  if (decision === 'under_review') return `검토 중(${reviewBy}까지 결정) / Under review, decision by ${reviewBy}`;
  return '수용 불가 / Declined';
}

/**
 * The rule's department answers feedback: accepted, under review with the date of the decision, or declined,
 * always with reasons. Everything is checked before the accountability engine publishes the answer (which
 * stops the clock, records timeliness and notifies the startup and the endorsers).
 */
export async function answerFeedback(
  services: Services,
  actor: Actor,
  input: { feedbackId: string; decision: unknown; reviewBy?: unknown; reasons: unknown; nextSteps?: unknown },
) {
  const feedback = await findFeedback(services.db, input.feedbackId);
  const item = await findItemBySubject(services.db, FEEDBACK_SUBJECT, feedback.id);
  if (!item) throw new AppError('startups.no_item', 'This feedback has no answer clock', 409);
  assertAllowed(actor, itemPolicy.canAnswer(actor, item), 'answer this feedback');
  if (!AWAITING_ANSWER.includes(item.state))
    throw new AppError('startups.not_awaiting_answer', 'This feedback is not waiting for an answer', 409, { state: item.state });
  const c = new Checker();
  const decision = c.oneOf<FeedbackDecision>('decision', input.decision, FEEDBACK_DECISIONS);
  const reasons = c.text('reasons', input.reasons, { min: 5, max: 5000 }) ?? '';
  const nextSteps = c.text('nextSteps', input.nextSteps, { max: 3000, required: false }) ?? '';
  let reviewBy: string | null = null;
  if (decision === 'under_review') {
    reviewBy = typeof input.reviewBy === 'string' ? input.reviewBy.trim() : '';
    if (!reviewBy) c.add('reviewBy', 'validation.required');
    else if (!validYmd(reviewBy)) c.add('reviewBy', 'validation.date');
    else if (reviewBy < kstDate(services.now())) c.add('reviewBy', 'validation.range');
  }
  c.done();
  const answer = await answerItem(services, actor, { itemId: item.id, decision: feedbackDecisionLine(decision, reviewBy), reasons, nextSteps, publish: true });
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await setFeedbackDecision(tx, feedback.id, { decision, review_by: reviewBy, decided_at: at, updated_at: at });
    await recordAudit(tx, actor, {
      action: 'startups.answer_feedback',
      entityType: 'startups_feedback',
      entityId: feedback.id,
      before: { decision: feedback.decision },
      after: { decision, reviewBy },
    });
  });
  return { ...feedback, decision, review_by: reviewBy, decided_at: at, answerId: answer.id };
}
