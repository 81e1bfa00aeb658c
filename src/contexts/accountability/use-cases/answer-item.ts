import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/domain/policy.js';
import { notifyUsers } from '../../accounts/use-cases/notify-users.js';
import { answeredOnTime } from '../domain/deadline.js';
import { assertTransition, AWAITING_ANSWER } from '../domain/item-state.js';
import { businessDaysBetween, kstDate, type Ymd } from '../domain/korean-calendar.js';
import { itemPolicy } from '../domain/policy.js';
import { addEvent, clockOf, followersOf, loadItem, loadKind, loadPauses, updateItem } from '../store/item.repository.js';

export interface AnswerInput {
  itemId: string;
  decision: unknown;
  reasons: unknown;
  nextSteps: unknown;
  /** false keeps the answer as a draft, visible to the department only. */
  publish: boolean;
}

/**
 * A reasoned response: the decision, the reasons and the next steps. Publishing it stops the clock,
 * records whether it came on time, and notifies the author and the followers.
 */
export async function answerItem(services: Services, actor: Actor, input: AnswerInput) {
  const c = new Checker();
  const decision = c.text('decision', input.decision, { max: 300 }) ?? '';
  const reasons = c.text('reasons', input.reasons, { max: 5000 }) ?? '';
  const nextSteps = c.text('nextSteps', input.nextSteps, { max: 3000, required: false }) ?? '';
  c.done();
  const item = await loadItem(services.db, input.itemId);
  assertAllowed(actor, itemPolicy.canAnswer(actor, item), 'answer this input');
  if (!AWAITING_ANSWER.includes(item.state)) throw new AppError('accountability.not_open', 'This input is not waiting for an answer', 409);
  const now = services.now();
  const today = kstDate(now);
  const result = await services.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('accountability_answer').where('item_id', '=', item.id).where('status', '=', 'draft').execute();
    const answer = {
      id: randomUUID(), item_id: item.id, escalation_level: item.escalation_level, decision, reasons, next_steps: nextSteps,
      author_id: actor.user!.id, status: input.publish ? 'published' as const : 'draft' as const, created_at: nowIso(), published_at: input.publish ? now.toISOString() : null,
    };
    await tx.insertInto('accountability_answer').values(answer).execute();
    if (!input.publish) return { answer, published: false };
    assertTransition(item.state, 'answered');
    const kind = await loadKind(tx, item.kind_id);
    const pauses = await loadPauses(tx, item.id);
    if (pauses.some((p) => p.to_on === null)) {
      await tx.updateTable('accountability_pause').set({ to_on: today }).where('item_id', '=', item.id).where('to_on', 'is', null).execute();
    }
    const clock = clockOf(item, kind, pauses.map((p) => ({ ...p, to_on: p.to_on ?? today })));
    const onTime = answeredOnTime(clock, today);
    await updateItem(tx, item.id, {
      state: 'answered', answered_on: today, answered_on_time: onTime ? 1 : 0,
      business_days_to_answer: businessDaysBetween(item.received_on as Ymd, today),
    });
    await addEvent(tx, item.id, actor.user!.id, 'answered', { decision, onTime, level: item.escalation_level });
    await recordAudit(tx, actor, { action: 'accountability.answer', entityType: 'accountability_item', entityId: item.id, before: { state: item.state }, after: { state: 'answered', decision, onTime } });
    return { answer, published: true };
  });
  if (result.published) {
    await notifyUsers(services, await followersOf(services.db, item.id), {
      title: { ko: `답변이 등록되었습니다: ${item.title}`, en: `Answered: ${item.title}` },
      body: { ko: `결정: ${decision}\n\n확인하거나 이의를 제기할 수 있습니다.`, en: `Decision: ${decision}\n\nYou can confirm the answer or dispute it.` },
      url: item.url,
    });
  }
  return result.answer;
}
