import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

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

/** SMTP when SMTP_URL is set; otherwise every mail is written to <dataDir>/outbox as JSON for admins to read. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>): Mailer {
  const outboxDir = path.join(config.dataDir, 'outbox');
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  return {
    async send(mail) {
      if (transport) {
        await transport.sendMail({ from: config.mailFrom, ...mail });
        return;
      }
      await fs.mkdir(outboxDir, { recursive: true });
      const at = new Date().toISOString();
      const id = `${at.replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
      const stored: StoredMail = { id, at, ...mail };
      await fs.writeFile(path.join(outboxDir, `${id}.json`), JSON.stringify(stored, null, 2));
    },
    async outbox(limit = 50) {
      const names = await fs.readdir(outboxDir).catch(() => [] as string[]);
      const recent = names.filter((n) => n.endsWith('.json')).sort().reverse().slice(0, limit);
      return Promise.all(recent.map(async (n) => JSON.parse(await fs.readFile(path.join(outboxDir, n), 'utf8')) as StoredMail));
    },
  };
}
