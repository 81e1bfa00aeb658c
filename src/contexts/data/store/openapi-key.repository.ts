import type { DbOrTx } from '../../../core/db/database.js';
import type { OpenApiKeyRow } from './tables.js';
import './tables.js';

export const insertOpenApiKey = (db: DbOrTx, row: OpenApiKeyRow) => db.insertInto('data_openapi_key').values(row).execute();

/** A user's key by id (null for another user's key). */
export const findOwnOpenApiKey = (db: DbOrTx, userId: string, id: string) =>
  db.selectFrom('data_openapi_key').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();

export const revokeOpenApiKeyRow = (db: DbOrTx, id: string, at: string) =>
  db.updateTable('data_openapi_key').set({ revoked_at: at }).where('id', '=', id).execute();

/** True when a key with this hash exists and is not revoked. */
export const isLiveKeyHash = async (db: DbOrTx, keyHash: string) =>
  !!(await db.selectFrom('data_openapi_key').select('id').where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst());

/** A user's keys (prefix and dates only), newest first. */
export const listOpenApiKeysOf = (db: DbOrTx, userId: string) =>
  db.selectFrom('data_openapi_key').select(['id', 'prefix', 'created_at', 'revoked_at']).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
