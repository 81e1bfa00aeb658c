import type { Migration } from '../../../core/db/migrator.js';

/**
 * Feeds that cannot be replayed or disagree (issue 19): every accepted signed push is kept (a replay is refused),
 * an operator's last push sequence, each live status with the time its source observed it, the moment a live
 * status went stale (append-only, once per observed status), the state of each polled status API (backoff), and
 * the scope of a webhook (public changes for any developer; an organisation's private ones). Portable.
 */
export const transitFeedTrust: Migration = {
  name: '2026-12-07-38-transit-feed-trust',
  async up(db) {
    await db.schema
      .createTable('transit_status_push')
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('push_id', 'text', (c) => c.notNull()) // the push's own id, or `seq:<n>` when it gives only a sequence
      .addColumn('sequence', 'bigint')
      .addColumn('body_sha256', 'text', (c) => c.notNull())
      .addColumn('statuses', 'integer', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('transit_status_push_pk', ['organisation_id', 'push_id'])
      .execute();
    await db.schema.alterTable('transit_status_feed').addColumn('last_sequence', 'bigint').execute();
    await db.schema
      .createTable('transit_live_status')
      .addColumn('facility_id', 'text', (c) => c.primaryKey().references('transit_facility.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('observed_at', 'text', (c) => c.notNull()) // ISO UTC, as the source gives it: compared as text
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('transit_live_status_observed').on('transit_live_status').columns(['observed_at']).execute();
    await db.schema
      .createTable('transit_status_stale')
      .addColumn('facility_id', 'text', (c) => c.notNull())
      .addColumn('observed_at', 'text', (c) => c.notNull()) // the live status that went stale
      .addColumn('status', 'text', (c) => c.notNull()) // what it said before it went stale
      .addColumn('stale_since', 'text', (c) => c.notNull()) // observed_at + TRANSIT_STATUS_STALE_MINUTES: "unknown since …"
      .addColumn('change_seq', 'integer', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('transit_status_stale_pk', ['facility_id', 'observed_at'])
      .execute();
    await db.schema
      .createTable('transit_status_poll')
      .addColumn('service', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_attempt_at', 'text')
      .addColumn('last_ok_at', 'text')
      .addColumn('last_source_time', 'text')
      .addColumn('last_error', 'text')
      .addColumn('last_rows', 'integer')
      .execute();
    await db.schema
      .alterTable('transit_webhook')
      .addColumn('scope', 'text', (c) => c.notNull().defaultTo('public'))
      .execute();
  },
};
