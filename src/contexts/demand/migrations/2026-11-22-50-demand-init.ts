import type { Migration } from '../../../core/db/migrator.js';

/** Data requests, their supporters (district and group) and the published priority rubric. */
export const demandInit: Migration = {
  name: '2026-11-22-50-demand-init',
  async up(db) {
    await db.schema
      .createTable('demand_request')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('author_id', 'text', (c) => c.notNull().references('accounts_user.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('title_key', 'text', (c) => c.notNull())
      .addColumn('why', 'text', (c) => c.notNull())
      .addColumn('use_type', 'text', (c) => c.notNull())
      .addColumn('use_description', 'text', (c) => c.notNull())
      // What the requester chose (null: "I don't know"), and the department that answers (the triage division then).
      .addColumn('suggested_organisation_id', 'text', (c) => c.references('accounts_organisation.id').onDelete('set null'))
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('accounts_organisation.id'))
      .addColumn('feasibility', 'integer')
      .addColumn('reuse_potential', 'integer')
      .addColumn('assessed_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('assessed_at', 'text')
      .addColumn('decision', 'text')
      .addColumn('publish_by', 'text')
      .addColumn('partial_what', 'text')
      .addColumn('decline_reason', 'text')
      .addColumn('decline_text', 'text')
      .addColumn('decided_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('decided_at', 'text')
      .addColumn('dataset_id', 'text', (c) => c.references('data_dataset.id').onDelete('set null'))
      .addColumn('linked_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('published_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('demand_request_author_title').on('demand_request').columns(['author_id', 'title_key']).unique().execute();
    await db.schema.createIndex('demand_request_organisation').on('demand_request').columns(['organisation_id', 'created_at']).execute();
    await db.schema.createIndex('demand_request_created').on('demand_request').columns(['created_at']).execute();

    await db.schema
      .createTable('demand_support')
      .addColumn('request_id', 'text', (c) => c.notNull().references('demand_request.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('district', 'text', (c) => c.notNull())
      .addColumn('supporter_group', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('demand_support_pk', ['request_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('demand_rubric')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('weight_support', 'integer', (c) => c.notNull())
      .addColumn('weight_representativeness', 'integer', (c) => c.notNull())
      .addColumn('weight_feasibility', 'integer', (c) => c.notNull())
      .addColumn('weight_reuse', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
