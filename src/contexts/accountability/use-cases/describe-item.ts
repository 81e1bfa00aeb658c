import type { DbOrTx } from '../../../core/db/database.js';
import { userDisplayNames } from '../../accounts/index.js';
import { itemFigures, stagesOf } from '../domain/clock-history.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { findDraftAnswer } from '../store/answer.repository.js';
import { loadHistory, ruleOf } from '../store/history.repository.js';
import { findItemBySubject, followersOf, listEvents, loadItem, loadKind, publishedAnswers } from '../store/item.repository.js';

/** Everything public about one input: its clock, its answers and its timeline, all computed from its history. */
export async function describeItem(db: DbOrTx, itemId: string, today: Ymd) {
  const item = await loadItem(db, itemId);
  const [kind, history, answerRows, eventRows, draft, followers] = await Promise.all([
    loadKind(db, item.kind_id),
    loadHistory(db, item.id),
    publishedAnswers(db, item.id),
    listEvents(db, item.id),
    findDraftAnswer(db, item.id),
    followersOf(db, item.id),
  ]);
  // Who answered and who acted, by name (people are the accounts context's: one read for all of them).
  const names = await userDisplayNames(db, [...answerRows.map((a) => a.author_id), ...eventRows.flatMap((e) => (e.actor_id ? [e.actor_id] : []))]);
  const answers = answerRows.flatMap(({ author_id, ...a }) => (names.has(author_id) ? [{ ...a, display_name: names.get(author_id)! }] : []));
  const events = eventRows.map(({ actor_id, ...e }) => ({ ...e, display_name: actor_id ? (names.get(actor_id) ?? null) : null }));
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
