import type { Migration } from '../../../core/db/migrator.js';

/**
 * Reports: how each came (web form, report API, Open311), indexes for the public lists per station and per
 * operator, and the one permission model: reports already received are answered, like new ones, by any member
 * of the steward organisation (the people who review its proposals), not only by its platform officials.
 */
export const transitReportChannel: Migration = {
  name: '2026-12-07-37-transit-report-channel',
  async up(db) {
    await db.schema
      .alterTable('transit_report')
      .addColumn('channel', 'text', (c) => c.notNull().defaultTo('web'))
      .execute();
    await db.schema.createIndex('transit_report_station').on('transit_report').columns(['station_id', 'created_at']).execute();
    await db.schema.createIndex('transit_report_organisation').on('transit_report').columns(['organisation_id', 'created_at']).execute();
    await db.updateTable('accountability_item').set({ answered_by: 'members' }).where('kind_id', '=', 'transit.station_report').execute();
  },
};
