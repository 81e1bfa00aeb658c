import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { itemFigures } from '../domain/clock-history.js';
import { assertTransition, AWAITING_ANSWER } from '../domain/item-state.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { itemPolicy } from '../domain/policy.js';
import { loadHistory, ruleOf } from '../store/history.repository.js';
import { deleteDraftAnswers, insertAnswer } from '../store/answer.repository.js';
import { loadItem, loadKind } from '../store/item.repository.js';
import { recordEvent } from './record-event.js';
import { tellFollowers } from './tell-followers.js';

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
    await deleteDraftAnswers(tx, item.id);
    const answer = {
      id: randomUUID(),
      item_id: item.id,
      escalation_level: item.escalation_level,
      decision,
      reasons,
      next_steps: nextSteps,
      author_id: actor.user!.id,
      status: input.publish ? ('published' as const) : ('draft' as const),
      created_at: nowIso(),
      published_at: input.publish ? now.toISOString() : null,
    };
    await insertAnswer(tx, answer);
    if (!input.publish) return { answer, published: false };
    assertTransition(item.state, 'answered');
    const kind = await loadKind(tx, item.kind_id);
    await recordEvent(
      tx,
      item,
      { type: 'answered', on: today, stage: item.escalation_level, actorId: actor.user!.id, rule: ruleOf(kind) },
      { state: 'answered' },
    );
    const stage = itemFigures(await loadHistory(tx, item.id), ruleOf(kind), today).current;
    const onTime = stage.onTime === true;
    await recordAudit(tx, actor, {
      action: 'accountability.answer',
      entityType: 'accountability_item',
      entityId: item.id,
      before: { state: item.state },
      after: { state: 'answered', decision, onTime },
    });
    return { answer, published: true };
  });
  if (result.published) await tellFollowers(services, item, 'answered', { decision }, null);
  return result.answer;
}
