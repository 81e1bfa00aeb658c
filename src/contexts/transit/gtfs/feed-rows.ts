import type { EdgeRow, LevelRow, NodeRow, StationRow } from '../store/tables.js';
import { FeedIndex } from './feed-index.js';
import { POSITION_COLUMN } from './position-source.js';
import {
  EXTENSION_TYPES,
  LocationType,
  PATHWAYS,
  STOPS,
  type GtfsFeed,
  type GtfsFile,
  type GtfsLevel,
  type GtfsPathway,
  type GtfsStop,
  type SourcePosition,
} from './gtfs-spec.js';

/**
 * GTFS records ↔ table rows. Every stop becomes a node (stations included, with location_type 1), so that
 * stops.txt comes back whole from transit_node alone; stations are also rows of transit_station, the entity
 * the rest of the product links lines and facilities to. Ids are `${feed}:${gtfs id}`.
 *
 * wheelchair_boarding: GTFS 1 (accessible) → 1, 2 (not accessible) → 0, 0 or empty (no information, or
 * inherit from the parent) → null; back again 1 → 1, 0 → 2, null → empty (GTFS treats 0 and empty alike).
 */
export const toTriState = (gtfs: number | null) => (gtfs === 1 ? 1 : gtfs === 2 ? 0 : null);
export const toGtfsAccess = (tri: number | null) => (tri === 1 ? 1 : tri === 0 ? 2 : null);

export interface FeedRows {
  stations: StationRow[];
  levels: LevelRow[];
  nodes: NodeRow[];
  edges: EdgeRow[];
}

/** Which station name column a feed's stop_name fills, by feed_info.txt's feed_lang. */
const NAME_COLUMN = { ko: 'name_ko', en: 'name_en', zh: 'name_zh', ja: 'name_ja' } as const;

/**
 * An extension column's value as stored in `extra`: an empty value is no value (CSV cannot tell them apart);
 * a JSON object or list (how exports write structured values) is read back as one; our typed extension
 * columns (EXTENSION_TYPES) are read as numbers and booleans when they are written as such; the rest is text.
 */
function storedValue(column: string, value: string): unknown {
  if (/^[[{]/.test(value)) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object') return parsed;
    } catch {
      /* text that starts with a bracket */
    }
  }
  const type = EXTENSION_TYPES[column];
  if (type === 'number' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** `extra` as stored: position_source is not kept (it describes the file's coordinates; exports write it anew). */
const storedExtra = (extra: Record<string, string>) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(extra)
        .filter(([k, v]) => v !== '' && k !== POSITION_COLUMN)
        .map(([k, v]) => [k, storedValue(k, v)]),
    ),
  );

/** Coordinates a feed marks `position_source` unknown are its parent station's, written for the format: not a position. */
const placeholder = (s: GtfsStop) => s.extra[POSITION_COLUMN] === 'unknown';

export function feedToRows(feed: GtfsFeed, name: string, opts: { importedAt: string; lang: string | null }): FeedRows {
  const index = new FeedIndex(feed);
  const provenance = (file: GtfsFile, at: SourcePosition) =>
    JSON.stringify({ source: 'gtfs', feed: name, file, row: at.row, line: at.line, importedAt: opts.importedAt });
  const stationId = (stopId: string) => {
    const station = index.stationOf(stopId);
    return station ? `${name}:${station.stop_id}` : null;
  };
  const nameColumn = NAME_COLUMN[(opts.lang ?? '').slice(0, 2).toLowerCase() as keyof typeof NAME_COLUMN] ?? 'name_romanised';
  const stations: StationRow[] = feed.stops
    .filter((s) => s.location_type === LocationType.station)
    .map((s) => ({
      id: `${name}:${s.stop_id}`,
      feed: name,
      gtfs_stop_id: s.stop_id,
      name_ko: null,
      name_en: null,
      name_zh: null,
      name_ja: null,
      name_romanised: null,
      [nameColumn]: s.stop_name,
      lat: placeholder(s) ? null : s.stop_lat,
      lon: placeholder(s) ? null : s.stop_lon,
      wheelchair_boarding: toTriState(s.wheelchair_boarding),
      codes: JSON.stringify(s.stop_code ? { gtfsStopCode: s.stop_code } : {}),
      provenance: provenance(STOPS, s),
      extra: storedExtra(s.extra),
      created_at: opts.importedAt,
      updated_at: opts.importedAt,
    }));
  const nodes: NodeRow[] = feed.stops.map((s) => ({
    id: `${name}:${s.stop_id}`,
    feed: name,
    station_id: stationId(s.stop_id),
    stop_id: s.stop_id,
    location_type: s.location_type,
    parent_stop_id: s.parent_station,
    level_id: s.level_id,
    name: s.stop_name,
    code: s.stop_code,
    platform_code: s.platform_code,
    lat: placeholder(s) ? null : s.stop_lat,
    lon: placeholder(s) ? null : s.stop_lon,
    wheelchair_boarding: toTriState(s.wheelchair_boarding),
    extra: storedExtra(s.extra),
    provenance: provenance(STOPS, s),
  }));
  // A level belongs to a station when every stop on it belongs to that one station.
  const levelStations = new Map<string, Set<string | null>>();
  for (const node of nodes) {
    if (!node.level_id) continue;
    const set = levelStations.get(node.level_id) ?? new Set();
    levelStations.set(node.level_id, set.add(node.station_id));
  }
  const levels: LevelRow[] = feed.levels.map((l) => {
    const owners = [...(levelStations.get(l.level_id) ?? [])];
    return {
      id: `${name}:${l.level_id}`,
      feed: name,
      station_id: owners.length === 1 ? owners[0]! : null,
      level_id: l.level_id,
      level_index: l.level_index,
      level_name: l.level_name,
      extra: storedExtra(l.extra),
    };
  });
  const edges: EdgeRow[] = feed.pathways.map((p) => ({
    id: `${name}:${p.pathway_id}`,
    feed: name,
    pathway_id: p.pathway_id,
    from_stop_id: p.from_stop_id,
    to_stop_id: p.to_stop_id,
    pathway_mode: p.pathway_mode,
    is_bidirectional: p.is_bidirectional,
    length: p.length,
    traversal_time: p.traversal_time,
    stair_count: p.stair_count,
    max_slope: p.max_slope,
    min_width: p.min_width,
    signposted_as: p.signposted_as,
    reversed_signposted_as: p.reversed_signposted_as,
    extra: storedExtra(p.extra),
    provenance: provenance(PATHWAYS, p),
  }));
  return { stations, levels, nodes, edges };
}

const parseJson = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
// Extension columns hold text; values written by other code (a derived feed's objects and lists) go out as JSON.
const asExtra = (text: string): Record<string, string> =>
  Object.fromEntries(Object.entries(parseJson(text)).map(([k, v]) => [k, v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)]));
