import type { DbOrTx } from '../../../core/db/database.js';

export interface ThrottleRow {
  key: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

declare module '../../../core/db/types.js' {
  interface Database {
    accounts_sign_in_throttle: ThrottleRow;
  }
}

export const findThrottles = (db: DbOrTx, keys: string[]) => db.selectFrom('accounts_sign_in_throttle').selectAll().where('key', 'in', keys).execute();

export async function saveThrottle(db: DbOrTx, row: ThrottleRow) {
  const updated = await db
    .updateTable('accounts_sign_in_throttle')
    .set({ failures: row.failures, last_failed_at: row.last_failed_at, locked_until: row.locked_until })
    .where('key', '=', row.key)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('accounts_sign_in_throttle').values(row).execute();
}

export const clearThrottles = (db: DbOrTx, keys: string[]) => db.deleteFrom('accounts_sign_in_throttle').where('key', 'in', keys).execute();
