import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/domain/policy.js';
import { Checker } from '../../../core/validation/checker.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import { kstDate } from '../domain/korean-calendar.js';
import { itemPolicy } from '../domain/policy.js';
import { addEvent, loadItem, loadKind, loadPauses, updateItem } from '../store/item.repository.js';

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
    const pauses = await loadPauses(tx, item.id);
    if (pauses.some((p) => p.to_on === null)) throw new AppError('accountability.already_paused', 'The clock is already paused', 409);
    const row = { id: randomUUID(), item_id: item.id, from_on: kstDate(services.now()), to_on: null, reason, created_by: actor.user?.id ?? null, created_at: nowIso() };
    await tx.insertInto('accountability_pause').values(row).execute();
    await addEvent(tx, item.id, actor.user?.id ?? null, 'paused', { reason });
    await recordAudit(tx, actor, { action: 'accountability.pause', entityType: 'accountability_item', entityId: item.id, after: row });
  });
}

export async function resumeClock(services: Services, actor: Actor, input: { itemId: string }) {
  const item = await openItem(services, actor, input.itemId, 'resume this clock');
  await services.db.transaction().execute(async (tx) => {
    const open = (await loadPauses(tx, item.id)).find((p) => p.to_on === null);
    if (!open) throw new AppError('accountability.not_paused', 'The clock is not paused', 409);
    await tx.updateTable('accountability_pause').set({ to_on: kstDate(services.now()) }).where('id', '=', open.id).execute();
    await addEvent(tx, item.id, actor.user?.id ?? null, 'resumed');
    await recordAudit(tx, actor, { action: 'accountability.resume', entityType: 'accountability_item', entityId: item.id, before: open });
  });
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
  if (item.extension_days > 0) throw new AppError('accountability.already_extended', 'The deadline can be extended only once', 409);
  await services.db.transaction().execute(async (tx) => {
    await updateItem(tx, item.id, { extension_days: days, extension_reason: reason });
    await addEvent(tx, item.id, actor.user?.id ?? null, 'extended', { days, reason });
    await recordAudit(tx, actor, { action: 'accountability.extend', entityType: 'accountability_item', entityId: item.id, before: { extensionDays: 0 }, after: { extensionDays: days, reason } });
  });
}

/** Puts an official of the department in charge. */
export async function assignItem(services: Services, actor: Actor, input: { itemId: string; assigneeId: string }) {
  const item = await openItem(services, actor, input.itemId, 'assign this input');
  await services.db.transaction().execute(async (tx) => {
    await updateItem(tx, item.id, { assignee_id: input.assigneeId, state: item.state === 'escalated' ? 'escalated' : 'assigned' });
    await addEvent(tx, item.id, actor.user?.id ?? null, 'assigned', { assigneeId: input.assigneeId });
    await recordAudit(tx, actor, { action: 'accountability.assign', entityType: 'accountability_item', entityId: item.id, before: { assigneeId: item.assignee_id }, after: { assigneeId: input.assigneeId } });
  });
}
