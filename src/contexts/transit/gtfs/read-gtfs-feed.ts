import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../core/errors.js';
import { DEFAULT_LIMITS, LEVELS, PATHWAYS, REQUIRED_COLUMNS, STOPS, type GtfsFeed, type GtfsFile, type GtfsProblem, type ReadLimits } from './gtfs-spec.js';
import { parseLevels, parsePathways, parseStops } from './parse-records.js';
import { looksLikeZip, readCsvFile, zipRefused, type CsvTable } from './read-csv.js';

export interface ReadFeedResult {
  feed: GtfsFeed;
  /** Records that could not be read (bad numbers, wrong field count, duplicate ids…); they are not in `feed`. */
  problems: GtfsProblem[];
  /** Data records found in each file (0 when absent), readable or not. */
  counts: Record<GtfsFile, number>;
  /** feed_info.txt's feed_lang, when there is one: the language of stop_name. */
  lang: string | null;
}

/**
 * Reads the station-interior files of an unzipped GTFS feed: stops.txt (required), levels.txt and pathways.txt
 * (optional), and feed_lang from feed_info.txt. Other files (trips, routes…) are neither needed nor read. A feed that cannot be read as a whole
 * (not a directory, a ZIP, not UTF-8, a missing required column, a line or file over the limits) is refused
 * with an AppError naming the file; problems of single records are returned instead.
 */
export async function readGtfsFeed(dir: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadFeedResult> {
  await assertFeedDirectory(dir);
  const stops = await readTable(dir, STOPS, limits);
  if (!stops) {
    throw new AppError('gtfs.missing_file', `stops.txt is missing from ${path.basename(dir)}; a GTFS feed must have it.`, 422, { file: STOPS });
  }
  const levels = await readTable(dir, LEVELS, limits);
  const pathways = await readTable(dir, PATHWAYS, limits);
  const problems: GtfsProblem[] = [];
  const feed: GtfsFeed = {
    stops: parseStops(stops, problems),
    levels: levels ? parseLevels(levels, problems) : [],
    pathways: pathways ? parsePathways(pathways, problems) : [],
    columns: { [STOPS]: stops.columns, [LEVELS]: levels?.columns ?? null, [PATHWAYS]: pathways?.columns ?? null },
  };
  const counts = { [STOPS]: stops.records.length, [LEVELS]: levels?.records.length ?? 0, [PATHWAYS]: pathways?.records.length ?? 0 };
  return { feed, problems, counts, lang: await feedLanguage(dir, limits) };
}

async function assertFeedDirectory(dir: string) {
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat) throw new AppError('gtfs.not_found', `${dir} does not exist.`, 404, { dir });
  if (stat.isDirectory()) return;
  if (dir.toLowerCase().endsWith('.zip') || (stat.isFile() && (await looksLikeZip(dir)))) throw zipRefused(path.basename(dir));
  throw new AppError('gtfs.not_a_directory', `${path.basename(dir)} is not a directory: pass the directory holding stops.txt.`, 422, { dir });
}

async function feedLanguage(dir: string, limits: ReadLimits): Promise<string | null> {
  const info = await readCsvFile(path.join(dir, 'feed_info.txt'), 'feed_info.txt', limits);
  const at = info?.columns.indexOf('feed_lang') ?? -1;
  return (at >= 0 && info?.records[0]?.fields[at]?.trim()) || null;
}

async function readTable(dir: string, file: GtfsFile, limits: ReadLimits): Promise<CsvTable | null> {
  const table = await readCsvFile(path.join(dir, file), file, limits);
  if (!table) return null;
  const missing = REQUIRED_COLUMNS[file].filter((c) => !table.columns.includes(c));
  if (missing.length) {
    throw new AppError(
      'gtfs.missing_column',
      `${file}: required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} missing ` +
        `(the header has: ${table.columns.join(', ').slice(0, 300)}).`,
      422,
      { file, columns: missing },
    );
  }
  return table;
}
