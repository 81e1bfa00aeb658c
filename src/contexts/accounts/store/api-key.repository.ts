import type { DbOrTx } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/types.js';
import './tables.js';

export const listApiKeys = (db: DbOrTx, userId: string) =>
  db
    .selectFrom('accounts_api_key')
    .select(['id', 'name', 'prefix', 'created_at', 'revoked_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();

export const findApiKey = (db: DbOrTx, id: string) => db.selectFrom('accounts_api_key').selectAll().where('id', '=', id).executeTakeFirst();

export const findLiveKeyByHash = (db: DbOrTx, keyHash: string) =>
  db
    .selectFrom('accounts_api_key')
    .select(['id', 'user_id', 'last_used_at'])
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

export type ApiKeyRow = Database['accounts_api_key'];

export const insertApiKey = (db: DbOrTx, row: ApiKeyRow) => db.insertInto('accounts_api_key').values(row).execute();

export const setApiKeyLastUsed = (db: DbOrTx, id: string, at: string) =>
  db.updateTable('accounts_api_key').set({ last_used_at: at }).where('id', '=', id).execute();

export const setApiKeyRevoked = (db: DbOrTx, id: string, at: string) =>
  db.updateTable('accounts_api_key').set({ revoked_at: at }).where('id', '=', id).execute();

export const publicApiKey = (k: { id: string; name: string; prefix: string; created_at: string; revoked_at: string | null; last_used_at: string | null }) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.created_at,
  revokedAt: k.revoked_at,
  lastUsedAt: k.last_used_at,
});
