import type { Actor } from '../../../core/auth/actor.js';
import { verifyPassword } from '../../../core/auth/secrets.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { findUserByEmail } from '../store/user.repository.js';
import { startSession } from './start-session.js';

/** Same answer for an unknown email and a wrong password, so accounts cannot be probed. */
export async function signIn(services: Services, actor: Actor, input: { email: unknown; password: unknown }) {
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
  const password = typeof input.password === 'string' ? input.password : '';
  const user = email ? await findUserByEmail(services.db, email) : undefined;
  const ok = user ? await verifyPassword(password, user.password_hash) : false;
  if (!user || !ok) throw new AppError('auth.invalid_credentials', 'The email or password is not right', 401);
  return services.db.transaction().execute(async (tx) => {
    const token = await startSession(tx, user.id);
    await recordAudit(tx, { ...actor, kind: 'user', user: { id: user.id, email: user.email, displayName: user.display_name, role: user.role, memberships: [] } },
      { action: 'user.sign_in', entityType: 'user', entityId: user.id });
    return { sessionToken: token, userId: user.id };
  });
}
