import type { DbOrTx } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/types.js';
import './tables.js';

export const insertComment = (db: DbOrTx, row: Database['plan_comment']) => db.insertInto('plan_comment').values(row).execute();

/** A commitment's comments, oldest first, with their author's id. */
export const commentsOfCommitment = (db: DbOrTx, commitmentId: string) =>
  db.selectFrom('plan_comment').select(['id', 'body', 'created_at', 'author_id']).where('commitment_id', '=', commitmentId).orderBy('created_at').execute();
