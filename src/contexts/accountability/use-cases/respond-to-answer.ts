import type { Actor } from '../../../core/auth/actor.js';
import { isAdmin } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { assertTransition } from '../domain/item-state.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { ESCALATION_LEVELS, itemPolicy } from '../domain/policy.js';
import { itemFigures } from '../domain/clock-history.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import { loadHistory, ruleOf } from '../store/history.repository.js';
import { loadItem, loadKind } from '../store/item.repository.js';
import { announceEscalation } from './announce-items.js';
import { recordEvent } from './record-event.js';
import { currentDueOn, tellFollowers } from './tell-followers.js';

/** The author accepts the answer: the loop is closed. */
export async function confirmAnswer(services: Services, actor: Actor, input: { itemId: string }) {
  const item = await loadItem(services.db, input.itemId);
  assertAllowed(actor, itemPolicy.canRespondAsAuthor(actor, item), 'confirm this answer');
  assertTransition(item.state, 'confirmed');
  await services.db.transaction().execute(async (tx) => {
    await recordEvent(
      tx,
      item,
      { type: 'confirmed', on: kstDate(services.now()), stage: item.escalation_level, actorId: actor.user!.id },
      { state: 'confirmed' },
    );
    await recordAudit(tx, actor, {
      action: 'accountability.confirm',
      entityType: 'accountability_item',
      entityId: item.id,
      before: { state: item.state },
      after: { state: 'confirmed' },
    });
  });
  await tellFollowers(services, item, 'confirmed', {}, actor.user!.id);
}

/** The author disputes the answer, saying why; it can then be escalated. */
export async function disputeAnswer(services: Services, actor: Actor, input: { itemId: string; reason: unknown }) {
  const c = new Checker();
  const reason = c.text('reason', input.reason, { max: 3000 }) ?? '';
  c.done();
  const item = await loadItem(services.db, input.itemId);
  assertAllowed(actor, itemPolicy.canRespondAsAuthor(actor, item), 'dispute this answer');
  assertTransition(item.state, 'disputed');
  await services.db.transaction().execute(async (tx) => {
    await recordEvent(
      tx,
      item,
      { type: 'disputed', on: kstDate(services.now()), stage: item.escalation_level, actorId: actor.user!.id, reason },
      { state: 'disputed' },
    );
    await recordAudit(tx, actor, {
      action: 'accountability.dispute',
      entityType: 'accountability_item',
      entityId: item.id,
      before: { state: item.state },
      after: { state: 'disputed', reason },
    });
  });
  await tellFollowers(services, item, 'disputed', { reason }, actor.user!.id);
}

/**
 * A disputed answer, or an overdue input still unanswered, goes one level up (officer → head of department →
 * committee) with a fresh clock; the earlier stage keeps its outcome. Whoever answers at the new stage is
 * told at once; when nobody can, the platform admins are.
 */
export async function escalateItem(services: Services, actor: Actor, input: { itemId: string }) {
  const item = await loadItem(services.db, input.itemId);
  assertAllowed(actor, itemPolicy.canRespondAsAuthor(actor, item) || isAdmin(actor), 'escalate this input');
  assertTransition(item.state, 'escalated');
  if (item.escalation_level >= ESCALATION_LEVELS.length - 1) {
    throw new AppError('accountability.top_level', 'This input has already reached the committee', 409);
  }
  const now = services.now();
  const today = kstDate(now);
  const kind = await loadKind(services.db, item.kind_id);
  if (AWAITING_ANSWER.includes(item.state)) {
    const clock = itemFigures(await loadHistory(services.db, item.id), ruleOf(kind), today).current.clock;
    if (clock?.kind !== 'overdue') {
      throw new AppError('accountability.not_overdue', 'An unanswered input can be escalated only once its due date has passed', 409, {
        dueOn: clock && clock.kind !== 'paused' ? clock.dueOn : null,
      });
    }
  }
  const level = item.escalation_level + 1;
  await services.db.transaction().execute(async (tx) => {
    // A new stage with its own clock; the earlier stage, its answer (or its silence) and whether it came on time stay as they were.
    await recordEvent(
      tx,
      item,
      { type: 'escalated', on: today, stage: level, actorId: actor.user?.id ?? null, rule: ruleOf(kind) },
      { state: 'escalated', assignee_id: null },
    );
    await recordAudit(tx, actor, {
      action: 'accountability.escalate',
      entityType: 'accountability_item',
      entityId: item.id,
      before: { level: item.escalation_level, state: item.state },
      after: { level },
    });
  });
  await announceEscalation(services, { ...item, escalation_level: level, assignee_id: null }, item.state !== 'disputed');
  await tellFollowers(
    services,
    item,
    'escalated',
    { level: ESCALATION_LEVELS[level] as 'head_of_department' | 'committee', dueOn: await currentDueOn(services, item) },
    actor.user?.id ?? null,
  );
}
