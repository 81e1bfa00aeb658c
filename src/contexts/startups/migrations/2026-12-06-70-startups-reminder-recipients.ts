import type { Migration } from '../../../core/db/migrator.js';

/**
 * Deadline reminders are recorded per recipient: (call, reminder, deadline, person). A startup that registers
 * after a run still gets its reminder on the next run; nobody gets the same one twice; a moved deadline allows
 * a new one. The per-call record it replaces counted calls, not mails, and shut out late joiners.
 */
export const startupsReminderRecipients: Migration = {
  name: '2026-12-06-70-startups-reminder-recipients',
  async up(db) {
    await db.schema
      .createTable('startups_reminder_recipient')
      .addColumn('call_id', 'text', (c) => c.notNull().references('startups_call.id').onDelete('cascade'))
      .addColumn('reminder', 'text', (c) => c.notNull())
      .addColumn('apply_by', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('startups_reminder_recipient_pk', ['call_id', 'reminder', 'apply_by', 'user_id'])
      .execute();
    await db.schema.dropTable('startups_reminder').execute();
  },
};
