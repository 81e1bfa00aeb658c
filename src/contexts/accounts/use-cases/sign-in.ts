import type { Actor } from '../../../core/auth/actor.js';
import { verifyPassword } from '../../../core/auth/secrets.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { translator } from '../../../core/i18n/messages.js';
import { ACCOUNT_RULE, afterFailure, CLIENT_RULE, waitSeconds, type ThrottleRule } from '../domain/sign-in-throttle.js';
import { accountsMessages } from '../messages.js';
import { clearThrottles, findThrottles, saveThrottle } from '../store/sign-in-throttle.repository.js';
import { findUserByEmail } from '../store/user.repository.js';
import { startSession } from './start-session.js';

/**
 * Same answer for an unknown email and a wrong password, so accounts cannot be probed. Guessing is throttled
 * per account and per client address (domain/sign-in-throttle.ts): while a key must wait, the attempt is
 * refused with 429 before the password is even checked; a lock mails the account's owner. Every failed
 * sign-in is in the audit log with the client's address (as the trusted proxies report it).
 */
export async function signIn(services: Services, actor: Actor, input: { email: unknown; password: unknown; client?: string }) {
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase().slice(0, 320) : '';
  const password = typeof input.password === 'string' ? input.password : '';
  const client = input.client ?? 'unknown';
  const now = services.now();
  const keys: Array<{ key: string; rule: ThrottleRule }> = [
    { key: `client:${client}`, rule: CLIENT_RULE },
    ...(email ? [{ key: `account:${email}`, rule: ACCOUNT_RULE }] : []),
  ];
  const states = new Map(
    (
      await findThrottles(
        services.db,
        keys.map((k) => k.key),
      )
    ).map((r) => [r.key, { failures: r.failures, lastFailedAt: r.last_failed_at, lockedUntil: r.locked_until }]),
  );
  const wait = Math.max(...keys.map((k) => waitSeconds(k.rule, states.get(k.key), now)));
  if (wait > 0) {
    throw new AppError('auth.throttled', `Too many failed sign-ins; try again in ${wait} s`, 429, { retryAfterSeconds: wait });
  }
  const user = email ? await findUserByEmail(services.db, email) : undefined;
  const ok = user ? await verifyPassword(password, user.password_hash) : false;
  if (!user || !ok) {
    let lockedAccount = false;
    await services.db.transaction().execute(async (tx) => {
      for (const { key, rule } of keys) {
        const next = afterFailure(rule, states.get(key), now);
        await saveThrottle(tx, { key, failures: next.failures, last_failed_at: next.lastFailedAt, locked_until: next.lockedUntil });
        if (next.locked && key.startsWith('account:')) lockedAccount = true;
      }
      await recordAudit(tx, actor, {
        action: 'user.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? `email:${email}`,
        after: { email, client, reason: user ? 'wrong_password' : 'unknown_email', locked: lockedAccount },
      });
    });
    if (lockedAccount && user) await mailLock(services, user, client);
    throw new AppError('auth.invalid_credentials', 'The email or password is not right', 401);
  }
  return services.db.transaction().execute(async (tx) => {
    await clearThrottles(
      tx,
      keys.filter((k) => k.key.startsWith('account:')).map((k) => k.key),
    ); // the client's count stays: one's own account must not reset it
    const token = await startSession(tx, user.id);
    await recordAudit(
      tx,
      { ...actor, kind: 'user', user: { id: user.id, email: user.email, displayName: user.display_name, role: user.role, memberships: [] } },
      { action: 'user.sign_in', entityType: 'user', entityId: user.id, after: { client } },
    );
    return { sessionToken: token, userId: user.id };
  });
}

async function mailLock(services: Services, user: { email: string; display_name: string; locale: string }, client: string) {
  const t = translator(accountsMessages, user.locale === 'en' ? 'en' : 'ko');
  try {
    await services.mailer.send({
      to: user.email,
      subject: t('lock.mailSubject'),
      text: t('lock.mailBody', { name: user.display_name, minutes: ACCOUNT_RULE.lockMinutes, client, link: `${services.config.publicUrl}/password-reset` }),
    });
  } catch (error) {
    services.log.error({ err: error }, 'could not mail the sign-in lock notice');
  }
}
