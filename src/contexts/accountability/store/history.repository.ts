import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import type { ClockEvent, ClockEventType } from '../domain/clock-history.js';
import type { ResponseRule } from '../domain/deadline.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import type { ClockEventRow, KindRow } from './tables.js';

export const ruleOf = (kind: Pick<KindRow, 'unit' | 'days' | 'max_extension_days' | 'very_overdue_after_days'>): ResponseRule => ({
  unit: kind.unit,
  days: kind.days,
  maxExtensionDays: kind.max_extension_days,
  veryOverdueAfterDays: kind.very_overdue_after_days,
});

export const toClockEvent = (r: Pick<ClockEventRow, 'type' | 'on_date' | 'reason' | 'days' | 'rule'>): ClockEvent => ({
  type: r.type as ClockEventType,
  on: r.on_date as Ymd,
  reason: r.reason,
  days: r.days,
  rule: r.rule ? (JSON.parse(r.rule) as ResponseRule) : null,
});

export const historyRows = (db: DbOrTx, itemId: string) =>
  db.selectFrom('accountability_clock_event').selectAll().where('item_id', '=', itemId).orderBy('seq').execute();

export async function loadHistory(db: DbOrTx, itemId: string): Promise<ClockEvent[]> {
  return (await historyRows(db, itemId)).map(toClockEvent);
}

/** The histories of many items at once (scorecard, lists). */
export async function loadHistories(db: DbOrTx, itemIds?: string[]): Promise<Map<string, ClockEvent[]>> {
  let q = db.selectFrom('accountability_clock_event').select(['item_id', 'type', 'on_date', 'reason', 'days', 'rule']).orderBy('item_id').orderBy('seq');
  if (itemIds) q = q.where('item_id', 'in', [...itemIds, '']);
  const map = new Map<string, ClockEvent[]>();
  for (const r of await q.execute()) map.set(r.item_id, [...(map.get(r.item_id) ?? []), toClockEvent(r)]);
  return map;
}

export interface NewClockEvent {
  type: ClockEventType;
  on: Ymd;
  stage: number;
  actorId: string | null;
  reason?: string | null;
  days?: number | null;
  rule?: ResponseRule | null;
}

/**
 * Adds an event at the end of the item's history; the only write the history ever gets. Two writers racing
 * for the same position collide on (item, seq) and the second is told to retry.
 */
export async function appendEvent(db: DbOrTx, itemId: string, e: NewClockEvent): Promise<void> {
  const last = await db
    .selectFrom('accountability_clock_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  try {
    await db
      .insertInto('accountability_clock_event')
      .values({
        id: randomUUID(),
        item_id: itemId,
        seq,
        stage: e.stage,
        type: e.type,
        on_date: e.on,
        days: e.days ?? null,
        reason: e.reason ?? null,
        rule: e.rule ? JSON.stringify(e.rule) : null,
        actor_id: e.actorId,
        at: nowIso(),
      })
      .execute();
  } catch (error) {
    throw new AppError('accountability.concurrent_change', 'This input changed at the same moment; please try again', 409, { cause: String(error) });
  }
}
