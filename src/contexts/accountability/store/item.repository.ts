import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
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

/** The public timeline: every event of the history, in the order it was added, with who did it. */
export const listEvents = (db: DbOrTx, itemId: string) =>
  db
    .selectFrom('accountability_clock_event as e')
    .leftJoin('accounts_user as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.seq', 'e.stage', 'e.at', 'e.on_date', 'e.type', 'e.days', 'e.reason', 'u.display_name'])
    .where('e.item_id', '=', itemId)
    .orderBy('e.seq')
    .execute();

export const publishedAnswers = (db: DbOrTx, itemId: string) =>
  db
    .selectFrom('accountability_answer as a')
    .innerJoin('accounts_user as u', 'u.id', 'a.author_id')
    .select(['a.id', 'a.escalation_level', 'a.decision', 'a.reasons', 'a.next_steps', 'a.published_at', 'u.display_name'])
    .where('a.item_id', '=', itemId)
    .where('a.status', '=', 'published')
    .orderBy('a.published_at')
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
