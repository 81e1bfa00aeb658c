import type { DbOrTx } from '../../../core/db/database.js';
import { clockState } from '../domain/deadline.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import type { Ymd } from '../domain/korean-calendar.js';
import { clockOf, findItemBySubject, listEvents, loadItem, loadKind, loadPauses, publishedAnswers } from '../store/item.repository.js';

/** Everything public about one input: its clock, its answers and its timeline. */
export async function describeItem(db: DbOrTx, itemId: string, today: Ymd) {
  const item = await loadItem(db, itemId);
  const [kind, pauses, answers, events, draft] = await Promise.all([
    loadKind(db, item.kind_id), loadPauses(db, item.id), publishedAnswers(db, item.id), listEvents(db, item.id),
    db.selectFrom('accountability_answer').selectAll().where('item_id', '=', item.id).where('status', '=', 'draft').executeTakeFirst(),
  ]);
  const clock = AWAITING_ANSWER.includes(item.state) ? clockState(clockOf(item, kind, pauses), today) : null;
  return { item, kind, pauses, answers, events, clock, draft: draft ?? null };
}

export async function describeSubject(db: DbOrTx, subjectType: string, subjectId: string, today: Ymd) {
  const item = await findItemBySubject(db, subjectType, subjectId);
  return item ? describeItem(db, item.id, today) : null;
}

export type ItemView = Awaited<ReturnType<typeof describeItem>>;
