import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/** The author of a new input follows it (the item is new: no follower can be there yet). */
export const insertFollower = (db: DbOrTx, itemId: string, userId: string) =>
  db.insertInto('accountability_follower').values({ item_id: itemId, user_id: userId }).execute();

/** Following twice is following once. */
export const addFollower = (db: DbOrTx, itemId: string, userId: string) =>
  db
    .insertInto('accountability_follower')
    .values({ item_id: itemId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();

export const removeFollower = (db: DbOrTx, itemId: string, userId: string) =>
  db.deleteFrom('accountability_follower').where('item_id', '=', itemId).where('user_id', '=', userId).execute();

export const isFollower = async (db: DbOrTx, itemId: string, userId: string) =>
  !!(await db.selectFrom('accountability_follower').select('user_id').where('item_id', '=', itemId).where('user_id', '=', userId).executeTakeFirst());
