import type { DbOrTx } from '../../../core/db/database.js';
import { type StationVersion, transitPorts } from '../domain/ports.js';
import type { NodeRow } from '../store/tables.js';
import { FeedIndex } from './feed-index.js';
import { LocationType, type GtfsFeed } from './gtfs-spec.js';

/**
 * `position_source`, an extension column of stops.txt that our exports write: where stop_lat/stop_lon come from.
 *   surveyed   set by a change approved as a field survey (a station version verified in the field);
 *   derived    taken from open data (the Seoul station master's station positions) or from an imported feed;
 *   estimated  set by an approved change that was not a field survey;
 *   unknown    the place's position is not known. stop_lat/stop_lon are then empty (generic nodes, boarding
 *              areas) or, where GTFS requires coordinates (stops, stations, entrances: location_type 0, 1, 2),
 *              the parent station's position, written only to satisfy the format.
 * Our import reads it back: coordinates marked `unknown` are stored as unknown (null), never as a position.
 */
export const POSITION_SOURCES = ['surveyed', 'derived', 'estimated', 'unknown'] as const;
export type PositionSource = (typeof POSITION_SOURCES)[number];
export const POSITION_COLUMN = 'position_source';

/** GTFS requires stop_lat and stop_lon for these location types (optional for generic nodes and boarding areas). */
export const NEEDS_COORDINATES: ReadonlySet<number> = new Set([LocationType.stop, LocationType.station, LocationType.entrance]);

const coordKey = (lat: number | null, lon: number | null) => (lat === null || lon === null ? null : `${lat},${lon}`);

type Origin = { coord: string; origin: 'original' | 'surveyed' | 'edited' };
export type EditedPositions = Map<string, { coord: string; surveyed: boolean }>;
export type VersionRow = StationVersion;

/**
 * Coordinates that station versions set, by `${stationId}|${stopId}`: the coordinates and whether the version
 * that set them (or the earlier version a restore brought back) was verified in the field. Coordinates there
 * since the first version (as derived or imported) are not listed.
 */
export async function editedPositions(db: DbOrTx, stationIds: string[]): Promise<EditedPositions> {
  const versions: VersionRow[] = await transitPorts().stationVersionsOf(db, stationIds);
  return positionsSetByVersions(versions);
}

/** editedPositions over versions already read (each station's in version order). Pure. */
export function positionsSetByVersions(versions: VersionRow[]): EditedPositions {
  const out: EditedPositions = new Map();
  const byStation = new Map<string, VersionRow[]>();
  for (const v of versions) byStation.set(v.station_id, [...(byStation.get(v.station_id) ?? []), v]);
  for (const [station, list] of byStation) {
    const byVersion = new Map<number, Map<string, Origin>>();
    let current = new Map<string, Origin>();
    for (const v of [...list].sort((a, b) => a.version - b.version)) {
      const next = new Map<string, Origin>();
      for (const n of (JSON.parse(v.snapshot) as { nodes?: NodeRow[] }).nodes ?? []) {
        const coord = coordKey(n.lat, n.lon);
        if (!coord) continue;
        const before = current.get(n.stop_id);
        const restored = v.restored_version !== null ? byVersion.get(v.restored_version)?.get(n.stop_id) : undefined;
        next.set(
          n.stop_id,
          v.kind === 'baseline'
            ? { coord, origin: 'original' }
            : before?.coord === coord
              ? before
              : restored?.coord === coord
                ? restored
                : { coord, origin: v.verified_at !== null ? 'surveyed' : 'edited' },
        );
      }
      byVersion.set(v.version, next);
      current = next;
    }
    for (const [stop, o] of current) if (o.origin !== 'original') out.set(`${station}|${stop}`, { coord: o.coord, surveyed: o.origin === 'surveyed' });
  }
  return out;
}

/**
 * Where each stop's coordinates come from, for the stops that have them (by stop_id). `edited` is what
 * editedPositions found for these rows' stations.
 */
export function positionSources(nodes: NodeRow[], edited: EditedPositions): Map<string, PositionSource> {
  const out = new Map<string, PositionSource>();
  for (const n of nodes) {
    const coord = coordKey(n.lat, n.lon);
    if (!coord) continue;
    const edit = n.station_id ? edited.get(`${n.station_id}|${n.stop_id}`) : undefined;
    if (edit && edit.coord === coord) {
      out.set(n.stop_id, edit.surveyed ? 'surveyed' : 'estimated');
      continue;
    }
    const source = (parse(n.provenance) as { source?: unknown }).source;
    // Derived interiors give no node a position and imports keep the feed's: anything else came from an edit.
    out.set(n.stop_id, typeof source === 'string' && ORIGINAL_SOURCES.has(source) ? 'derived' : 'estimated');
  }
  return out;
}

/** Provenance sources whose coordinates are the data as it came (open data, an imported feed). */
const ORIGINAL_SOURCES = new Set(['gtfs', 'derived', 'transit_station', 'seoul-open-data']);

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
};

export interface PlacedStops {
  feed: GtfsFeed;
  /** Stops per position_source. */
  counts: Record<PositionSource, number>;
  /** Stops that need coordinates and could not be given their station's (the station has none either). */
  unplaced: string[];
}

/**
 * Gives every stop a `position_source` (extension column) and, where GTFS requires coordinates and ours are
 * unknown, its station's position, marked `unknown`. Returns a new feed; `sources` says where known
 * coordinates come from (positionSources), `derived` when not said.
 */
export function placeStops(feed: GtfsFeed, sources: Map<string, PositionSource>): PlacedStops {
  const index = new FeedIndex(feed);
  const counts: Record<PositionSource, number> = { surveyed: 0, derived: 0, estimated: 0, unknown: 0 };
  const unplaced: string[] = [];
  const stops = feed.stops.map((stop) => {
    const known = stop.stop_lat !== null && stop.stop_lon !== null;
    const source: PositionSource = known ? (sources.get(stop.stop_id) ?? 'derived') : 'unknown';
    counts[source]++;
    let { stop_lat: lat, stop_lon: lon } = stop;
    if (!known && NEEDS_COORDINATES.has(stop.location_type)) {
      const station = index.stationOf(stop.stop_id);
      if (station && station.stop_lat !== null && station.stop_lon !== null) [lat, lon] = [station.stop_lat, station.stop_lon];
      else unplaced.push(stop.stop_id);
    }
    return { ...stop, stop_lat: lat, stop_lon: lon, extra: { ...stop.extra, [POSITION_COLUMN]: source } };
  });
  return { feed: { ...feed, stops }, counts, unplaced };
}
