import { DEFAULT_LIMITS, type GtfsProblem, type ReadLimits } from './gtfs-spec.js';
import { readGtfsFeed } from './read-gtfs-feed.js';
import { sortProblems, validateFeed } from './validate-feed.js';
import { validateLocations } from './validate-locations.js';

export interface ValidationReport {
  errors: number;
  warnings: number;
  problems: GtfsProblem[];
}

/**
 * Checks the station interiors of an unzipped feed (stops, levels, pathways) against the GTFS rules the
 * MobilityData validator applies to pathways, plus the records that cannot be read. Touches no database.
 * A feed that cannot be read at all (see readGtfsFeed) throws an AppError instead.
 */
export async function validateGtfs(dir: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<ValidationReport> {
  const { feed, problems: readProblems } = await readGtfsFeed(dir, limits);
  const problems = sortProblems([...readProblems, ...validateFeed(feed), ...validateLocations(feed)]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors, problems };
}
