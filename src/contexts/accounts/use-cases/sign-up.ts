import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { hashPassword } from '../../../core/auth/secrets.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { Checker, failField } from '../../../core/validation/checker.js';
import { findUserByEmail, insertUser, publicUser } from '../store/user.repository.js';
import { startSession } from './start-session.js';

export interface SignUpInput {
  email: unknown;
  displayName: unknown;
  password: unknown;
  locale: 'ko' | 'en';
}

/** A citizen creates an account and is signed in. Returns the new session token. */
export async function signUp(services: Services, actor: Actor, input: SignUpInput) {
  const c = new Checker();
  const email = c.email('email', input.email);
  const displayName = c.text('displayName', input.displayName, { max: 80 }) ?? '';
  const password = c.password('password', input.password);
  c.done();
  const passwordHash = await hashPassword(password);
  return services.db.transaction().execute(async (tx) => {
    if (await findUserByEmail(tx, email)) {
      failField('email', 'validation.emailTaken');
    }
    const now = nowIso();
    const row = { id: randomUUID(), email, display_name: displayName, password_hash: passwordHash, role: 'citizen' as const, locale: input.locale, created_at: now, updated_at: now };
    await insertUser(tx, row);
    await recordAudit(tx, actor, { action: 'user.sign_up', entityType: 'user', entityId: row.id, after: publicUser(row) });
    const token = await startSession(tx, row.id);
    return { user: publicUser(row), sessionToken: token };
  });
}
