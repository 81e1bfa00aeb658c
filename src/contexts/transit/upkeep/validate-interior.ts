import { rowsToFeed } from '../gtfs/feed-rows.js';
import { LEVELS, PATHWAYS, STOPS, type GtfsProblem } from '../gtfs/gtfs-spec.js';
import { validateFeed } from '../gtfs/validate-feed.js';
import { ProposalInvalid } from './change-ops.js';
import type { InteriorRows } from './interior-model.js';

const NO_COLUMNS = { [STOPS]: null, [LEVELS]: null, [PATHWAYS]: null };
const key = (p: GtfsProblem) => `${p.rule}|${p.message}`;

/** The GTFS errors of an interior (the same rules as `open-seoul gtfs validate`). */
export const interiorErrors = (rows: InteriorRows): GtfsProblem[] =>
  validateFeed(rowsToFeed({ levels: rows.levels.map((l) => ({ ...l })), nodes: rows.nodes.map((n) => ({ ...n })), edges: rows.edges.map((e) => ({ ...e })) }, NO_COLUMNS))
    .filter((p) => p.severity === 'error');

/**
 * A change must not break the graph: any GTFS error the new interior has and the current one had not (a
 * platform no longer reachable from an entrance, a pathway to nowhere, an exit gate both ways …) refuses it.
 */
export function assertNoNewErrors(before: InteriorRows, after: InteriorRows): void {
  const known = new Set(interiorErrors(before).map(key));
  const fresh = interiorErrors(after).filter((p) => !known.has(key(p)));
  if (fresh.length) {
    throw new ProposalInvalid(fresh.map((p) => ({ path: `${p.file}${p.field ? `.${p.field}` : ''}`, message: `${p.message} (${p.rule})` })), 'transit.proposal_breaks_graph');
  }
}
