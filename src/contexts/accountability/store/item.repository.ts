import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import type { ItemRow } from './tables.js';
import './tables.js';

export async function loadItem(db: DbOrTx, id: string) {
  const item = await db.selectFrom('accountability_item').selectAll().where('id', '=', id).executeTakeFirst();
  if (!item) throw notFound('accountability_item');
  return item;
}

export const findItemBySubject = (db: DbOrTx, subjectType: string, subjectId: string) =>
  db.selectFrom('accountability_item').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).executeTakeFirst();

export async function loadKind(db: DbOrTx, id: string) {
  const kind = await db.selectFrom('accountability_kind').selectAll().where('id', '=', id).executeTakeFirst();
  if (!kind) throw notFound('accountability_kind');
  return kind;
}

export async function updateItem(db: DbOrTx, id: string, changes: Partial<ItemRow>) {
  await db
    .updateTable('accountability_item')
    .set({ ...changes, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

/** The public timeline: every event of the history, in the order it was added, with who did it (their id). */
export const listEvents = (db: DbOrTx, itemId: string) =>
  db
    .selectFrom('accountability_clock_event')
    .select(['id', 'seq', 'stage', 'at', 'on_date', 'type', 'days', 'reason', 'actor_id'])
    .where('item_id', '=', itemId)
    .orderBy('seq')
    .execute();

/** The item's published answers, oldest first, with their author's id. */
export const publishedAnswers = (db: DbOrTx, itemId: string) =>
  db
    .selectFrom('accountability_answer')
    .select(['id', 'escalation_level', 'decision', 'reasons', 'next_steps', 'published_at', 'author_id'])
    .where('item_id', '=', itemId)
    .where('status', '=', 'published')
    .orderBy('published_at')
    .execute();

export const followersOf = async (db: DbOrTx, itemId: string) =>
  (await db.selectFrom('accountability_follower').select('user_id').where('item_id', '=', itemId).execute()).map((r) => r.user_id);

/** The items of many subjects of one type at once (public lists of a context's inputs). */
export const findItemsBySubjects = (db: DbOrTx, subjectType: string, subjectIds: string[]) =>
  db
    .selectFrom('accountability_item')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', [...subjectIds, ''])
    .execute();

/** The published answers of many items, oldest first. */
export const publishedAnswersOf = (db: DbOrTx, itemIds: string[]) =>
  db
    .selectFrom('accountability_answer')
    .select(['item_id', 'escalation_level', 'decision', 'reasons', 'next_steps', 'published_at'])
    .where('item_id', 'in', [...itemIds, ''])
    .where('status', '=', 'published')
    .orderBy('published_at')
    .execute();

export const insertItem = (db: DbOrTx, row: ItemRow) => db.insertInto('accountability_item').values(row).execute();

/** Every item (the scorecard recomputes them all). */
export const listItems = (db: DbOrTx) => db.selectFrom('accountability_item').selectAll().execute();

/** The items waiting for an answer, of one organisation when given. */
export const listWaitingItems = (db: DbOrTx, opts: { organisationId?: string } = {}) => {
  let q = db.selectFrom('accountability_item').selectAll();
  if (opts.organisationId) q = q.where('organisation_id', '=', opts.organisationId);
  return q.where('state', 'in', AWAITING_ANSWER).execute();
};

/** The answer queue: the oldest 500 items waiting for an answer, oldest first. */
export const listQueue = (db: DbOrTx) =>
  db.selectFrom('accountability_item').selectAll().where('state', 'in', AWAITING_ANSWER).orderBy('received_at').limit(500).execute();

export const findItemTitle = (db: DbOrTx, id: string) => db.selectFrom('accountability_item').select(['id', 'title']).where('id', '=', id).executeTakeFirst();

/** The items not yet announced to whoever answers them. */
export const listUnannouncedItems = (db: DbOrTx) =>
  db
    .selectFrom('accountability_item')
    .select(['id', 'title', 'organisation_id', 'escalation_level', 'assignee_id', 'received_on', 'answered_by'])
    .where('id', 'not in', db.selectFrom('accountability_notice').select('item_id').where('notice', '=', 'arrival'))
    .execute();
