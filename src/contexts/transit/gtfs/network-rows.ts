import type { DbOrTx } from '../../../core/db/database.js';
import { listEdgesFrom, listLevelsOfStations, listNodesOfStations } from '../store/interior.repository.js';
import { listFeedStations } from '../store/station.repository.js';
import type { EdgeRow, LevelRow, NodeRow, StationRow } from '../store/tables.js';
import { NETWORK_FEED } from './feed-name.js';

const BATCH = 500;

export interface NetworkRows {
  stations: StationRow[];
  /** Stations first (one stop each, from transit_station), then each station's interior. */
  nodes: NodeRow[];
  levels: LevelRow[];
  edges: EdgeRow[];
}

/** A station of the Seoul import as a GTFS station stop (location_type 1): its id, Korean name and position. */
export const stationNode = (s: StationRow): NodeRow => ({
  id: `${s.feed}:${s.id}`,
  feed: s.feed,
  station_id: s.id,
  stop_id: s.id,
  location_type: 1,
  parent_stop_id: null,
  level_id: null,
  name: s.name_ko ?? s.name_en ?? s.name_romanised,
  code: null,
  platform_code: null,
  lat: s.lat,
  lon: s.lon,
  wheelchair_boarding: s.wheelchair_boarding,
  extra: '{}',
  provenance: s.provenance,
});

async function inChunks<T>(ids: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(...(await query(ids.slice(i, i + BATCH))));
  return out;
}

/**
 * The whole Seoul network as feed rows: every station of the Seoul import, and the interior of every station
 * that has one (derived from open data, or edited since), whatever feed holds it. A station's interior is
 * the feed its non-station nodes are in, the same choice the interior editor makes (upkeep/interior-store.ts);
 * the interior's own station node gives way to the station row, so that each station is one stop.
 */
export async function loadNetworkRows(db: DbOrTx): Promise<NetworkRows> {
  const stations = await listFeedStations(db, NETWORK_FEED);
  const ids = stations.map((s) => s.id);
  const [allNodes, allLevels] = await Promise.all([
    inChunks(ids, (chunk) => listNodesOfStations(db, chunk)),
    inChunks(ids, (chunk) => listLevelsOfStations(db, chunk)),
  ]);
  const byStation = new Map<string, NodeRow[]>();
  for (const n of allNodes.sort((a, b) => cmp(a.stop_id, b.stop_id))) byStation.set(n.station_id!, [...(byStation.get(n.station_id!) ?? []), n]);
  const feedOf = new Map<string, string>();
  for (const [station, nodes] of byStation) {
    const feed = nodes.find((n) => n.location_type !== 1)?.feed;
    if (feed) feedOf.set(station, feed);
  }
  const nodes: NodeRow[] = stations.map(stationNode);
  for (const s of stations) {
    const feed = feedOf.get(s.id);
    if (!feed) continue;
    nodes.push(
      ...byStation
        .get(s.id)!
        .filter((n) => n.feed === feed && n.location_type !== 1)
        .sort((a, b) => a.location_type - b.location_type || cmp(a.stop_id, b.stop_id)),
    );
  }
  const levels = allLevels
    .filter((l) => feedOf.get(l.station_id!) === l.feed)
    .sort((a, b) => cmp(a.station_id!, b.station_id!) || b.level_index - a.level_index);
  // Pathways of each interior's feed between two of its nodes.
  const inside = new Set(nodes.filter((n) => n.location_type !== 1).map((n) => `${n.feed}|${n.stop_id}`));
  const edges: EdgeRow[] = [];
  for (const feed of [...new Set(feedOf.values())].sort()) {
    const stops = nodes.filter((n) => n.feed === feed && n.location_type !== 1).map((n) => n.stop_id);
    const found = await inChunks(stops, (chunk) => listEdgesFrom(db, feed, chunk));
    edges.push(...found.filter((e) => inside.has(`${feed}|${e.to_stop_id}`)).sort((a, b) => cmp(a.pathway_id, b.pathway_id)));
  }
  return { stations, nodes, levels, edges };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