const rowOf = (json: unknown): SourcePosition => {
  const p = (json && typeof json === 'object' ? json : {}) as { row?: unknown; line?: unknown };
  return { row: typeof p.row === 'number' ? p.row : Number.MAX_SAFE_INTEGER, line: typeof p.line === 'number' ? p.line : 0 };
};

const byId = new Intl.Collator('en', { numeric: true });

/**
 * Rows back to GTFS records: stops and pathways in their original file order (kept in provenance), levels by
 * level_id (levels.txt order carries no meaning and levels have no provenance column).
 */
export function rowsToFeed(rows: Omit<FeedRows, 'stations'>, columns: GtfsFeed['columns']): GtfsFeed {
  const byRow = <T extends SourcePosition>(list: T[]) => list.sort((a, b) => a.row - b.row);
  const stops: GtfsStop[] = byRow(
    rows.nodes.map((n) => ({
      ...rowOf(parseJson(n.provenance)),
      stop_id: n.stop_id,
      stop_code: n.code,
      stop_name: n.name,
      stop_lat: n.lat,
      stop_lon: n.lon,
      location_type: n.location_type,
      parent_station: n.parent_stop_id,
      wheelchair_boarding: toGtfsAccess(n.wheelchair_boarding),
      level_id: n.level_id,
      platform_code: n.platform_code,
      extra: asExtra(n.extra),
    })),
  );
  const levels: GtfsLevel[] = rows.levels
    .map((l, i) => ({
      row: i + 1,
      line: i + 2,
      level_id: l.level_id,
      level_index: l.level_index,
      level_name: l.level_name,
      extra: asExtra(l.extra),
    }))
    .sort((a, b) => byId.compare(a.level_id, b.level_id));
  const pathways: GtfsPathway[] = byRow(
    rows.edges.map((e) => ({
      ...rowOf(parseJson(e.provenance)),
      pathway_id: e.pathway_id,
      from_stop_id: e.from_stop_id,
      to_stop_id: e.to_stop_id,
      pathway_mode: e.pathway_mode,
      is_bidirectional: e.is_bidirectional,
      length: e.length,
      traversal_time: e.traversal_time,
      stair_count: e.stair_count,
      max_slope: e.max_slope,
      min_width: e.min_width,
      signposted_as: e.signposted_as,
      reversed_signposted_as: e.reversed_signposted_as,
      extra: asExtra(e.extra),
    })),
  );
  return { stops, levels, pathways, columns };
}
