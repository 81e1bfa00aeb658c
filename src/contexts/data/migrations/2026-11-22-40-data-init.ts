import type { Migration } from '../../../core/db/migrator.js';

/**
 * The data catalogue: datasets (what, who, licence, coverage), their resources (a table, a link or an API, with a
 * stable id), and every version of a table resource (the uploaded file, how it was decoded, its Table Schema,
 * column profile, validation problems and the Parquet file in the lake). Versions are never overwritten.
 */
export const dataInit: Migration = {
  name: '2026-11-22-40-data-init',
  async up(db) {
    await db.schema
      .createTable('data_dataset')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title_ko', 'text')
      .addColumn('title_en', 'text')
      .addColumn('description_ko', 'text')
      .addColumn('description_en', 'text')
      .addColumn('publisher_id', 'text')
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull())
      .addColumn('licence', 'text', (c) => c.notNull())
      .addColumn('frequency', 'text', (c) => c.notNull())
      .addColumn('temporal_start', 'text')
      .addColumn('temporal_end', 'text')
      .addColumn('spatial', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_email', 'text')
      .addColumn('source_url', 'text')
      .addColumn('attribution', 'text')
      .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('data_dataset_publisher').on('data_dataset').columns(['publisher_id']).execute();
    await db.schema
      .createTable('data_resource')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dataset_id', 'text', (c) => c.notNull().references('data_dataset.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('format', 'text')
      .addColumn('description', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('latest_version', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('data_resource_dataset').on('data_resource').columns(['dataset_id', 'position']).execute();
    await db.schema
      .createTable('data_version')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('resource_id', 'text', (c) => c.notNull().references('data_resource.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source_name', 'text', (c) => c.notNull())
      .addColumn('source_bytes', 'integer', (c) => c.notNull())
      .addColumn('source_sha256', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('encoding', 'text')
      .addColumn('detection', 'text', (c) => c.notNull())
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('rows', 'integer', (c) => c.notNull())
      .addColumn('schema', 'text', (c) => c.notNull())
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('problems', 'text', (c) => c.notNull())
      .addColumn('parquet_path', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addUniqueConstraint('data_version_resource_version', ['resource_id', 'version'])
      .execute();
    await db.schema.createIndex('data_version_published').on('data_version').columns(['resource_id', 'status', 'published_at']).execute();
  },
};
