import type { Migration } from '../../../core/db/migrator.js';

/**
 * The human output check: a result over restricted data (a query's, or an analysis's before it is published)
 * waits here until a reviewer of the data owner approves or rejects it with a reason. `result` is the checked
 * result as the analyst saw it; `rules` what the automatic rules did (suppressions, the guard's verdicts).
 */
export const dataOutputCheck: Migration = {
  name: '2026-12-07-64-b-data-output-check',
  async up(db) {
    await db.schema
      .createTable('data_output_check')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id'))
      .addColumn('kind', 'text', (c) => c.notNull()) // query | analysis
      .addColumn('analysis_id', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('sql', 'text', (c) => c.notNull())
      .addColumn('datasets', 'text', (c) => c.notNull()) // JSON [{datasetId, version}]
      .addColumn('result', 'text', (c) => c.notNull()) // JSON {columns, rows, suppressed}
      .addColumn('rules', 'text', (c) => c.notNull()) // JSON [{rule, outcome, detail}]
      .addColumn('disclosure_query_id', 'text')
      .addColumn('state', 'text', (c) => c.notNull()) // pending | approved | rejected | withdrawn
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.references('accounts_user.id'))
      .addColumn('decided_at', 'text')
      .addColumn('reason', 'text')
      .execute();
    await db.schema.createIndex('data_output_check_state').on('data_output_check').columns(['state', 'requested_at']).execute();
    await db.schema.createIndex('data_output_check_user').on('data_output_check').columns(['user_id', 'requested_at']).execute();
  },
};
