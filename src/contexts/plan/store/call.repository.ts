import type { DbOrTx } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/types.js';
import type { CallRow, SuggestionRow } from './tables.js';
import './tables.js';

/** Every call for suggestions, the latest to open first. */
export const listCalls = (db: DbOrTx) => db.selectFrom('plan_call').selectAll().orderBy('opens_on', 'desc').execute();

export const insertCall = (db: DbOrTx, row: CallRow) => db.insertInto('plan_call').values(row).execute();

/** The suggestion this author already made to this call under this title (its normalised key), if any. */
export const findOwnSuggestion = (db: DbOrTx, callId: string, authorId: string, titleKey: string) =>
  db
    .selectFrom('plan_suggestion')
    .select('id')
    .where('call_id', '=', callId)
    .where('author_id', '=', authorId)
    .where('title_key', '=', titleKey)
    .executeTakeFirst();

export const insertSuggestion = (db: DbOrTx, row: SuggestionRow) => db.insertInto('plan_suggestion').values(row).execute();

export const updateSuggestion = (db: DbOrTx, id: string, changes: Partial<Omit<SuggestionRow, 'id'>>) =>
  db.updateTable('plan_suggestion').set(changes).where('id', '=', id).execute();

/** The suggestions adopted as this commitment. */
export const suggestionsAdoptedAs = (db: DbOrTx, commitmentId: string) =>
  db.selectFrom('plan_suggestion').select(['id', 'title']).where('commitment_id', '=', commitmentId).execute();

export const hasSupported = async (db: DbOrTx, suggestionId: string, userId: string) =>
  !!(await db.selectFrom('plan_support').select('user_id').where('suggestion_id', '=', suggestionId).where('user_id', '=', userId).executeTakeFirst());

export const insertSupport = (db: DbOrTx, row: Database['plan_support']) => db.insertInto('plan_support').values(row).execute();

export const countSupports = async (db: DbOrTx, suggestionId: string) =>
  Number(
    (
      await db
        .selectFrom('plan_support')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('suggestion_id', '=', suggestionId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const insertSuggestionComment = (db: DbOrTx, row: Database['plan_suggestion_comment']) => db.insertInto('plan_suggestion_comment').values(row).execute();

/** A suggestion's comments, oldest first, with their author's id. */
export const commentsOfSuggestion = (db: DbOrTx, suggestionId: string) =>
  db
    .selectFrom('plan_suggestion_comment')
    .select(['id', 'body', 'created_at', 'author_id'])
    .where('suggestion_id', '=', suggestionId)
    .orderBy('created_at')
    .execute();
