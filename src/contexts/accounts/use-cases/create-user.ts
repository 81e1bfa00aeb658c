import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { hashPassword } from '../../../core/auth/secrets.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { assertAllowed, userPolicy } from '../domain/policy.js';
import { Checker, failField, checkPlatformRole } from '../../../core/validation/checker.js';
import { findUserByEmail, insertUser, publicUser } from '../store/user.repository.js';

export interface CreateUserInput {
  email: unknown;
  displayName?: unknown;
  password: unknown;
  role: unknown;
}

/** An admin (or the CLI) creates an account with any role. */
export async function createUser(services: Services, actor: Actor, input: CreateUserInput) {
  assertAllowed(actor, userPolicy.canCreate(actor), 'create users');
  const c = new Checker();
  const email = c.email('email', input.email);
  const displayName = c.text('displayName', input.displayName ?? email.split('@')[0], { max: 80 }) ?? '';
  const password = c.password('password', input.password);
  const role = checkPlatformRole(c, 'role', input.role);
  c.done();
  const passwordHash = await hashPassword(password);
  return services.db.transaction().execute(async (tx) => {
    if (await findUserByEmail(tx, email)) {
      failField('email', 'validation.emailTaken');
    }
    const now = nowIso();
    const row = { id: randomUUID(), email, display_name: displayName, password_hash: passwordHash, role, locale: 'ko', created_at: now, updated_at: now };
    await insertUser(tx, row);
    await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, after: publicUser(row) });
    return publicUser(row);
  });
}
