import { sql } from 'kysely';
import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';

/** Station facilities (lifts, escalators, wheelchair lifts …) from the Seoul lists, with their status. */

/** The current status of each of the given facilities. */
export const listFacilityStatuses = (db: DbOrTx, ids: string[]) => db.selectFrom('transit_facility').select(['id', 'status']).where('id', 'in', ids).execute();

/** The status, its details (`statusSince` …) of each of the given facilities. */
export const listFacilityStatusDetails = (db: DbOrTx, ids: string[]) =>
  db.selectFrom('transit_facility').select(['id', 'status', 'details']).where('id', 'in', ids).execute();

/** One facility, whole row. */
export const findFacility = (db: DbOrTx, id: string) => db.selectFrom('transit_facility').selectAll().where('id', '=', id).executeTakeFirst();

/** Writes a facility's status, its details and when. */
export const updateFacilityStatus = (db: DbOrTx, id: string, set: { status: string; details: string; updated_at: string }) =>
  db.updateTable('transit_facility').set(set).where('id', '=', id).execute();

/** The elevators of one line at a station: status and levels. */
export const listLineElevators = (db: DbOrTx, stationId: string, lineId: string) =>
  db
    .selectFrom('transit_facility')
    .select(['status', 'levels'])
    .where('station_id', '=', stationId)
    .where('type', '=', 'elevator')
    .where('line_id', '=', lineId)
    .execute();

/** The elevators of a station with their details (positions, names). */
export const listStationElevatorDetails = (db: DbOrTx, stationId: string) =>
  db.selectFrom('transit_facility').select(['id', 'details']).where('station_id', '=', stationId).where('type', '=', 'elevator').execute();

/** The facilities of the given types at a station (what the journey's ends describe). */
export const listStationFacilitiesOfTypes = (db: DbOrTx, stationId: string, types: string[]) =>
  db
    .selectFrom('transit_facility')
    .select(['id', 'type', 'name', 'status', 'location', 'levels', 'exit_no', 'details', 'source', 'line_id'])
    .where('station_id', '=', stationId)
    .where('type', 'in', types)
    .execute();

/** A station's facilities as the unplaced list reads them, by type, line, name, id. */
export const listStationFacilitiesForPlacing = (db: DbOrTx, stationId: string) =>
  db
    .selectFrom('transit_facility')
    .select(['id', 'type', 'name', 'line_id', 'levels', 'location', 'details'])
    .where('station_id', '=', stationId)
    .orderBy('type')
    .orderBy('line_id')
    .orderBy('name')
    .orderBy('id')
    .execute();

/** A station's facilities, whole rows, in the order of their source rows. */
export const listStationFacilitiesBySource = (db: DbOrTx, stationId: string) =>
  db.selectFrom('transit_facility').selectAll().where('station_id', '=', stationId).orderBy('source').orderBy('source_row').execute();

/** Every facility with its station's Korean name, for the CSV export. */
export const listFacilitiesWithStation = (db: DbOrTx) =>
  db
    .selectFrom('transit_facility as f')
    .innerJoin('transit_station as s', 's.id', 'f.station_id')
    .select([
      'f.id',
      'f.station_id',
      's.name_ko',
      'f.line_id',
      'f.type',
      'f.name',
      'f.status',
      'f.location',
      'f.levels',
      'f.exit_no',
      'f.source',
      'f.source_row',
    ])
    .orderBy('f.station_id')
    .orderBy('f.type')
    .orderBy('f.id')
    .execute();

/** Every elevator's station, status and details (the network map). */
export const listElevatorStatuses = (db: DbOrTx) =>
  db.selectFrom('transit_facility').select(['station_id', 'status', 'details']).where('type', '=', 'elevator').execute();

/** The latest facility write and the number of facilities: part of the network map's status version. */
export const facilityWriteMark = (db: DbOrTx) =>
  db
    .selectFrom('transit_facility')
    .select([sql<string | null>`max(updated_at)`.as('at'), sql<number>`count(*)`.as('n')])
    .executeTakeFirstOrThrow();

/** A facility's id when it belongs to that station. */
export const findFacilityOfStation = (db: DbOrTx, facilityId: string, stationId: string) =>
  db.selectFrom('transit_facility').select('id').where('id', '=', facilityId).where('station_id', '=', stationId).executeTakeFirst();

/** The facilities of the given types at a station, for a form to choose from (by type, then name). */
export const listStationFacilityChoices = (db: DbOrTx, stationId: string, types: string[]) =>
  db
    .selectFrom('transit_facility')
    .select(['id', 'type', 'name', 'location', 'status'])
    .where('station_id', '=', stationId)
    .where('type', 'in', types)
    .orderBy('type')
    .orderBy('name')
    .execute();

/** Every elevator's status, details and source (where its status comes from). */
export const listElevatorSources = (db: DbOrTx) =>
  db.selectFrom('transit_facility').select(['status', 'details', 'source']).where('type', '=', 'elevator').execute();

/** The facilities one source file listed: id, name, details. */
export const listFacilitiesFromSource = (db: DbOrTx, source: string) =>
  db.selectFrom('transit_facility').select(['id', 'name', 'details']).where('source', '=', source).execute();

/** The names and statuses of the given facilities, by id (one query). */
export async function facilityNames(db: DbOrTx, ids: Iterable<string>) {
  const wanted = [...new Set(ids)];
  const rows = wanted.length
    ? await db.selectFrom('transit_facility').select(['id', 'type', 'name', 'location', 'status']).where('id', 'in', wanted).execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The station, type, name and details of the given facilities, by id (one query). */
export async function facilityFacts(db: DbOrTx, ids: Iterable<string>) {
  const wanted = [...new Set(ids)];
  const rows = wanted.length
    ? await db.selectFrom('transit_facility').select(['id', 'station_id', 'type', 'name', 'details']).where('id', 'in', wanted).execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}
