import type { Actor } from '../../../core/auth/actor.js';
import { hashToken } from '../../../core/auth/secrets.js';
import type { Authenticator, Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { findLiveKeyByHash, setApiKeyLastUsed } from '../store/api-key.repository.js';
import { findLiveSession } from '../store/session.repository.js';
import { findUserById, loadActingUser } from '../store/user.repository.js';

const LAST_USED_GRANULARITY_MS = 60_000;

/** Resolves session cookies and API keys to actors (the platform's Authenticator). */
export function accountsAuthenticator(services: Services): Authenticator {
  const actorFor = async (userId: string, kind: Actor['kind'], requestId: string): Promise<Actor | null> => {
    const user = await findUserById(services.db, userId);
    return user ? { kind, user: await loadActingUser(services.db, user), requestId } : null;
  };
  return {
    async fromSession(token, requestId) {
      const session = await findLiveSession(services.db, hashToken(token), new Date());
      return session ? actorFor(session.user_id, 'user', requestId) : null;
    },
    async fromApiKey(key, requestId) {
      const row = await findLiveKeyByHash(services.db, hashToken(key));
      if (!row) return null;
      const now = nowIso();
      if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > LAST_USED_GRANULARITY_MS) {
        await setApiKeyLastUsed(services.db, row.id, now);
      }
      return actorFor(row.user_id, 'api_key', requestId);
    },
  };
}
