import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { attendedAny } from '../store/attendance.repository.js';
import { saveFeedback } from '../store/feedback.repository.js';
import { findProgramme, findRegistration } from '../store/programme.repository.js';

/**
 * The feedback survey: a registered participant who came to at least one session rates the programme (1–5),
 * says whether it was useful, and may comment. Sending again replaces their answer.
 */
export async function submitFeedback(services: Services, actor: Actor, input: { programmeId: string; rating: unknown; useful: unknown; comment?: unknown }) {
  if (!actor.user) throw unauthenticated();
  const programme = await findProgramme(services.db, input.programmeId);
  const reg = await findRegistration(services.db, programme.id, actor.user.id);
  const attended = await attendedAny(services.db, programme.id, actor.user.id);
  if (reg?.state !== 'registered' || !attended)
    throw new AppError('learn.feedback_participants_only', 'Only participants who attended can answer the survey', 403);
  const c = new Checker();
  const rating = Number(input.rating);
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) c.add('rating', 'validation.range');
  const useful = c.oneOf('useful', String(input.useful ?? ''), ['yes', 'no'] as const);
  const comment = c.text('comment', input.comment, { max: 2000, required: false }) ?? '';
  c.done();
  const row = {
    programme_id: programme.id,
    user_id: actor.user.id,
    rating,
    useful: useful === 'yes' ? 1 : 0,
    comment,
    created_at: services.now().toISOString(),
  };
  await services.db.transaction().execute(async (tx) => {
    await saveFeedback(tx, row);
    await recordAudit(tx, actor, { action: 'learn.submit_feedback', entityType: 'learn_programme', entityId: programme.id, after: { rating, useful } });
  });
  return { programmeId: programme.id, rating, useful: useful === 'yes', comment };
}
