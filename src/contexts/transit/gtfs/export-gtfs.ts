import fs from 'node:fs/promises';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertFeedName } from './feed-name.js';
import { rowsToFeed } from './feed-rows.js';
import { latestGtfsColumns, loadFeedRows } from './feed.repository.js';
import {
  type GtfsFeed, LEVEL_COLUMNS, LEVELS, PATHWAY_COLUMNS, PATHWAYS, REQUIRED_COLUMNS, STOP_COLUMNS, STOPS,
  type GtfsFile, type GtfsLevel, type GtfsPathway, type GtfsStop,
} from './gtfs-spec.js';
import { writeCsvFile } from './write-csv.js';

export interface ExportGtfsOptions {
  /** Directory to write into (created if needed); stops.txt, levels.txt and pathways.txt there are replaced. */
  dir: string;
  feed: string;
}

export interface ExportGtfsReport {
  feed: string;
  dir: string;
  /** Data rows written per file; a file absent here was not written (the feed never had it and has no rows for it). */
  files: Partial<Record<GtfsFile, number>>;
}

type GtfsRecord = GtfsStop | GtfsLevel | GtfsPathway;

/**
 * Writes a feed's stations, levels and pathways back as GTFS: the columns of the imported files in their
 * order, extension columns included, so that importing the result gives the same graph. Values are written
 * as numbers and text, not byte for byte (50.11040 comes back as 50.1104; wheelchair_boarding 0 as empty).
 */
export async function exportGtfs(services: Services, options: ExportGtfsOptions): Promise<ExportGtfsReport> {
  const feedName = assertFeedName(options.feed);
  const rows = await loadFeedRows(services.db, feedName);
  if (!rows.nodes.length) throw new AppError('gtfs.feed_not_found', `No feed named "${feedName}" has been imported.`, 404, { feed: feedName });
  const recorded = await latestGtfsColumns(services.db, feedName);
  const feed = rowsToFeed(rows, recorded ?? { [STOPS]: null, [LEVELS]: null, [PATHWAYS]: null });
  await fs.mkdir(options.dir, { recursive: true });
  const files: ExportGtfsReport['files'] = {};
  for (const table of gtfsTables(feed, recorded)) {
    await writeCsvFile(options.dir, table.file, table.columns, table.rows);
    files[table.file] = table.rows.length;
  }
  return { feed: feedName, dir: options.dir, files };
}

/** The GTFS files of a feed as columns and text rows (a file with no header recorded and no rows is left out). */
export function gtfsTables(feed: GtfsFeed, recorded: GtfsFeed['columns'] | null): Array<{ file: GtfsFile; columns: string[]; rows: string[][] }> {
  const tables: Array<[GtfsFile, readonly string[], GtfsRecord[]]> = [
    [STOPS, STOP_COLUMNS, feed.stops], [LEVELS, LEVEL_COLUMNS, feed.levels], [PATHWAYS, PATHWAY_COLUMNS, feed.pathways],
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
