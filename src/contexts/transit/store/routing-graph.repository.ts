import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/** The rows the routing service builds its graphs from (transit/routing/routing-service.ts), and its change stamp. */

/** The newest facility update and import: with upkeep's latest change, the stamp that tells SQLite's cache it is stale. */
export const routingChangeStamp = async (db: DbOrTx) => {
  const [facility, imported] = await Promise.all([
    db
      .selectFrom('transit_facility')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('transit_import')
      .select((eb) => eb.fn.max('at').as('at'))
      .executeTakeFirst(),
  ]);
  return { facilityAt: facility?.at ?? null, importAt: imported?.at ?? null };
};

export const findStationRow = (db: DbOrTx, stationId: string) => db.selectFrom('transit_station').selectAll().where('id', '=', stationId).executeTakeFirst();

export const listStationNodes = (db: DbOrTx, stationId: string) => db.selectFrom('transit_node').selectAll().where('station_id', '=', stationId).execute();

/** A station's levels, the pathways leaving its stops, and its facilities with their status. */
export const loadStationGraphRows = (db: DbOrTx, stationId: string, feeds: string[], stopIds: string[]) =>
  Promise.all([
    db.selectFrom('transit_level').selectAll().where('feed', 'in', feeds).execute(),
    db.selectFrom('transit_edge').selectAll().where('feed', 'in', feeds).where('from_stop_id', 'in', stopIds).execute(),
    db.selectFrom('transit_facility').select(['id', 'type', 'name', 'status', 'details']).where('station_id', '=', stationId).execute(),
  ]);

/** A whole imported GTFS feed: its nodes, levels and pathways. */
export const loadFeedGraphRows = (db: DbOrTx, feed: string) =>
  Promise.all([
    db.selectFrom('transit_node').selectAll().where('feed', '=', feed).execute(),
    db.selectFrom('transit_level').selectAll().where('feed', '=', feed).execute(),
    db.selectFrom('transit_edge').selectAll().where('feed', '=', feed).execute(),
  ]);

/** The network between stations: a feed's stations, line orders, transfers, measured runs, and the stations with interiors. */
export const loadNetworkRows = (db: DbOrTx, feed: string) =>
  Promise.all([
    db.selectFrom('transit_station').select(['id', 'name_ko', 'lat', 'lon']).where('feed', '=', feed).execute(),
    db.selectFrom('transit_station_line').select(['station_id', 'line_id', 'seq']).execute(),
    db.selectFrom('transit_transfer').selectAll().execute(),
    db.selectFrom('transit_run').selectAll().execute(),
    db.selectFrom('transit_node').select('station_id').distinct().where('location_type', '=', 0).where('station_id', 'is not', null).execute(),
  ]);

/** The latest import of a source (the GTFS export names it). */
export const latestImport = (db: DbOrTx, source: string) =>
  db.selectFrom('transit_import').selectAll().where('source', '=', source).orderBy('at', 'desc').executeTakeFirst();

/** The station a feed's stop belongs to (the CLI starts a route from a stop id). */
export const stationOfStop = async (db: DbOrTx, feed: string, stopId: string) =>
  (await db.selectFrom('transit_node').select('station_id').where('feed', '=', feed).where('stop_id', '=', stopId).executeTakeFirst())?.station_id ?? null;
