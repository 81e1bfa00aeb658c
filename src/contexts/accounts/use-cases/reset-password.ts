import type { Actor } from '../../../core/auth/actor.js';
import { hashPassword, hashToken } from '../../../core/auth/secrets.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { findLiveResetToken, markResetUsed } from '../store/password-reset.repository.js';
import { deleteUserSessions } from '../store/session.repository.js';
import { setUserPasswordHash } from '../store/user.repository.js';

export async function findResetToken(services: Services, token: string) {
  return findLiveResetToken(services.db, hashToken(token), nowIso());
}

/** Sets a new password from an emailed link; the link works once and every open session ends. */
export async function resetPassword(services: Services, actor: Actor, input: { token: string; password: unknown }) {
  const c = new Checker();
  const password = c.password('password', input.password);
  c.done();
  const reset = await findResetToken(services, input.token);
  if (!reset) throw new AppError('auth.reset_link_invalid', 'This reset link has expired or was already used', 400);
  const hash = await hashPassword(password);
  await services.db.transaction().execute(async (tx) => {
    const now = nowIso();
    if (!(await markResetUsed(tx, reset.token_hash, now))) throw new AppError('auth.reset_link_invalid', 'This reset link was already used', 400);
    await setUserPasswordHash(tx, reset.user_id, hash, now);
    await deleteUserSessions(tx, reset.user_id);
    await recordAudit(tx, actor, { action: 'user.reset_password', entityType: 'user', entityId: reset.user_id });
  });
}
