import type { Migration } from '../../../core/db/migrator.js';

/** Saved analyses (SQL pinned to dataset versions, chart, narrative, the last result) and their comments. */
export const analysesInit: Migration = {
  name: '2026-11-22-60-analyses-init',
  async up(db) {
    await db.schema
      .createTable('analyses_analysis')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('author_id', 'text', (c) => c.notNull().references('accounts_user.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('sql', 'text', (c) => c.notNull())
      .addColumn('pins', 'text', (c) => c.notNull()) // JSON {datasetId: version}
      .addColumn('chart', 'text') // JSON {type, x, y} or null
      .addColumn('narrative', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // draft | published
      .addColumn('forked_from', 'text', (c) => c.references('analyses_analysis.id').onDelete('set null'))
      .addColumn('result', 'text') // JSON snapshot of the last pinned run
      .addColumn('ran_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('analyses_analysis_status').on('analyses_analysis').columns(['status', 'published_at']).execute();
    await db.schema.createIndex('analyses_analysis_author').on('analyses_analysis').columns(['author_id', 'created_at']).execute();
    await db.schema
      .createTable('analyses_comment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('analysis_id', 'text', (c) => c.notNull().references('analyses_analysis.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('accounts_user.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('analyses_comment_analysis').on('analyses_comment').columns(['analysis_id', 'created_at']).execute();
  },
};
