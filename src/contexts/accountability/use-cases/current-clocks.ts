import type { DbOrTx } from '../../../core/db/database.js';
import { itemFigures } from '../domain/clock-history.js';
import type { ClockState } from '../domain/deadline.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { loadHistories, ruleOf } from '../store/history.repository.js';
import { kindsByIds } from '../store/kind.repository.js';
import type { ItemRow } from '../store/tables.js';

/** Where each waiting item's current stage stands today, from its history; null for items not waiting for an answer. */
export async function currentClocks(db: DbOrTx, items: Array<Pick<ItemRow, 'id' | 'kind_id' | 'state'>>, today: Ymd): Promise<Map<string, ClockState | null>> {
  const waiting = items.filter((i) => AWAITING_ANSWER.includes(i.state));
  const [kinds, histories] = await Promise.all([
    kindsByIds(
      db,
      waiting.map((i) => i.kind_id),
    ),
    loadHistories(
      db,
      waiting.map((i) => i.id),
    ),
  ]);
  const result = new Map<string, ClockState | null>(items.map((i) => [i.id, null]));
  for (const item of waiting) {
    const kind = kinds.find((k) => k.id === item.kind_id);
    const history = histories.get(item.id);
    if (kind && history?.length) result.set(item.id, itemFigures(history, ruleOf(kind), today).current.clock);
  }
  return result;
}
