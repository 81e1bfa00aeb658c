import type { Actor } from '../../../core/auth/actor.js';
import { hashToken, newToken } from '../../../core/auth/secrets.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { accountsMessages } from '../messages.js';
import { Checker } from '../../../core/validation/checker.js';
import { insertPasswordReset } from '../store/password-reset.repository.js';
import { findUserByEmail } from '../store/user.repository.js';

export const RESET_MINUTES = 60;

/** Mails a one-time link when the account exists; answers the same either way. */
export async function requestPasswordReset(services: Services, actor: Actor, input: { email: unknown; locale: Locale }) {
  const c = new Checker();
  const email = c.email('email', input.email);
  c.done();
  const user = await findUserByEmail(services.db, email);
  if (!user) return;
  const token = newToken();
  const now = new Date();
  await services.db.transaction().execute(async (tx) => {
    await insertPasswordReset(tx, {
      token_hash: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
      used_at: null,
    });
    await recordAudit(tx, actor, { action: 'user.request_password_reset', entityType: 'user', entityId: user.id });
  });
  const locale = user.locale === 'en' ? 'en' : input.locale;
  const t = translator(accountsMessages, locale);
  const link = `${services.config.publicUrl}/password-reset/${token}`;
  await services.mailer.send({
    to: user.email,
    subject: t('reset.mailSubject'),
    text: t('reset.mailBody', { name: user.display_name, link, minutes: RESET_MINUTES }),
  });
}
