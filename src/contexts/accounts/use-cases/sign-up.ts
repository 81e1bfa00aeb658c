import type { Actor } from '../../../core/auth/actor.js';
import { hashPassword } from '../../../core/auth/secrets.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { publicUser } from '../store/user.repository.js';
import { insertAccount } from './insert-account.js';
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
    const row = await insertAccount(tx, actor, 'user.sign_up', { email, displayName, passwordHash, role: 'citizen', locale: input.locale });
    const token = await startSession(tx, row.id);
    return { user: publicUser(row), sessionToken: token };
  });
}
