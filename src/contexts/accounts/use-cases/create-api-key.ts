import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { hashToken, newToken } from '../../../core/auth/secrets.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { apiKeyPolicy, assertAllowed } from '../domain/policy.js';
import { Checker } from '../../../core/validation/checker.js';
import { insertApiKey, publicApiKey } from '../store/api-key.repository.js';

/** Creates an application key; the secret is shown once and only its hash is kept. */
export async function createApiKey(services: Services, actor: Actor, input: { name: unknown }) {
  assertAllowed(actor, apiKeyPolicy.canCreate(actor), 'create API keys');
  const c = new Checker();
  const name = c.text('name', input.name, { max: 80 }) ?? '';
  c.done();
  const secret = newToken('os_');
  const row = {
    id: randomUUID(),
    user_id: actor.user!.id,
    name,
    prefix: secret.slice(0, 10),
    key_hash: hashToken(secret),
    created_at: nowIso(),
    revoked_at: null,
    last_used_at: null,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertApiKey(tx, row);
    await recordAudit(tx, actor, { action: 'api_key.create', entityType: 'api_key', entityId: row.id, after: publicApiKey(row) });
  });
  return { ...publicApiKey(row), secret };
}
