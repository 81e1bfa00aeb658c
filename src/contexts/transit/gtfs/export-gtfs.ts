import fs from 'node:fs/promises';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { assertFeedName, NETWORK_FEED } from './feed-name.js';
import { rowsToFeed, type FeedRows } from './feed-rows.js';
import { latestGtfsColumns, loadFeedRows } from '../store/feed.repository.js';
import {
  type GtfsFeed,
  LEVEL_COLUMNS,
  LEVELS,
  PATHWAY_COLUMNS,
  PATHWAYS,
  REQUIRED_COLUMNS,
  STOP_COLUMNS,
  STOPS,
  type GtfsFile,
  type GtfsLevel,
  type GtfsPathway,
  type GtfsStop,
} from './gtfs-spec.js';
import { loadNetworkRows } from './network-rows.js';
import { editedPositions, placeStops, POSITION_COLUMN, positionSources, type PositionSource } from './position-source.js';
import { writeCsvFile } from './write-csv.js';

export const FEED_INFO = 'feed_info.txt';
export type ExportFile = GtfsFile | typeof FEED_INFO;

export interface ExportGtfsOptions {
  /** Directory to write into (created if needed); stops.txt, levels.txt and pathways.txt there are replaced. */
  dir: string;
  feed: string;
}

export interface ExportGtfsReport {
  feed: string;
  dir: string;
  /** Data rows written per file; a file absent here was not written (the feed never had it and has no rows for it). */
  files: Partial<Record<ExportFile, number>>;
  /** Stops per location_type (0 platforms, 1 stations, 2 entrances, 3 nodes, 4 boarding areas). */
  locationTypes: Record<number, number>;
  /** Stops per position_source; `unknown` stops of location_type 0–2 carry their station's coordinates. */
  positions: Record<PositionSource, number>;
  /** Stops that need coordinates but neither they nor their station have any (the file then fails validation). */
  unplaced: string[];
}

export interface ExportTable {
  file: ExportFile;
  columns: string[];
  rows: string[][];
}

type GtfsRecord = GtfsStop | GtfsLevel | GtfsPathway;

/**
 * Writes a feed's stations, levels and pathways as GTFS. For an imported feed: the columns of the imported
 * files in their order, extension columns included, so that importing the result gives the same graph. For
 * `seoul`, the whole network: every station of the Seoul import and every interior hanging off one, with
 * feed_info.txt (feed_lang ko). Values are written as numbers and text, not byte for byte (50.11040 comes
 * back as 50.1104; wheelchair_boarding 0 as empty). Coordinates GTFS requires but we do not know are the
 * station's, marked `position_source` unknown (see position-source.ts).
 */
export async function exportGtfs(services: Services, options: ExportGtfsOptions): Promise<ExportGtfsReport> {
  const built = await buildExport(services, options.feed);
  await fs.mkdir(options.dir, { recursive: true });
  const files: ExportGtfsReport['files'] = {};
  for (const table of built.tables) {
    await writeCsvFile(options.dir, table.file, table.columns, table.rows);
    files[table.file] = table.rows.length;
  }
  return { feed: built.feed, dir: options.dir, files, locationTypes: built.locationTypes, positions: built.positions, unplaced: built.unplaced };
}

/** The files of an export as columns and text rows, with what exportGtfs reports about them. */
export async function buildExport(services: Services, feedName: string) {
  const feed = assertFeedName(feedName, 'export');
  const network = feed === NETWORK_FEED;
  const rows = network ? await loadNetworkRows(services.db) : await loadFeedRows(services.db, feed);
  if (!rows.nodes.length) {
    throw new AppError(
      'gtfs.feed_not_found',
      network ? 'The Seoul network has not been imported yet (open-seoul import seoul).' : `No feed named "${feed}" has been imported.`,
      404,
      { feed },
    );
  }
  const recorded = network ? null : await latestGtfsColumns(services.db, feed);
  const placed = placeStops(rowsToFeed(rows, recorded ?? { [STOPS]: null, [LEVELS]: null, [PATHWAYS]: null }), await sourcesOf(services.db, rows.nodes));
  // An imported feed keeps its header: position_source is added only when a coordinate had to be filled in.
  const withPositions = network || placed.counts.unknown > 0 || Boolean(recorded?.[STOPS]?.includes(POSITION_COLUMN));
  const tables: ExportTable[] = gtfsTables(placed.feed, recorded, { positions: withPositions });
  if (network) tables.push(feedInfo(services));
  const locationTypes: Record<number, number> = {};
  for (const s of placed.feed.stops) locationTypes[s.location_type] = (locationTypes[s.location_type] ?? 0) + 1;
  return { feed, tables, locationTypes, positions: placed.counts, unplaced: placed.unplaced };
}

