import { type GtfsProblem, LEVEL_COLUMNS, LEVELS, PATHWAY_COLUMNS, PATHWAYS, rowsToFeed, STOP_COLUMNS, STOPS, validateFeed } from '../../transit/index.js';
import { ProposalInvalid } from './change-ops.js';
import type { InteriorRows } from './interior-model.js';

/** The files an interior has, as if exported (levels.txt exists when the station has levels). */
const columnsOf = (rows: InteriorRows) => ({
  [STOPS]: [...STOP_COLUMNS],
  [LEVELS]: rows.levels.length ? [...LEVEL_COLUMNS] : null,
  [PATHWAYS]: [...PATHWAY_COLUMNS],
});
/** Counts in messages ("6 elevator pathways") change with any edit; the same problem is the same rule, place and words. */
const key = (p: GtfsProblem) => `${p.rule}|${p.file}|${p.field ?? ''}|${p.message.replace(/\b\d+\b/g, '#')}`;

/** The GTFS errors of an interior (the same rules as `open-seoul gtfs validate`). */
export const interiorErrors = (rows: InteriorRows): GtfsProblem[] =>
  validateFeed(
    rowsToFeed(
      { levels: rows.levels.map((l) => ({ ...l })), nodes: rows.nodes.map((n) => ({ ...n })), edges: rows.edges.map((e) => ({ ...e })) },
      columnsOf(rows),
    ),
  ).filter((p) => p.severity === 'error');

/**
 * A change must not break the graph: any GTFS error the new interior has and the current one had not (a
 * platform no longer reachable from an entrance, a pathway to nowhere, an exit gate both ways …) refuses it.
 */
export function assertNoNewErrors(before: InteriorRows, after: InteriorRows): void {
  const known = new Set(interiorErrors(before).map(key));
  const fresh = interiorErrors(after).filter((p) => !known.has(key(p)));
  if (fresh.length) {
    throw new ProposalInvalid(
      fresh.map((p) => ({ path: `${p.file}${p.field ? `.${p.field}` : ''}`, message: `${p.message} (${p.rule})` })),
      'transit.proposal_breaks_graph',
    );
  }
}
