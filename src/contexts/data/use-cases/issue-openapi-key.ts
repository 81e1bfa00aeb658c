import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { hashToken } from '../../../core/auth/secrets.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { notFound, unauthenticated } from '../../../core/errors.js';
import { findOwnOpenApiKey, insertOpenApiKey, isLiveKeyHash, revokeOpenApiKeyRow } from '../store/openapi-key.repository.js';

/**
 * Keys for the Seoul Open API URL form (`/seoul-openapi/{KEY}/…`). The key sits in the URL as on the Plaza, so
 * it ends up in logs and histories: it is a key of its own that only reads public data, never an account's API
 * key (which can write). 30 hex characters, like the Plaza's; only its SHA-256 is kept; shown once.
 */
export async function issueOpenApiKey(services: Services, actor: Actor): Promise<{ id: string; key: string; prefix: string; createdAt: string }> {
  if (!actor.user) throw unauthenticated();
  const key = randomBytes(15).toString('hex');
  const row = {
    id: randomUUID(),
    user_id: actor.user.id,
    key_hash: hashToken(key),
    prefix: key.slice(0, 6),
    created_at: services.now().toISOString(),
    revoked_at: null,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertOpenApiKey(tx, row);
    await recordAudit(tx, actor, { action: 'data.openapi_key.issue', entityType: 'data_openapi_key', entityId: row.id, after: { prefix: row.prefix } });
  });
  return { id: row.id, key, prefix: row.prefix, createdAt: row.created_at };
}

export async function revokeOpenApiKey(services: Services, actor: Actor, id: string): Promise<{ id: string; revokedAt: string }> {
  if (!actor.user) throw unauthenticated();
  const row = await findOwnOpenApiKey(services.db, actor.user.id, id);
  if (!row) throw notFound('openapi_key');
  const at = row.revoked_at ?? services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    await revokeOpenApiKeyRow(tx, id, at);
    await recordAudit(tx, actor, { action: 'data.openapi_key.revoke', entityType: 'data_openapi_key', entityId: id });
  });
  return { id, revokedAt: at };
}

/** True when the key was issued here and is not revoked. */
export async function isLiveOpenApiKey(services: Services, key: string): Promise<boolean> {
  if (!/^[0-9a-f]{30}$/i.test(key)) return false;
  return isLiveKeyHash(services.db, hashToken(key.toLowerCase()));
}
