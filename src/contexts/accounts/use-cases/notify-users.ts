import { randomUUID } from 'node:crypto';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import type { Message } from '../../../core/i18n/messages.js';
import type { MailAttachment } from '../../../core/mail/mailer.js';
import { insertNotifications, latestNotifications } from '../store/notification.repository.js';
import { listUserContacts } from '../store/user.repository.js';

/**
 * Tells users something happened: an in-app notification (shown on their account page) and an email in
 * their language. Mail goes out after the caller's transaction, so a failed mail never undoes the change.
 * Returns how many mails actually went out.
 */
export async function notifyUsers(
  services: Services,
  userIds: string[],
  message: { title: Message; body: Message; url: string; attachments?: MailAttachment[] },
  /** Which ways to tell them (both unless said); a reader's own choices decide this for some notices. */
  channels: { inApp: boolean; byMail: boolean } = { inApp: true, byMail: true },
): Promise<number> {
  const unique = [...new Set(userIds)];
  if (!unique.length || (!channels.inApp && !channels.byMail)) return 0;
  const users = await listUserContacts(services.db, unique);
  const at = nowIso();
  if (channels.inApp && users.length) {
    await insertNotifications(
      services.db,
      users.map((u) => ({ id: randomUUID(), user_id: u.id, at, title_ko: message.title.ko, title_en: message.title.en, url: message.url, read_at: null })),
    );
  }
  let mailed = 0;
  if (!channels.byMail) return 0;
  for (const u of users) {
    const locale = u.locale === 'en' ? 'en' : 'ko';
    try {
      await services.mailer.send({
        to: u.email,
        subject: `[${locale === 'ko' ? '열린 서울' : 'Open Seoul'}] ${message.title[locale]}`,
        text: `${message.body[locale]}\n\n${services.config.publicUrl}${message.url}`,
        ...(message.attachments?.length ? { attachments: message.attachments } : {}),
      });
      mailed++;
    } catch (error) {
      services.log.warn({ err: error, userId: u.id }, 'notification mail failed');
    }
  }
  return mailed;
}

export const listNotifications = (services: Services, userId: string, limit = 20) => latestNotifications(services.db, userId, limit);
