import type { Migration } from '../../../core/db/migrator.js';

/**
 * Lines under the names riders use (1호선, 수인분당선, 공항철도 …) beside the railway sections of the station master
 * (경부선, 분당선, 공항철도1호선 …), which stay the line ids routing uses. Which rider lines serve a station depends on
 * the station (경원선 is 1호선 at 광운대 and 경의중앙선 at 옥수), so the link is per station. Portable: both dialects.
 */
export const transitRiderLines: Migration = {
  name: '2026-11-22-35-transit-rider-lines',
  async up(db) {
    await db.schema
      .createTable('transit_rider_line')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_ko', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('aliases', 'text', (c) => c.notNull()) // JSON array: the section names it runs on (경부선 …), searchable
      .addColumn('sort', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('transit_station_rider_line')
      .addColumn('station_id', 'text', (c) => c.notNull().references('transit_station.id').onDelete('cascade'))
      .addColumn('rider_line_id', 'text', (c) => c.notNull().references('transit_rider_line.id').onDelete('cascade'))
      .addColumn('line_ids', 'text', (c) => c.notNull()) // JSON array of transit_line ids it runs on at this station
      .addColumn('also_called', 'text', (c) => c.notNull()) // JSON array of legal names at this station
      .addColumn('basis', 'text', (c) => c.notNull()) // molit | section
      .addPrimaryKeyConstraint('transit_station_rider_line_pk', ['station_id', 'rider_line_id'])
      .execute();
    await db.schema.createIndex('transit_station_rider_line_line').on('transit_station_rider_line').columns(['rider_line_id']).execute();
  },
};
