import type { Migration } from '../../../core/db/migrator.js';

/** An analyst approval may name the civic project it serves; the approval lapses when that project is not active. */
export const dataAnalystProject: Migration = {
  name: '2026-11-22-62-data-analyst-project',
  async up(db) {
    await db.schema.alterTable('data_analyst').addColumn('project_id', 'text').execute();
  },
};
