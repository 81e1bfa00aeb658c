import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { assertAllowed, userPolicy } from '../domain/policy.js';
import { Checker, checkPlatformRole } from '../../../core/validation/checker.js';
import { findUserById, publicUser, setUserRole } from '../store/user.repository.js';

export async function changeUserRole(services: Services, actor: Actor, input: { userId: string; role: unknown }) {
  assertAllowed(actor, userPolicy.canChangeRole(actor), 'change roles');
  const c = new Checker();
  const role = checkPlatformRole(c, 'role', input.role);
  c.done();
  return services.db.transaction().execute(async (tx) => {
    const before = await findUserById(tx, input.userId);
    if (!before) throw notFound('user');
    if (before.id === actor.user?.id && role !== 'admin') {
      throw new AppError('user.last_admin', 'You cannot take the admin role from yourself', 409);
    }
    await setUserRole(tx, before.id, role, nowIso());
    const after = { ...before, role };
    await recordAudit(tx, actor, { action: 'user.change_role', entityType: 'user', entityId: before.id, before: publicUser(before), after: publicUser(after) });
    return publicUser(after);
  });
}
