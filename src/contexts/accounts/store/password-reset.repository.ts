import type { DbOrTx } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/types.js';
import './tables.js';

export const insertPasswordReset = (db: DbOrTx, row: Database['accounts_password_reset']) => db.insertInto('accounts_password_reset').values(row).execute();

/** A reset link not used yet and not expired at `now`. */
export const findLiveResetToken = (db: DbOrTx, tokenHash: string, now: string) =>
  db
    .selectFrom('accounts_password_reset')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();

/** Marks a link used, once: true when this call was the one that used it. */
export async function markResetUsed(db: DbOrTx, tokenHash: string, at: string): Promise<boolean> {
  const used = await db
    .updateTable('accounts_password_reset')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}
