import type { Actor } from '../../../core/auth/actor.js';
import { hashPassword, hashToken } from '../../../core/auth/secrets.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { deleteUserSessions } from '../store/session.repository.js';

export async function findResetToken(services: Services, token: string) {
  return services.db
    .selectFrom('accounts_password_reset')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();
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
    const used = await tx
      .updateTable('accounts_password_reset')
      .set({ used_at: now })
      .where('token_hash', '=', reset.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('auth.reset_link_invalid', 'This reset link was already used', 400);
    await tx.updateTable('accounts_user').set({ password_hash: hash, updated_at: now }).where('id', '=', reset.user_id).execute();
    await deleteUserSessions(tx, reset.user_id);
    await recordAudit(tx, actor, { action: 'user.reset_password', entityType: 'user', entityId: reset.user_id });
  });
}
