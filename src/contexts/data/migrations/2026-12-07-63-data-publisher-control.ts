import type { Migration } from '../../../core/db/migrator.js';

/**
 * Publisher control: a dataset may be private (its organisation's members only), restricted with an access
 * policy the publisher states (why, and who may be approved how), or deleted (a tombstone: when, by whom, why;
 * the catalogue entry stays so that its address answers "gone" with the reason). A published version may be
 * withdrawn (status 'withdrawn') with a public reason: its rows are no longer served, the fact stays listed.
 */
export const dataPublisherControl: Migration = {
  name: '2026-12-07-63-data-publisher-control',
  async up(db) {
    await db.schema
      .alterTable('data_dataset')
      .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('data_dataset').addColumn('access_policy', 'text').execute();
    await db.schema.alterTable('data_dataset').addColumn('deleted_at', 'text').execute();
    await db.schema.alterTable('data_dataset').addColumn('deleted_reason', 'text').execute();
    await db.schema.alterTable('data_dataset').addColumn('deleted_by', 'text').execute();
    await db.schema.alterTable('data_version').addColumn('withdrawn_at', 'text').execute();
    await db.schema.alterTable('data_version').addColumn('withdrawn_reason', 'text').execute();
    await db.schema.alterTable('data_version').addColumn('withdrawn_by', 'text').execute();
  },
};
