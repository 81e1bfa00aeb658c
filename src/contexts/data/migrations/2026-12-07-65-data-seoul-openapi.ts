import type { Migration } from '../../../core/db/migrator.js';

/**
 * The Seoul Open API shim's own records: per dataset, the Plaza's service name and field codes (aliases a
 * publisher sets, so apps written for data.seoul.go.kr keep their URLs), and the read-only keys the platform
 * issues for that URL form (the key travels in the path, as on the Plaza, so it is never an account's API key).
 */
export const dataSeoulOpenApi: Migration = {
  name: '2026-12-07-65-data-seoul-openapi',
  async up(db) {
    await db.schema
      .createTable('data_seoul_service')
      .addColumn('service', 'text', (c) => c.primaryKey())
      .addColumn('dataset_id', 'text', (c) => c.notNull().references('data_dataset.id').onDelete('cascade'))
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.references('accounts_user.id').onDelete('set null'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('data_seoul_service_dataset').on('data_seoul_service').columns(['dataset_id']).unique().execute();
    await db.schema
      .createTable('data_openapi_key')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('accounts_user.id').onDelete('cascade'))
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('data_openapi_key_user').on('data_openapi_key').columns(['user_id']).execute();
  },
};
