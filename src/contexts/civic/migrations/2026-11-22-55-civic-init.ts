import type { Migration } from '../../../core/db/migrator.js';

/** Civic-hacking projects (datasets, team, progress posts, results) and the showcase of reuses. */
export const civicInit: Migration = {
  name: '2026-11-22-55-civic-init',
  async up(db) {
    await db.schema
      .createTable('civic_project')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.references('accounts_organisation.id').onDelete('set null'))
      // Null for the seeded examples, which no one owns until an admin makes someone lead.
      .addColumn('created_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('example', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('repo_url', 'text')
      .addColumn('results_url', 'text')
      .addColumn('results', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('civic_project_updated').on('civic_project').columns(['updated_at']).execute();

    await db.schema
      .createTable('civic_project_dataset')
      .addColumn('project_id', 'text', (c) => c.notNull().references('civic_project.id').onDelete('cascade'))
      .addColumn('dataset_id', 'text', (c) => c.notNull().references('data_dataset.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('civic_project_dataset_pk', ['project_id', 'dataset_id'])
      .execute();
    await db.schema.createIndex('civic_project_dataset_dataset').on('civic_project_dataset').columns(['dataset_id']).execute();

    await db.schema
      .createTable('civic_member')
      .addColumn('project_id', 'text', (c) => c.notNull().references('civic_project.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('accepted_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('accepted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('civic_member_pk', ['project_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('civic_post')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('civic_project.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('civic_post_project').on('civic_post').columns(['project_id', 'created_at']).execute();
    await db.schema.createIndex('civic_post_created').on('civic_post').columns(['created_at']).execute();

    await db.schema
      .createTable('civic_reuse')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('image_url', 'text')
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reject_reason', 'text')
      .addColumn('moderated_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('moderated_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('civic_reuse_state').on('civic_reuse').columns(['state', 'created_at']).execute();

    await db.schema
      .createTable('civic_reuse_dataset')
      .addColumn('reuse_id', 'text', (c) => c.notNull().references('civic_reuse.id').onDelete('cascade'))
      .addColumn('dataset_id', 'text', (c) => c.notNull().references('data_dataset.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('civic_reuse_dataset_pk', ['reuse_id', 'dataset_id'])
      .execute();
    await db.schema.createIndex('civic_reuse_dataset_dataset').on('civic_reuse_dataset').columns(['dataset_id']).execute();
  },
};
