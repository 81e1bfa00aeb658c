import type { Migration } from '../../../core/db/migrator.js';

/**
 * The differencing guard's ledger, append-only: each answered query over restricted data (who, the SQL, when)
 * and each cell it released, with its defining labels (the row's values) and its record set (row numbers in the
 * dataset version's file, delta-encoded). Nothing in the code updates or deletes these rows.
 */
export const dataDisclosureLedger: Migration = {
  name: '2026-12-07-64-a-data-disclosure-ledger',
  async up(db) {
    await db.schema
      .createTable('data_disclosure_query')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id'))
      .addColumn('sql', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('data_disclosure_query_user').on('data_disclosure_query').columns(['user_id', 'created_at']).execute();
    await db.schema
      .createTable('data_disclosure_cell')
      .addColumn('query_id', 'text', (c) => c.notNull().references('data_disclosure_query.id'))
      .addColumn('ref', 'integer', (c) => c.notNull())
      .addColumn('cell', 'integer', (c) => c.notNull())
      .addColumn('dataset_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('records', 'integer', (c) => c.notNull())
      .addColumn('members', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('data_disclosure_cell_pk', ['query_id', 'ref', 'cell'])
      .execute();
    await db.schema.createIndex('data_disclosure_cell_dataset').on('data_disclosure_cell').columns(['dataset_id', 'version', 'query_id']).execute();
  },
};
