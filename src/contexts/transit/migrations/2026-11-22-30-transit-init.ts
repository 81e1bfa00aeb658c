import type { Migration } from '../../../core/db/migrator.js';

export const transitInit: Migration = {
  name: '2026-11-22-30-transit-init',
  async up(db) {
    await db.schema
      .createTable('transit_station')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('feed', 'text', (c) => c.notNull())
      .addColumn('gtfs_stop_id', 'text')
      .addColumn('name_ko', 'text')
      .addColumn('name_en', 'text')
      .addColumn('name_zh', 'text')
      .addColumn('name_ja', 'text')
      .addColumn('name_romanised', 'text')
      .addColumn('lat', 'double precision')
      .addColumn('lon', 'double precision')
      .addColumn('wheelchair_boarding', 'integer')
      .addColumn('codes', 'text', (c) => c.notNull())
      .addColumn('provenance', 'text', (c) => c.notNull())
      .addColumn('extra', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('transit_station_feed').on('transit_station').columns(['feed', 'gtfs_stop_id']).execute();
    await db.schema
      .createTable('transit_line')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_ko', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('operator', 'text')
      .addColumn('sort', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('transit_station_line')
      .addColumn('station_id', 'text', (c) => c.notNull().references('transit_station.id').onDelete('cascade'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('transit_line.id').onDelete('cascade'))
      .addColumn('station_code', 'text')
      .addColumn('external_code', 'text')
      .addColumn('seq', 'integer')
      .addColumn('master_id', 'text')
      .addPrimaryKeyConstraint('transit_station_line_pk', ['station_id', 'line_id'])
      .execute();
    await db.schema
      .createTable('transit_transfer')
      .addColumn('station_id', 'text', (c) => c.notNull().references('transit_station.id').onDelete('cascade'))
      .addColumn('from_line_id', 'text', (c) => c.notNull())
      .addColumn('to_line_id', 'text', (c) => c.notNull())
      .addColumn('distance_m', 'double precision')
      .addColumn('time_s', 'integer')
      .addColumn('source', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('transit_transfer_pk', ['station_id', 'from_line_id', 'to_line_id'])
      .execute();
    await db.schema
      .createTable('transit_run')
      .addColumn('line_id', 'text', (c) => c.notNull())
      .addColumn('from_station_id', 'text', (c) => c.notNull())
      .addColumn('to_station_id', 'text', (c) => c.notNull())
      .addColumn('time_s', 'integer')
      .addColumn('distance_km', 'double precision')
      .addPrimaryKeyConstraint('transit_run_pk', ['line_id', 'from_station_id', 'to_station_id'])
      .execute();
    await db.schema
      .createTable('transit_facility')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('station_id', 'text', (c) => c.notNull().references('transit_station.id').onDelete('cascade'))
      .addColumn('line_id', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('location', 'text')
      .addColumn('levels', 'text')
      .addColumn('exit_no', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_row', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('transit_facility_station').on('transit_facility').columns(['station_id', 'type']).execute();
    await db.schema
      .createTable('transit_level')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('feed', 'text', (c) => c.notNull())
      .addColumn('station_id', 'text')
      .addColumn('level_id', 'text', (c) => c.notNull())
      .addColumn('level_index', 'double precision', (c) => c.notNull())
      .addColumn('level_name', 'text')
      .addColumn('extra', 'text', (c) => c.notNull())
      .addUniqueConstraint('transit_level_feed_id', ['feed', 'level_id'])
      .execute();
    await db.schema
      .createTable('transit_node')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('feed', 'text', (c) => c.notNull())
      .addColumn('station_id', 'text')
      .addColumn('stop_id', 'text', (c) => c.notNull())
      .addColumn('location_type', 'integer', (c) => c.notNull())
      .addColumn('parent_stop_id', 'text')
      .addColumn('level_id', 'text')
      .addColumn('name', 'text')
      .addColumn('code', 'text')
      .addColumn('platform_code', 'text')
      .addColumn('lat', 'double precision')
      .addColumn('lon', 'double precision')
      .addColumn('wheelchair_boarding', 'integer')
      .addColumn('extra', 'text', (c) => c.notNull())
      .addColumn('provenance', 'text', (c) => c.notNull())
      .addUniqueConstraint('transit_node_feed_stop', ['feed', 'stop_id'])
      .execute();
    await db.schema
      .createTable('transit_edge')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('feed', 'text', (c) => c.notNull())
      .addColumn('pathway_id', 'text', (c) => c.notNull())
      .addColumn('from_stop_id', 'text', (c) => c.notNull())
      .addColumn('to_stop_id', 'text', (c) => c.notNull())
      .addColumn('pathway_mode', 'integer', (c) => c.notNull())
      .addColumn('is_bidirectional', 'integer', (c) => c.notNull())
      .addColumn('length', 'double precision')
      .addColumn('traversal_time', 'integer')
      .addColumn('stair_count', 'integer')
      .addColumn('max_slope', 'double precision')
      .addColumn('min_width', 'double precision')
      .addColumn('signposted_as', 'text')
      .addColumn('reversed_signposted_as', 'text')
      .addColumn('extra', 'text', (c) => c.notNull())
      .addColumn('provenance', 'text', (c) => c.notNull())
      .addUniqueConstraint('transit_edge_feed_pathway', ['feed', 'pathway_id'])
      .execute();
    await db.schema
      .createTable('transit_import')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .execute();
  },
};
