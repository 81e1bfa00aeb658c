import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { type NodeRow, PILOT_FEED } from '../../transit/index.js';
import type { InteriorRows } from './interior-model.js';
import type { StationVersionRow } from '../store/tables.js';

const BATCH = 200;

/** A station's interior rows as stored now, and the feed they belong to (a new interior goes to the pilot feed). */
export async function loadStationRows(db: DbOrTx, stationId: string): Promise<{ feed: string; rows: InteriorRows }> {
  const station = await db.selectFrom('transit_station').selectAll().where('id', '=', stationId).executeTakeFirst();
  if (!station) throw notFound('station');
  const nodes = await db.selectFrom('transit_node').selectAll().where('station_id', '=', stationId).orderBy('stop_id').execute();
  const feed = nodes.find((n) => n.location_type !== 1)?.feed ?? PILOT_FEED;
  const own = nodes.filter((n) => n.feed === feed);
  if (!own.some((n) => n.location_type === 1)) {
    const root: NodeRow = {
      id: `${feed}:${stationId}`,
      feed,
      station_id: stationId,
      stop_id: stationId,
      location_type: 1,
      parent_stop_id: null,
      level_id: null,
      name: station.name_ko,
      code: null,
      platform_code: null,
      lat: station.lat,
      lon: station.lon,
      wheelchair_boarding: null,
      extra: '{}',
      provenance: JSON.stringify({ source: 'transit_station' }),
    };
    own.unshift(root);
  }
  const stopIds = own.map((n) => n.stop_id);
  const [levels, edges] = await Promise.all([
    db.selectFrom('transit_level').selectAll().where('feed', '=', feed).where('station_id', '=', stationId).orderBy('level_id').execute(),
    stopIds.length
      ? db.selectFrom('transit_edge').selectAll().where('feed', '=', feed).where('from_stop_id', 'in', stopIds).orderBy('pathway_id').execute()
      : [],
  ]);
  return { feed, rows: { levels, nodes: own, edges } };
}

/** Replaces a station's interior rows with `rows` (inside the caller's transaction). */
export async function writeStationRows(tx: DbOrTx, stationId: string, feed: string, rows: InteriorRows): Promise<void> {
  const old = await tx.selectFrom('transit_node').select('stop_id').where('feed', '=', feed).where('station_id', '=', stationId).execute();
  const ids = old.map((n) => n.stop_id);
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    await tx
      .deleteFrom('transit_edge')
      .where('feed', '=', feed)
      .where((eb) => eb.or([eb('from_stop_id', 'in', chunk), eb('to_stop_id', 'in', chunk)]))
      .execute();
  }
  await tx.deleteFrom('transit_node').where('feed', '=', feed).where('station_id', '=', stationId).execute();
  await tx.deleteFrom('transit_level').where('feed', '=', feed).where('station_id', '=', stationId).execute();
  for (const [table, list] of [
    ['transit_level', rows.levels],
    ['transit_node', rows.nodes],
    ['transit_edge', rows.edges],
  ] as const) {
    for (let i = 0; i < list.length; i += BATCH)
      await tx
        .insertInto(table)
        .values(list.slice(i, i + BATCH) as never)
        .execute();
  }
}

export const latestVersion = (db: DbOrTx, stationId: string) =>
  db.selectFrom('transit_station_version').selectAll().where('station_id', '=', stationId).orderBy('version', 'desc').limit(1).executeTakeFirst();

export async function loadVersion(db: DbOrTx, stationId: string, version: number): Promise<StationVersionRow> {
  const row = await db.selectFrom('transit_station_version').selectAll().where('station_id', '=', stationId).where('version', '=', version).executeTakeFirst();
  if (!row) throw notFound('station_version');
  return row;
}

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
  await tx.insertInto('transit_station_version').values(row).execute();
  return row;
}
