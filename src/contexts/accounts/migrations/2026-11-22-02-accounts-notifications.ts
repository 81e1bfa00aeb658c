import type { Migration } from '../../../core/db/migrator.js';

export const accountsNotifications: Migration = {
  name: '2026-11-22-02-accounts-notifications',
  async up(db) {
    await db.schema
      .createTable('accounts_notification')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('title_ko', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema.createIndex('accounts_notification_user').on('accounts_notification').columns(['user_id', 'at']).execute();
  },
};
