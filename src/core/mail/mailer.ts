import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { FileStore } from '../storage/file-store.js';

export interface MailAttachment {
  filename: string;
  /** Text content (an iCalendar file, a CSV): stored as is in the development outbox. */
  content: string;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

export interface StoredMail extends OutgoingMail {
  id: string;
  at: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** The development outbox (empty when mail goes out through SMTP). */
  outbox(limit?: number): Promise<StoredMail[]>;
}

/**
 * SMTP when SMTP_URL is set; otherwise every mail is written to the file store as `outbox/<id>.json` for admins to
 * read (the data dir's outbox/ on the embedded install; on object storage one outbox that every replica shows).
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, files: FileStore): Mailer {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  return {
    async send(mail) {
      if (transport) {
        await transport.sendMail({ from: config.mailFrom, ...mail });
        return;
      }
      const at = new Date().toISOString();
      const id = `${at.replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
      const stored: StoredMail = { id, at, ...mail };
      await files.put(`outbox/${id}.json`, Buffer.from(JSON.stringify(stored, null, 2)), { contentType: 'application/json' });
    },
    async outbox(limit = 50) {
      const keys: string[] = [];
      for await (const o of files.list('outbox/')) if (o.key.endsWith('.json')) keys.push(o.key);
      const recent = keys.sort().reverse().slice(0, limit);
      const mails = await Promise.all(recent.map(async (k) => files.read(k)));
      return mails.filter((m): m is Buffer => m !== null).map((m) => JSON.parse(m.toString('utf8')) as StoredMail);
    },
  };
}
