import type { Migration } from '../../../core/db/migrator.js';

export const planSuggestionComments: Migration = {
  name: '2026-11-22-21-plan-suggestion-comments',
  async up(db) {
    await db.schema
      .createTable('plan_suggestion_comment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('suggestion_id', 'text', (c) => c.notNull().references('plan_suggestion.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('accounts_user.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('plan_suggestion_comment_suggestion').on('plan_suggestion_comment').columns(['suggestion_id', 'created_at']).execute();
  },
};
