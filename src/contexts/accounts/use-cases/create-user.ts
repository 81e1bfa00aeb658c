import type { Actor } from '../../../core/auth/actor.js';
import { hashPassword } from '../../../core/auth/secrets.js';
import type { Services } from '../../../core/context.js';
import { assertAllowed, userPolicy } from '../domain/policy.js';
import { Checker, checkPlatformRole } from '../../../core/validation/checker.js';
import { publicUser } from '../store/user.repository.js';
import { insertAccount } from './insert-account.js';

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
  return services.db
    .transaction()
    .execute(async (tx) => publicUser(await insertAccount(tx, actor, 'user.create', { email, displayName, passwordHash, role, locale: 'ko' })));
}
