import { sql } from 'kysely';
import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { EdgeRow, LevelRow, NodeRow } from './tables.js';
import './tables.js';

/** Station interiors: levels, nodes (GTFS stops 0/2/3/4) and edges (pathways), each in a feed. */

/** The provenance of each node of a station. */
export const listStationNodeProvenance = (db: DbOrTx, stationId: string) =>
  db.selectFrom('transit_node').select('provenance').where('station_id', '=', stationId).execute();

/** The station and provenance of every node that belongs to a station (the network map). */
export const listNodeProvenance = (db: DbOrTx) =>
  db.selectFrom('transit_node').select(['station_id', 'provenance']).where('station_id', 'is not', null).execute();

/** The number of interior nodes: part of the network map's status version. */
export const countNodes = (db: DbOrTx) =>
  db
    .selectFrom('transit_node')
    .select([sql<number>`count(*)`.as('n')])
    .executeTakeFirstOrThrow();

/** The nodes of the given stations, whole rows. */
export const listNodesOfStations = (db: DbOrTx, stationIds: string[]) =>
  db.selectFrom('transit_node').selectAll().where('station_id', 'in', stationIds).execute();

/** The levels of the given stations, whole rows. */
export const listLevelsOfStations = (db: DbOrTx, stationIds: string[]) =>
  db.selectFrom('transit_level').selectAll().where('station_id', 'in', stationIds).execute();

/** The edges of a feed that leave the given stops. */
export const listEdgesFrom = (db: DbOrTx, feed: string, fromStopIds: string[]) =>
  db.selectFrom('transit_edge').selectAll().where('feed', '=', feed).where('from_stop_id', 'in', fromStopIds).execute();

/** The ids of the stations with an interior (a node other than the station itself). */
export const listStationsWithInterior = async (db: DbOrTx) =>
  (await db.selectFrom('transit_node').select('station_id').distinct().where('location_type', '!=', 1).where('station_id', 'is not', null).execute()).map(
    (r) => r.station_id!,
  );

/** The pathways that name the facility they use (`extra.facilityId`), by pathway id. */
export const listFacilityPathways = (db: DbOrTx) =>
  db
    .selectFrom('transit_edge')
    .select(['pathway_id', 'from_stop_id', 'to_stop_id', 'extra'])
    .where('extra', 'like', '%"facilityId"%')
    .orderBy('pathway_id')
    .execute();

const BATCH = 200;

/** A station's interior as stored: levels, nodes and edges of one feed. */
export interface StationInteriorRows {
  levels: LevelRow[];
  nodes: NodeRow[];
  edges: EdgeRow[];
}

/** A station's interior rows as stored now, and the feed they belong to (a new interior goes to the pilot feed). */
export async function loadStationInteriorRows(db: DbOrTx, stationId: string, newFeed: string): Promise<{ feed: string; rows: StationInteriorRows }> {
  const station = await db.selectFrom('transit_station').selectAll().where('id', '=', stationId).executeTakeFirst();
  if (!station) throw notFound('station');
  const nodes = await db.selectFrom('transit_node').selectAll().where('station_id', '=', stationId).orderBy('stop_id').execute();
  const feed = nodes.find((n) => n.location_type !== 1)?.feed ?? newFeed;
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

/** Replaces a station's interior rows in a feed with `rows` (inside the caller's transaction). */
export async function replaceStationInteriorRows(tx: DbOrTx, stationId: string, feed: string, rows: StationInteriorRows): Promise<void> {
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
