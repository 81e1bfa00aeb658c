import type { Migration } from './migrator.js';

export const coreMigrations: Migration[] = [
  {
    name: '2026-11-22-00-core-init',
    async up(db) {
      await db.schema
        .createTable('core_audit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_label', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('request_id', 'text')
        .execute();
      await db.schema.createIndex('core_audit_at').on('core_audit').columns(['at']).execute();
      await db.schema.createIndex('core_audit_entity').on('core_audit').columns(['entity_type', 'entity_id']).execute();
      await db.schema
        .createTable('core_seed')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('core_search_doc')
        .addColumn('doc_type', 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('norm_text', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('core_search_doc_pk', ['doc_type', 'doc_id'])
        .execute();
      await db.schema
        .createTable('core_search_token')
        .addColumn('doc_type', 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('weight', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('core_search_token_pk', ['token', 'doc_type', 'doc_id'])
        .execute();
      await db.schema.createIndex('core_search_token_doc').on('core_search_token').columns(['doc_type', 'doc_id']).execute();
    },
  },
  {
    // Rate-limit counters shared by the replicas (core/http/rate-limit-store.ts).
    name: '2026-12-07-00-core-rate-limit',
    async up(db) {
      await db.schema
        .createTable('core_rate_limit')
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('core_rate_limit_pk', ['bucket', 'window_start'])
        .execute();
    },
  },
];
