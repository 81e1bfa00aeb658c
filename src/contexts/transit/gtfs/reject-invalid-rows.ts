import { problem, RULES } from './gtfs-rules.js';
import { LEVELS, PATHWAYS, STOPS, type GtfsFeed, type GtfsFile, type GtfsProblem } from './gtfs-spec.js';
import { sortProblems, validateFeed } from './validate-feed.js';

export interface AcceptedFeed {
  feed: GtfsFeed;
  /** Every problem found along the way, deduplicated and sorted. */
  problems: GtfsProblem[];
}

const key = (p: GtfsProblem) => `${p.rule}|${p.file}|${p.line}|${p.field}`;
const rowKey = (file: GtfsFile, line: number) => `${file}|${line}`;

/**
 * For a non-strict import: leaves out every row with an error that rejects rows (see RULES), then the rows
 * that depended on them (children of a rejected stop, pathways touching one), and checks the rest again,
 * until what is left has no such error. Errors about the network as a whole and warnings keep their rows.
 */
export function rejectInvalidRows(feed: GtfsFeed, readProblems: GtfsProblem[]): AcceptedFeed {
  const all = new Map<string, GtfsProblem>();
  const add = (list: GtfsProblem[]) => list.forEach((p) => all.has(key(p)) || all.set(key(p), p));
  add(readProblems);
  let current = feed;
  let found = validateFeed(current);
  add(found);
  for (;;) {
    const rejected = new Set(found.filter((p) => RULES[p.rule as keyof typeof RULES]?.rejectsRow && p.line !== null).map((p) => rowKey(p.file, p.line!)));
    if (!rejected.size) break;
    current = without(current, rejected, add);
    found = validateFeed(current);
    add(found);
  }
  return { feed: current, problems: sortProblems([...all.values()]) };
}

function without(feed: GtfsFeed, rejected: Set<string>, add: (p: GtfsProblem[]) => void): GtfsFeed {
  const gone = new Set(feed.stops.filter((s) => rejected.has(rowKey(STOPS, s.line))).map((s) => s.stop_id));
  let stops = feed.stops.filter((s) => !gone.has(s.stop_id));
  // Children of rejected stops go too, generation by generation (station → platform → boarding area).
  for (;;) {
    const orphans = stops.filter((s) => s.parent_station && gone.has(s.parent_station));
    if (!orphans.length) break;
    add(
      orphans.map((s) =>
        problem(
          'depends_on_rejected_row',
          STOPS,
          s,
          'parent_station',
          `Stop "${s.stop_id}" was not imported because its parent "${s.parent_station}" was rejected.`,
        ),
      ),
    );
    orphans.forEach((s) => gone.add(s.stop_id));
    stops = stops.filter((s) => !gone.has(s.stop_id));
  }
  const pathways = feed.pathways.filter((p) => {
    if (rejected.has(rowKey(PATHWAYS, p.line))) return false;
    const lost = [p.from_stop_id, p.to_stop_id].find((id) => gone.has(id));
    if (lost === undefined) return true;
    add([
      problem(
        'depends_on_rejected_row',
        PATHWAYS,
        p,
        lost === p.from_stop_id ? 'from_stop_id' : 'to_stop_id',
        `Pathway "${p.pathway_id}" was not imported because stop "${lost}" was rejected.`,
      ),
    ]);
    return false;
  });
  const levels = feed.levels.filter((l) => !rejected.has(rowKey(LEVELS, l.line)));
  return { ...feed, stops, levels, pathways };
}
