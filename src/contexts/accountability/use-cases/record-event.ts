import type { DbOrTx } from '../../../core/db/database.js';
import { itemFigures, stagesOf } from '../domain/clock-history.js';
import { appendEvent, loadHistory, ruleOf, type NewClockEvent } from '../store/history.repository.js';
import { loadKind, updateItem } from '../store/item.repository.js';
import type { ItemRow } from '../store/tables.js';

/**
 * Adds one event to the item's history, then refreshes the columns of the item row that other contexts read
 * (a cache of the history, never its source: the first receipt date is never touched).
 */
export async function recordEvent(db: DbOrTx, item: Pick<ItemRow, 'id' | 'kind_id'>, event: NewClockEvent, changes: Partial<ItemRow> = {}) {
  await appendEvent(db, item.id, event);
  const [history, kind] = await Promise.all([loadHistory(db, item.id), loadKind(db, item.kind_id)]);
  const stages = stagesOf(history);
  const current = stages[stages.length - 1]!;
  const figures = itemFigures(history, ruleOf(kind), event.on);
  const lastDispute = [...stages].reverse().find((s) => s.outcome?.kind === 'disputed');
  await updateItem(db, item.id, {
    escalation_level: current.level,
    extension_days: current.extension?.days ?? 0,
    extension_reason: current.extension?.reason ?? null,
    answered_on: figures.firstAnsweredOn,
    answered_on_time: figures.answeredOnTime === null ? null : figures.answeredOnTime ? 1 : 0,
    business_days_to_answer: figures.firstBusinessDaysToAnswer,
    dispute_reason: lastDispute?.outcome?.reason ?? null,
    ...changes,
  });
}
