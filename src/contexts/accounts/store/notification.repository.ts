import type { DbOrTx } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/types.js';
import './tables.js';

export type NotificationRow = Database['accounts_notification'];

export const insertNotifications = (db: DbOrTx, rows: NotificationRow[]) => db.insertInto('accounts_notification').values(rows).execute();

export const latestNotifications = (db: DbOrTx, userId: string, limit: number) =>
  db.selectFrom('accounts_notification').selectAll().where('user_id', '=', userId).orderBy('at', 'desc').limit(limit).execute();
