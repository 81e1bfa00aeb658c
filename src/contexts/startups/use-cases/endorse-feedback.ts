import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { followItem } from '../../accountability/index.js';
import { assertAllowed } from '../../accounts/index.js';
import { startupsPolicy } from '../domain/policy.js';
import { endorsementCounts, findFeedback, hasEndorsed, insertEndorsement } from '../store/rule.repository.js';
import { FEEDBACK_SUBJECT } from '../store/tables.js';

/** Someone endorses a piece of feedback (once) and follows its item, so they hear the department's answer. */
export async function endorseFeedback(services: Services, actor: Actor, input: { feedbackId: string }) {
  const feedback = await findFeedback(services.db, input.feedbackId);
  assertAllowed(actor, startupsPolicy.canEndorse(actor), 'endorse feedback');
  const userId = actor.user!.id;
  if (feedback.author_id === userId) throw new AppError('startups.own_feedback', 'You cannot endorse your own feedback', 409, { field: 'feedback' });
  const twice = () => new AppError('startups.already_endorsed', 'You already endorsed this feedback', 409, { field: 'feedback' });
  await services.db.transaction().execute(async (tx) => {
    if (await hasEndorsed(tx, feedback.id, userId)) throw twice();
    await insertEndorsement(tx, { feedback_id: feedback.id, user_id: userId, created_at: services.now().toISOString() }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? twice() : error;
    });
    await followItem(tx, { subjectType: FEEDBACK_SUBJECT, subjectId: feedback.id, userId });
    await recordAudit(tx, actor, { action: 'startups.endorse_feedback', entityType: 'startups_feedback', entityId: feedback.id, after: { userId } });
  });
  const counts = await endorsementCounts(services.db, [feedback.id]);
  return { feedbackId: feedback.id, endorsements: counts.get(feedback.id) ?? 0 };
}
