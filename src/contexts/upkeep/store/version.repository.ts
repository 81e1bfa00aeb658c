import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { StationVersionRow } from './tables.js';
import './tables.js';

/** Station versions: every approved change, revert and survey of a station interior, as a full snapshot. */

export const latestVersion = (db: DbOrTx, stationId: string) =>
  db.selectFrom('transit_station_version').selectAll().where('station_id', '=', stationId).orderBy('version', 'desc').limit(1).executeTakeFirst();

export async function loadVersion(db: DbOrTx, stationId: string, version: number): Promise<StationVersionRow> {
  const row = await db.selectFrom('transit_station_version').selectAll().where('station_id', '=', stationId).where('version', '=', version).executeTakeFirst();
  if (!row) throw notFound('station_version');
  return row;
}

export const insertVersion = (tx: DbOrTx, row: StationVersionRow) => tx.insertInto('transit_station_version').values(row).execute();

/** The versions of the given stations (what sets GTFS position sources), by station and version; 500 stations a query. */
export async function listStationVersionsOf(db: DbOrTx, stationIds: string[]) {
  const out: Array<Pick<StationVersionRow, 'station_id' | 'version' | 'kind' | 'restored_version' | 'verified_at' | 'snapshot'>> = [];
  for (let i = 0; i < stationIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('transit_station_version')
        .select(['station_id', 'version', 'kind', 'restored_version', 'verified_at', 'snapshot'])
        .where('station_id', 'in', stationIds.slice(i, i + 500))
        .orderBy('station_id')
        .orderBy('version')
        .execute()),
    );
  }
  return out;
}

/** A station's versions, newest first, without their snapshots. */
export const listVersionsOfStation = (db: DbOrTx, stationId: string) =>
  db
    .selectFrom('transit_station_version')
    .select(['version', 'kind', 'summary', 'proposal_id', 'restored_version', 'verified_at', 'created_at', 'created_by', 'verified_by_org'])
    .where('station_id', '=', stationId)
    .orderBy('version', 'desc')
    .execute();

/** The latest version of a station verified in the field: when, and by which organisation. */
export const findLatestVerified = (db: DbOrTx, stationId: string) =>
  db
    .selectFrom('transit_station_version')
    .select(['verified_at', 'verified_by_org'])
    .where('station_id', '=', stationId)
    .where('verified_at', 'is not', null)
    .orderBy('verified_at', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Every version's station, number and verification (the coverage page). */
export const listAllVersionMarks = (db: DbOrTx) =>
  db.selectFrom('transit_station_version').select(['station_id', 'version', 'verified_at', 'verified_by_org']).execute();
