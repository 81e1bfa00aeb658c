import type { DbOrTx } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/types.js';
import './tables.js';

export type AnswerRow = Database['accountability_answer'];

/** The department's unpublished answer, if it keeps one. */
export const findDraftAnswer = (db: DbOrTx, itemId: string) =>
  db.selectFrom('accountability_answer').selectAll().where('item_id', '=', itemId).where('status', '=', 'draft').executeTakeFirst();

/** Drops the item's draft (a new answer, draft or published, takes its place). */
export const deleteDraftAnswers = (db: DbOrTx, itemId: string) =>
  db.deleteFrom('accountability_answer').where('item_id', '=', itemId).where('status', '=', 'draft').execute();

export const insertAnswer = (db: DbOrTx, row: AnswerRow) => db.insertInto('accountability_answer').values(row).execute();
