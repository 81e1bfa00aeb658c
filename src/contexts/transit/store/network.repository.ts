import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/** The Seoul network as imported: lines, rider lines, station–line pairs, transfers, runs and the import log. */

const BATCH = 200;

/** Inserts rows into one of the network's tables, 200 at a time. */
export async function insertNetworkRows<T extends object>(db: DbOrTx, table: string, rows: T[]) {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto(table as never)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
}

/**
 * Deletes a feed's stations with their facilities, lines, rider lines, transfers and runs, and every line and
 * rider line (the Seoul import replaces them all). Call inside a transaction.
 */
export async function deleteFeedNetwork(tx: DbOrTx, feed: string) {
  const old = tx.selectFrom('transit_station').select('id').where('feed', '=', feed);
  await tx.deleteFrom('transit_facility').where('station_id', 'in', old).execute();
  await tx.deleteFrom('transit_station_line').where('station_id', 'in', old).execute();
  await tx.deleteFrom('transit_station_rider_line').where('station_id', 'in', old).execute();
  await tx.deleteFrom('transit_transfer').where('station_id', 'in', old).execute();
  await tx.deleteFrom('transit_run').where('from_station_id', 'in', old).execute();
  await tx.deleteFrom('transit_station').where('feed', '=', feed).execute();
  await tx.deleteFrom('transit_line').execute();
  await tx.deleteFrom('transit_rider_line').execute();
}

/** Logs an import. */
export const insertImport = (db: DbOrTx, row: { id: string; source: string; at: string; summary: string }) =>
  db.insertInto('transit_import').values(row).execute();

/** The latest import from a source. */
export const findLatestImport = (db: DbOrTx, source: string) =>
  db.selectFrom('transit_import').selectAll().where('source', '=', source).orderBy('at', 'desc').executeTakeFirst();

/** The network map's rows: stations with a position, rider lines, station–rider-line and station–line pairs. */
export const loadNetworkMapRows = (db: DbOrTx) =>
  Promise.all([
    db
      .selectFrom('transit_station')
      .select(['id', 'name_ko', 'name_en', 'lat', 'lon'])
      .where('lat', 'is not', null)
      .where('lon', 'is not', null)
      .orderBy('id')
      .execute(),
    db.selectFrom('transit_rider_line').select(['id', 'name_ko', 'name_en']).orderBy('sort').execute(),
    db.selectFrom('transit_station_rider_line').select(['station_id', 'rider_line_id', 'line_ids']).execute(),
    db.selectFrom('transit_station_line').select(['line_id', 'station_id', 'seq', 'external_code']).execute(),
  ]);

/** What a pilot interior is derived from: a station's lines (by id), transfers and runs to its neighbours. */
export const loadStationLinks = (db: DbOrTx, stationId: string) =>
  Promise.all([
    db.selectFrom('transit_station_line').select('line_id').where('station_id', '=', stationId).orderBy('line_id').execute(),
    db.selectFrom('transit_transfer').selectAll().where('station_id', '=', stationId).orderBy('from_line_id').orderBy('to_line_id').execute(),
  ]);

/** The runs to and from a station, with both ends' Korean names. */
export const listRunsOf = (db: DbOrTx, stationId: string) =>
  db
    .selectFrom('transit_run as r')
    .innerJoin('transit_station as a', 'a.id', 'r.from_station_id')
    .innerJoin('transit_station as b', 'b.id', 'r.to_station_id')
    .select(['r.line_id', 'r.from_station_id', 'r.to_station_id', 'a.name_ko as from_name', 'b.name_ko as to_name'])
    .where((eb) => eb.or([eb('r.from_station_id', '=', stationId), eb('r.to_station_id', '=', stationId)]))
    .orderBy('r.line_id')
    .orderBy('r.from_station_id')
    .orderBy('r.to_station_id')
    .execute();
