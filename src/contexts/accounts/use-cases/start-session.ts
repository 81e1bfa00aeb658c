import { hashToken, newToken } from '../../../core/auth/secrets.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { insertSession } from '../store/session.repository.js';

/** Opens a session for a user and returns the cookie value (only its hash is stored). */
export async function startSession(db: DbOrTx, userId: string): Promise<string> {
  const token = newToken();
  await insertSession(db, hashToken(token), userId, new Date());
  return token;
}
