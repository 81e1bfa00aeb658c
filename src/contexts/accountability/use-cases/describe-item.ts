import type { DbOrTx } from '../../../core/db/database.js';
import { itemFigures, stagesOf } from '../domain/clock-history.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { loadHistory, ruleOf } from '../store/history.repository.js';
import { findItemBySubject, followersOf, listEvents, loadItem, loadKind, publishedAnswers } from '../store/item.repository.js';

/** Everything public about one input: its clock, its answers and its timeline, all computed from its history. */
export async function describeItem(db: DbOrTx, itemId: string, today: Ymd) {
  const item = await loadItem(db, itemId);
  const [kind, history, answers, events, draft, followers] = await Promise.all([
    loadKind(db, item.kind_id),
    loadHistory(db, item.id),
    publishedAnswers(db, item.id),
    listEvents(db, item.id),
    db.selectFrom('accountability_answer').selectAll().where('item_id', '=', item.id).where('status', '=', 'draft').executeTakeFirst(),
    followersOf(db, item.id),
  ]);
  const stages = stagesOf(history);
  const figures = itemFigures(history, ruleOf(kind), today);
  const current = stages.at(-1)!;
  const clock = AWAITING_ANSWER.includes(item.state) ? figures.current.clock : null;
  /** The current stage's pauses, in the shape the pages read. */
  const pauses = current.pauses.map((p) => ({ from_on: p.from, to_on: p.to, reason: p.reason }));
  return { item, kind, stages, figures, pauses, answers, events, clock, draft: draft ?? null, followers };
}

export async function describeSubject(db: DbOrTx, subjectType: string, subjectId: string, today: Ymd) {
  const item = await findItemBySubject(db, subjectType, subjectId);
  return item ? describeItem(db, item.id, today) : null;
}

export type ItemView = Awaited<ReturnType<typeof describeItem>>;
