import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

export const SESSION_DAYS = 14;

export const insertSession = (db: DbOrTx, idHash: string, userId: string, now: Date) =>
  db
    .insertInto('accounts_session')
    .values({
      id_hash: idHash,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    })
    .execute();

export const findLiveSession = (db: DbOrTx, idHash: string, now: Date) =>
  db.selectFrom('accounts_session').select(['user_id']).where('id_hash', '=', idHash).where('expires_at', '>', now.toISOString()).executeTakeFirst();

export const deleteSession = (db: DbOrTx, idHash: string) => db.deleteFrom('accounts_session').where('id_hash', '=', idHash).execute();

export const deleteUserSessions = (db: DbOrTx, userId: string) => db.deleteFrom('accounts_session').where('user_id', '=', userId).execute();
