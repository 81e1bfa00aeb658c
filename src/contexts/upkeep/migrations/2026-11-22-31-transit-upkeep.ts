import type { Migration } from '../../../core/db/migrator.js';

/**
 * Upkeep of the station interiors by several organisations: who stewards what, change proposals with
 * evidence and photos, every station version, the change feed for apps and its webhook deliveries.
 */
export const transitUpkeep: Migration = {
  name: '2026-11-22-31-transit-upkeep',
  async up(db) {
    await db.schema
      .createTable('transit_steward')
      .addColumn('station_key', 'text', (c) => c.notNull()) // a station id, or '*' for every station
      .addColumn('attribute', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('accounts_organisation.id').onDelete('cascade'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('transit_steward_pk', ['station_key', 'attribute'])
      .execute();
    await db.schema
      .createTable('transit_station_version')
      .addColumn('station_id', 'text', (c) => c.notNull().references('transit_station.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('feed', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull()) // baseline | proposal | revert
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('proposal_id', 'text')
      .addColumn('restored_version', 'integer')
      .addColumn('verified_at', 'text')
      .addColumn('verified_by_org', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('transit_station_version_pk', ['station_id', 'version'])
      .execute();
    await db.schema
      .createTable('transit_proposal')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('station_id', 'text', (c) => c.notNull().references('transit_station.id').onDelete('cascade'))
      .addColumn('base_version', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // pending | changes_requested | approved | rejected
      .addColumn('source', 'text', (c) => c.notNull()) // survey | editor | api
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('ops', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('attributes', 'text', (c) => c.notNull())
      .addColumn('approvals', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text') // a device draft's id: a survey sent twice (offline outbox) makes one proposal
      .addColumn('review_reason', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('result_version', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('transit_proposal_client').unique().on('transit_proposal').columns(['author_id', 'client_id']).execute();
    await db.schema.createIndex('transit_proposal_station').on('transit_proposal').columns(['station_id', 'status']).execute();
    await db.schema
      .createTable('transit_photo')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('station_id', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('caption', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('transit_change')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull()) // station_version | facility_status
      .addColumn('station_id', 'text', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('transit_webhook')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text')
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('transit_webhook_delivery')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('webhook_id', 'text', (c) => c.notNull().references('transit_webhook.id').onDelete('cascade'))
      .addColumn('change_seq', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // pending | delivered | failed
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('last_status', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('delivered_at', 'text')
      .addUniqueConstraint('transit_webhook_delivery_once', ['webhook_id', 'change_seq'])
      .execute();
    await db.schema.createIndex('transit_webhook_delivery_due').on('transit_webhook_delivery').columns(['status', 'next_attempt_at']).execute();
    await db.schema
      .createTable('transit_status_feed')
      .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('accounts_organisation.id').onDelete('cascade'))
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_received_at', 'text')
      .execute();
    await db.schema
      .createTable('transit_report')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('station_id', 'text', (c) => c.notNull().references('transit_station.id').onDelete('cascade'))
      .addColumn('problem', 'text', (c) => c.notNull())
      .addColumn('facility_id', 'text')
      .addColumn('note', 'text')
      .addColumn('author_id', 'text')
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // open | confirmed | not_confirmed
      .addColumn('resolved_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
