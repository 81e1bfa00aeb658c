import type { Migration } from '../../../core/db/migrator.js';

/** Each reader's choice, per kind of event, of the notices they get in the app and by mail (no row: both). */
export const accountabilityNoticePreferences: Migration = {
  name: '2026-12-07-10-accountability-notice-preferences',
  async up(db) {
    await db.schema
      .createTable('accountability_notice_preference')
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('notice', 'text', (c) => c.notNull())
      .addColumn('in_app', 'integer', (c) => c.notNull())
      .addColumn('by_mail', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('accountability_notice_preference_pk', ['user_id', 'notice'])
      .execute();
  },
};
