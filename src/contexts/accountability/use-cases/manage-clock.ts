import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { Checker } from '../../../core/validation/checker.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { itemPolicy } from '../domain/policy.js';
import { stagesOf } from '../domain/clock-history.js';
import { loadHistory } from '../store/history.repository.js';
import { loadItem, loadKind } from '../store/item.repository.js';
import { recordEvent } from './record-event.js';
import { currentDueOn, tellFollowers } from './tell-followers.js';

const currentStage = async (db: DbOrTx, itemId: string) => stagesOf(await loadHistory(db, itemId)).at(-1)!;

async function openItem(services: Services, actor: Actor, itemId: string, action: string) {
  const item = await loadItem(services.db, itemId);
  assertAllowed(actor, itemPolicy.canAnswer(actor, item), action);
  if (!AWAITING_ANSWER.includes(item.state)) throw new AppError('accountability.not_open', 'This input is not waiting for an answer', 409);
  return item;
}

/** Stops the clock, e.g. while waiting for the citizen's clarification; the reason is public. */
export async function pauseClock(services: Services, actor: Actor, input: { itemId: string; reason: unknown }) {
  const c = new Checker();
  const reason = c.text('reason', input.reason, { max: 1000 }) ?? '';
  c.done();
  const item = await openItem(services, actor, input.itemId, 'pause this clock');
  await services.db.transaction().execute(async (tx) => {
    if (await currentStage(tx, item.id).then((s) => s.pauses.some((p) => p.to === null)))
      throw new AppError('accountability.already_paused', 'The clock is already paused', 409);
    const on = kstDate(services.now());
    await recordEvent(tx, item, { type: 'paused', on, stage: item.escalation_level, actorId: actor.user?.id ?? null, reason });
    await recordAudit(tx, actor, { action: 'accountability.pause', entityType: 'accountability_item', entityId: item.id, after: { from: on, reason } });
  });
  await tellFollowers(services, item, 'paused', { reason }, actor.user?.id ?? null);
}

export async function resumeClock(services: Services, actor: Actor, input: { itemId: string }) {
  const item = await openItem(services, actor, input.itemId, 'resume this clock');
  await services.db.transaction().execute(async (tx) => {
    const open = (await currentStage(tx, item.id)).pauses.find((p) => p.to === null);
    if (!open) throw new AppError('accountability.not_paused', 'The clock is not paused', 409);
    const on = kstDate(services.now());
    await recordEvent(tx, item, { type: 'resumed', on, stage: item.escalation_level, actorId: actor.user?.id ?? null });
    await recordAudit(tx, actor, {
      action: 'accountability.resume',
      entityType: 'accountability_item',
      entityId: item.id,
      before: open,
      after: { ...open, to: on },
    });
  });
  await tellFollowers(services, item, 'resumed', { dueOn: await currentDueOn(services, item) }, actor.user?.id ?? null);
}

/** Extends the deadline once, within the kind's limit, with a public reason. */
export async function extendDeadline(services: Services, actor: Actor, input: { itemId: string; days: unknown; reason: unknown }) {
  const item = await openItem(services, actor, input.itemId, 'extend this deadline');
  const kind = await loadKind(services.db, item.kind_id);
  const c = new Checker();
  const reason = c.text('reason', input.reason, { max: 1000 }) ?? '';
  const days = Number(input.days);
  if (!Number.isInteger(days) || days < 1 || days > kind.max_extension_days) c.add('days', 'validation.range');
  c.done();
  await services.db.transaction().execute(async (tx) => {
    if ((await currentStage(tx, item.id)).extension) throw new AppError('accountability.already_extended', 'The deadline can be extended only once', 409);
    await recordEvent(tx, item, { type: 'extended', on: kstDate(services.now()), stage: item.escalation_level, actorId: actor.user?.id ?? null, days, reason });
    await recordAudit(tx, actor, {
      action: 'accountability.extend',
      entityType: 'accountability_item',
      entityId: item.id,
      before: { extensionDays: 0 },
      after: { extensionDays: days, reason },
    });
  });
  await tellFollowers(services, item, 'extended', { days, reason, dueOn: await currentDueOn(services, item) }, actor.user?.id ?? null);
}

/** Puts an official of the department in charge. */
export async function assignItem(services: Services, actor: Actor, input: { itemId: string; assigneeId: string }) {
  const item = await openItem(services, actor, input.itemId, 'assign this input');
  await services.db.transaction().execute(async (tx) => {
    await recordEvent(
      tx,
      item,
      { type: 'assigned', on: kstDate(services.now()), stage: item.escalation_level, actorId: actor.user?.id ?? null },
      { assignee_id: input.assigneeId, state: item.state === 'escalated' ? 'escalated' : 'assigned' },
    );
    await recordAudit(tx, actor, {
      action: 'accountability.assign',
      entityType: 'accountability_item',
      entityId: item.id,
      before: { assigneeId: item.assignee_id },
      after: { assigneeId: input.assigneeId },
    });
  });
}