async function sourcesOf(db: DbOrTx, nodes: FeedRows['nodes']) {
  const stations = [...new Set(nodes.map((n) => n.station_id).filter((s): s is string => s !== null))];
  return positionSources(nodes, await editedPositions(db, stations));
}

/** feed_info.txt of the network export: the publisher, and feed_lang ko (stop names are Korean). */
function feedInfo(services: Services): ExportTable {
  return {
    file: FEED_INFO,
    columns: ['feed_publisher_name', 'feed_publisher_url', 'feed_lang', 'feed_version'],
    rows: [['Open Seoul', services.config.publicUrl, 'ko', services.now().toISOString()]],
  };
}

/**
 * A station interior's rows (as the upkeep workflow stores them) as GTFS tables: coordinates GTFS requires
 * and the interior lacks are the station's, marked `position_source` unknown.
 */
export function interiorGtfsTables(rows: Omit<FeedRows, 'stations'>): ExportTable[] {
  const placed = placeStops(rowsToFeed(rows, { [STOPS]: null, [LEVELS]: null, [PATHWAYS]: null }), positionSources(rows.nodes, new Map()));
  return gtfsTables(placed.feed, null, { positions: true });
}

/**
 * The GTFS files of a feed as columns and text rows (a file with no header recorded and no rows is left out).
 * Without `positions`, the position_source extension column is left out unless the feed recorded it.
 */
export function gtfsTables(feed: GtfsFeed, recorded: GtfsFeed['columns'] | null, opts: { positions?: boolean } = {}): ExportTable[] {
  const stops =
    opts.positions || recorded?.[STOPS]?.includes(POSITION_COLUMN)
      ? feed.stops
      : feed.stops.map((s) => ({ ...s, extra: withoutKey(s.extra, POSITION_COLUMN) }));
  const tables: Array<[GtfsFile, readonly string[], GtfsRecord[]]> = [
    [STOPS, STOP_COLUMNS, stops],
    [LEVELS, LEVEL_COLUMNS, feed.levels],
    [PATHWAYS, PATHWAY_COLUMNS, feed.pathways],
  ];
  const out = [];
  for (const [file, known, records] of tables) {
    const header = recorded?.[file] ?? null;
    if (!header && !records.length) continue;
    const columns = columnsFor(file, header, known, records);
    out.push({ file, columns, rows: records.map((r) => columns.map((c) => text(r, c, known))) });
  }
  return out;
}

const withoutKey = (extra: Record<string, string>, key: string) => {
  const { [key]: _drop, ...rest } = extra;
  return rest;
};

/** The imported header, then any column that now has values but was not in it (rows edited since). */
function columnsFor(file: GtfsFile, header: string[] | null, known: readonly string[], records: GtfsRecord[]): string[] {
  const columns = header ? [...header] : [...REQUIRED_COLUMNS[file]];
  const add = (c: string) => columns.includes(c) || columns.push(c);
  for (const column of known) if (records.some((r) => text(r, column, known) !== '')) add(column);
  for (const record of records) Object.keys(record.extra).forEach(add);
  return columns;
}

function text(record: GtfsRecord, column: string, known: readonly string[]): string {
  const value = known.includes(column) ? (record as unknown as Record<string, unknown>)[column] : record.extra[column];
  return value === null || value === undefined ? '' : String(value);
}
