import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import { DEFAULT_CHOICE, ITEM_NOTICES, type ItemNotice, type NoticeChoice } from '../domain/notice-kinds.js';
import './tables.js';

/** Each reader's choices for every kind of notice (the default where they chose nothing). */
export async function choicesOf(db: DbOrTx, userIds: string[]): Promise<Map<string, Record<ItemNotice, NoticeChoice>>> {
  const rows = userIds.length ? await db.selectFrom('accountability_notice_preference').selectAll().where('user_id', 'in', userIds).execute() : [];
  const out = new Map<string, Record<ItemNotice, NoticeChoice>>();
  for (const id of userIds) out.set(id, Object.fromEntries(ITEM_NOTICES.map((n) => [n, { ...DEFAULT_CHOICE }])) as Record<ItemNotice, NoticeChoice>);
  for (const r of rows) {
    const mine = out.get(r.user_id);
    if (mine && (ITEM_NOTICES as readonly string[]).includes(r.notice)) mine[r.notice as ItemNotice] = { inApp: !!r.in_app, byMail: !!r.by_mail };
  }
  return out;
}

/** Stores one reader's choice for one kind of notice (replacing the earlier one). */
export async function saveChoice(db: DbOrTx, userId: string, notice: ItemNotice, next: { in_app: number; by_mail: number }) {
  await db
    .insertInto('accountability_notice_preference')
    .values({ user_id: userId, notice, ...next, updated_at: nowIso() })
    .onConflict((oc) => oc.columns(['user_id', 'notice']).doUpdateSet({ ...next, updated_at: nowIso() }))
    .execute();
}
