import type { Migration } from '../../../core/db/migrator.js';

/** Approved analysts of restricted datasets: who may query which restricted dataset, approved by whom, for what. */
export const dataAnalysts: Migration = {
  name: '2026-11-22-61-data-analysts',
  async up(db) {
    await db.schema
      .createTable('data_analyst')
      .addColumn('dataset_id', 'text', (c) => c.notNull().references('data_dataset.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('approved_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('project_note', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('data_analyst_pk', ['dataset_id', 'user_id'])
      .execute();
    await db.schema.createIndex('data_analyst_user').on('data_analyst').columns(['user_id']).execute();
  },
};
