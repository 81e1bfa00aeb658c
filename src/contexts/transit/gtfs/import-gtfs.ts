import { system, type Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertFeedName } from './feed-name.js';
import { feedToRows } from './feed-rows.js';
import { recordGtfsImport, replaceFeed } from '../store/feed.repository.js';
import { routingFor } from '../routing/routing-service.js';
import { DEFAULT_LIMITS, LEVELS, PATHWAYS, STOPS, type GtfsFile, type GtfsProblem, type ReadLimits } from './gtfs-spec.js';
import { readGtfsFeed } from './read-gtfs-feed.js';
import { rejectInvalidRows } from './reject-invalid-rows.js';
import { sortProblems, validateFeed } from './validate-feed.js';
import { validateLocations } from './validate-locations.js';

/** Problems carried by a strict-mode refusal (validateGtfs lists them all). */
const MAX_REPORTED = 1000;

export interface ImportGtfsOptions {
  /** An unzipped feed directory. */
  dir: string;
  /** Name of the feed in our tables (`feed` column, id prefix): lower case letters, digits, '-' and '_'. */
  feed: string;
  /** Refuse the whole feed when any error is found; otherwise import the valid rows and report the rest. */
  strict?: boolean;
  /** Who imports (the audit log); the CLI is the system. */
  actor?: Actor;
  limits?: ReadLimits;
}

export interface ImportGtfsReport {
  feed: string;
  importId: string;
  strict: boolean;
  /** Per file: data records read, imported, and rejected (unreadable or invalid). */
  counts: Record<GtfsFile, { read: number; imported: number; rejected: number }>;
  stations: number;
  errors: number;
  warnings: number;
  problems: GtfsProblem[];
}

/**
 * Imports the station interiors of a GTFS feed (stops, levels, pathways) in one transaction, replacing what
 * the feed had before: if anything fails, nothing is written. Unknown columns are kept (`extra`) so that
 * exportGtfs writes them back; every row records its file and line (`provenance`).
 */
export async function importGtfs(services: Services, options: ImportGtfsOptions): Promise<ImportGtfsReport> {
  const feedName = assertFeedName(options.feed);
  const strict = options.strict ?? false;
  const read = await readGtfsFeed(options.dir, options.limits ?? DEFAULT_LIMITS);
  // Missing coordinates are reported and refused in strict mode, but keep their rows (stored as unknown).
  const fileProblems = [...read.problems, ...validateLocations(read.feed)];
  let accepted: ReturnType<typeof rejectInvalidRows>;
  if (strict) {
    const problems = sortProblems([...fileProblems, ...validateFeed(read.feed)]);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      throw new AppError(
        'gtfs.invalid',
        `The feed has ${errors.length} error(s) (first: ${errors[0]!.file} line ${errors[0]!.line ?? '-'}: ${errors[0]!.message}); ` +
          'nothing was imported (strict mode).',
        422,
        { errors: errors.length, total: problems.length, problems: problems.slice(0, MAX_REPORTED) },
      );
    }
    accepted = { feed: read.feed, problems };
  } else {
    accepted = rejectInvalidRows(read.feed, fileProblems);
  }
  const importedAt = services.now().toISOString();
  const rows = feedToRows(accepted.feed, feedName, { importedAt, lang: read.lang });
  const imported = { [STOPS]: rows.nodes.length, [LEVELS]: rows.levels.length, [PATHWAYS]: rows.edges.length };
  const counts = Object.fromEntries(
    ([STOPS, LEVELS, PATHWAYS] as const).map((file) => [
      file,
      { read: read.counts[file], imported: imported[file], rejected: read.counts[file] - imported[file] },
    ]),
  ) as ImportGtfsReport['counts'];
  const errors = accepted.problems.filter((p) => p.severity === 'error').length;
  const summary = { strict, counts, stations: rows.stations.length, errors, warnings: accepted.problems.length - errors };
  const importId = await services.db.transaction().execute(async (tx) => {
    await replaceFeed(tx, feedName, rows);
    const id = await recordGtfsImport(tx, feedName, importedAt, { ...summary, columns: read.feed.columns });
    await recordAudit(tx, options.actor ?? system(), {
      action: 'transit.import_gtfs',
      entityType: 'transit_import',
      entityId: id,
      after: { feed: feedName, ...summary },
    });
    return id;
  });
  routingFor(services).invalidateAll(); // here and on every replica
  return { feed: feedName, importId, ...summary, problems: accepted.problems };
}
