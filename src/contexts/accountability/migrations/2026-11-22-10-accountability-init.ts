import type { Migration } from '../../../core/db/migrator.js';

export const accountabilityInit: Migration = {
  name: '2026-11-22-10-accountability-init',
  async up(db) {
    await db.schema
      .createTable('accountability_kind')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('context', 'text', (c) => c.notNull())
      .addColumn('name_ko', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('days', 'integer', (c) => c.notNull())
      .addColumn('max_extension_days', 'integer', (c) => c.notNull())
      .addColumn('very_overdue_after_days', 'integer', (c) => c.notNull())
      .addColumn('remind_days_before', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('accountability_item')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind_id', 'text', (c) => c.notNull().references('accountability_kind.id'))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.references('accounts_user.id'))
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('accounts_organisation.id'))
      .addColumn('assignee_id', 'text', (c) => c.references('accounts_user.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('escalation_level', 'integer', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('extension_days', 'integer', (c) => c.notNull())
      .addColumn('extension_reason', 'text')
      .addColumn('answered_on', 'text')
      .addColumn('answered_on_time', 'integer')
      .addColumn('business_days_to_answer', 'integer')
      .addColumn('dispute_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('accountability_item_subject', ['subject_type', 'subject_id'])
      .execute();
    await db.schema.createIndex('accountability_item_org').on('accountability_item').columns(['organisation_id', 'state']).execute();
    await db.schema
      .createTable('accountability_pause')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull().references('accountability_item.id').onDelete('cascade'))
      .addColumn('from_on', 'text', (c) => c.notNull())
      .addColumn('to_on', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('accountability_answer')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull().references('accountability_item.id').onDelete('cascade'))
      .addColumn('escalation_level', 'integer', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('next_steps', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .execute();
    await db.schema
      .createTable('accountability_event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull().references('accountability_item.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('accountability_event_item').on('accountability_event').columns(['item_id', 'at']).execute();
    await db.schema
      .createTable('accountability_follower')
      .addColumn('item_id', 'text', (c) => c.notNull().references('accountability_item.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('accountability_follower_pk', ['item_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('accountability_reminder')
      .addColumn('item_id', 'text', (c) => c.notNull().references('accountability_item.id').onDelete('cascade'))
      .addColumn('reminder', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('accountability_reminder_pk', ['item_id', 'reminder', 'due_on'])
      .execute();
  },
};
