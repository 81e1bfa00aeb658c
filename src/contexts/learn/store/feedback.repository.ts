import type { DbOrTx } from '../../../core/db/database.js';
import type { FeedbackRow } from './tables.js';
import './tables.js';

export const feedbackOfProgramme = (db: DbOrTx, programmeId: string) =>
  db.selectFrom('learn_feedback').selectAll().where('programme_id', '=', programmeId).orderBy('created_at', 'desc').execute();

export const findFeedbackOf = (db: DbOrTx, programmeId: string, userId: string) =>
  db.selectFrom('learn_feedback').selectAll().where('programme_id', '=', programmeId).where('user_id', '=', userId).executeTakeFirst();

/** Stores a participant's answer to the survey, replacing an earlier one. */
export const saveFeedback = (tx: DbOrTx, row: FeedbackRow) =>
  tx
    .insertInto('learn_feedback')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['programme_id', 'user_id']).doUpdateSet({ rating: row.rating, useful: row.useful, comment: row.comment, created_at: row.created_at }),
    )
    .execute();
