import type { DbOrTx } from '../../../core/db/database.js';
import { loadStationInteriorRows, PILOT_FEED, replaceStationInteriorRows } from '../../transit/index.js';
import { insertVersion, latestVersion, loadVersion } from '../store/version.repository.js';
import type { InteriorRows } from './interior-model.js';
import type { StationVersionRow } from '../store/tables.js';

/** A station's interior rows as stored now, and the feed they belong to (a new interior goes to the pilot feed). */
export const loadStationRows = (db: DbOrTx, stationId: string): Promise<{ feed: string; rows: InteriorRows }> =>
  loadStationInteriorRows(db, stationId, PILOT_FEED);

/** Replaces a station's interior rows with `rows` (inside the caller's transaction). */
export const writeStationRows = (tx: DbOrTx, stationId: string, feed: string, rows: InteriorRows): Promise<void> =>
  replaceStationInteriorRows(tx, stationId, feed, rows);

export { latestVersion, loadVersion };

export const snapshotOf = (v: { snapshot: string }) => JSON.parse(v.snapshot) as InteriorRows;

/**
 * The station's current version; the first time, version 1 is recorded from the rows as they are (derived from
 * open data or imported), so that every later change has something to diff against and revert to.
 */
export async function ensureBaseline(tx: DbOrTx, stationId: string, at: string): Promise<StationVersionRow> {
  const latest = await latestVersion(tx, stationId);
  if (latest) return latest;
  const { feed, rows } = await loadStationRows(tx, stationId);
  const hasInterior = rows.nodes.some((n) => n.location_type !== 1);
  const row: StationVersionRow = {
    station_id: stationId,
    version: 1,
    feed,
    kind: 'baseline',
    snapshot: JSON.stringify(rows),
    summary: hasInterior ? 'Interior as derived from open data or imported (before any reviewed change)' : 'No interior yet',
    proposal_id: null,
    restored_version: null,
    verified_at: null,
    verified_by_org: null,
    created_by: null,
    created_at: at,
  };
  await insertVersion(tx, row);
  return row;
}
