import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { apiKeyPolicy, assertAllowed } from '../domain/policy.js';
import { findApiKey, publicApiKey, setApiKeyRevoked } from '../store/api-key.repository.js';

export async function revokeApiKey(services: Services, actor: Actor, input: { id: string }) {
  const key = await findApiKey(services.db, input.id);
  if (!key) throw notFound('api_key');
  assertAllowed(actor, apiKeyPolicy.canRevoke(actor, key.user_id), 'revoke this key');
  if (key.revoked_at) return publicApiKey(key);
  const after = { ...key, revoked_at: nowIso() };
  await services.db.transaction().execute(async (tx) => {
    await setApiKeyRevoked(tx, key.id, after.revoked_at);
    await recordAudit(tx, actor, { action: 'api_key.revoke', entityType: 'api_key', entityId: key.id, before: publicApiKey(key), after: publicApiKey(after) });
  });
  return publicApiKey(after);
}
