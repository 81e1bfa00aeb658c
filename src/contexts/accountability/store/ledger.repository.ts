import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import './tables.js';

/** Claims a notice in the ledger (item, notice, day); false when it was already sent, so a rerun never repeats it. */
export async function claimNotice(db: DbOrTx, itemId: string, notice: string, day: string): Promise<boolean> {
  const claimed = await db
    .insertInto('accountability_notice')
    .values({ item_id: itemId, notice, day, sent_at: nowIso() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Claims a reminder (item, reminder, due date) before it is sent; false when it already was. */
export async function claimReminder(db: DbOrTx, itemId: string, reminder: string, dueOn: string): Promise<boolean> {
  const claimed = await db
    .insertInto('accountability_reminder')
    .values({ item_id: itemId, reminder, due_on: dueOn, sent_at: nowIso() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) > 0;
}
