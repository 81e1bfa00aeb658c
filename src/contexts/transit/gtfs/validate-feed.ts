import { FeedIndex } from './feed-index.js';
import { LEVELS, PATHWAYS, STOPS, type GtfsFeed, type GtfsProblem } from './gtfs-spec.js';
import { validateNetwork } from './validate-network.js';
import { validatePathways } from './validate-pathways.js';
import { validateStops } from './validate-stops.js';

/** Every rule on a parsed feed, no I/O. Problems come sorted by file, line, then rule. */
export function validateFeed(feed: GtfsFeed): GtfsProblem[] {
  const index = new FeedIndex(feed);
  return sortProblems([...validateStops(index), ...validatePathways(index), ...validateNetwork(index)]);
}

const FILE_ORDER = [STOPS, LEVELS, PATHWAYS];

export function sortProblems(problems: GtfsProblem[]): GtfsProblem[] {
  return problems.sort(
    (a, b) =>
      FILE_ORDER.indexOf(a.file) - FILE_ORDER.indexOf(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule) ||
      (a.field ?? '').localeCompare(b.field ?? ''),
  );
}
