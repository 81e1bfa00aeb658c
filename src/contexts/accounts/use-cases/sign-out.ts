import type { Actor } from '../../../core/auth/actor.js';
import { hashToken } from '../../../core/auth/secrets.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { deleteSession } from '../store/session.repository.js';

export async function signOut(services: Services, actor: Actor, sessionToken: string | undefined) {
  if (!sessionToken) return;
  await services.db.transaction().execute(async (tx) => {
    await deleteSession(tx, hashToken(sessionToken));
    if (actor.user) await recordAudit(tx, actor, { action: 'user.sign_out', entityType: 'user', entityId: actor.user.id });
  });
}
