import { problem } from './gtfs-rules.js';
import { LEVELS, LocationType, PathwayMode, PATHWAYS, STOPS, type GtfsPathway, type GtfsProblem } from './gtfs-spec.js';
import type { FeedIndex } from './feed-index.js';

const MAX_TRAVERSAL_S = 3600;

/** The rules on each row of pathways.txt, and on the stops at its ends. */
export function validatePathways(index: FeedIndex): GtfsProblem[] {
  const problems: GtfsProblem[] = [];
  for (const p of index.feed.pathways) {
    endpoints(index, p, problems);
    values(p, problems);
  }
  elevatorLevels(index, problems);
  return problems;
}

function endpoints(index: FeedIndex, p: GtfsPathway, problems: GtfsProblem[]) {
  if (p.from_stop_id === p.to_stop_id) {
    problems.push(problem('pathway_loop', PATHWAYS, p, 'to_stop_id', `Pathway "${p.pathway_id}" starts and ends at the same stop "${p.from_stop_id}".`));
  }
  for (const field of ['from_stop_id', 'to_stop_id'] as const) {
    const stopId = p[field];
    if (field === 'to_stop_id' && stopId === p.from_stop_id) continue;
    const stop = index.stops.get(stopId);
    if (!stop) {
      problems.push(
        problem(
          'pathway_unknown_stop',
          PATHWAYS,
          p,
          field,
          `Pathway "${p.pathway_id}" ${field === 'from_stop_id' ? 'starts' : 'ends'} at stop "${stopId}", which is not in stops.txt.`,
        ),
      );
    } else if (stop.location_type === LocationType.station) {
      problems.push(
        problem(
          'pathway_to_wrong_location_type',
          PATHWAYS,
          p,
          field,
          `Pathway "${p.pathway_id}" ends at station "${stopId}" (location_type 1); pathways connect platforms, entrances, nodes and boarding areas.`,
        ),
      );
    } else if (stop.location_type === LocationType.stop && index.hasBoardingAreas(stopId)) {
      problems.push(
        problem(
          'pathway_to_platform_with_boarding_areas',
          PATHWAYS,
          p,
          field,
          `Pathway "${p.pathway_id}" ends at platform "${stopId}", which has boarding areas; connect the pathway to a boarding area instead.`,
        ),
      );
    }
  }
}

function values(p: GtfsPathway, problems: GtfsProblem[]) {
  const id = `Pathway "${p.pathway_id}"`;
  if (p.pathway_mode === PathwayMode.exitGate && p.is_bidirectional === 1) {
    problems.push(problem('bidirectional_exit_gate', PATHWAYS, p, 'is_bidirectional', `${id} is an exit gate (pathway_mode 7) and must not be bidirectional.`));
  }
  if (p.traversal_time !== null && p.traversal_time <= 0) {
    problems.push(
      problem(
        'pathway_invalid_traversal_time',
        PATHWAYS,
        p,
        'traversal_time',
        `${id} has traversal_time ${p.traversal_time}; it must be a positive number of seconds.`,
      ),
    );
  } else if (p.traversal_time !== null && p.traversal_time > MAX_TRAVERSAL_S) {
    problems.push(
      problem(
        'pathway_absurd_traversal_time',
        PATHWAYS,
        p,
        'traversal_time',
        `${id} has traversal_time ${p.traversal_time} s, more than an hour inside a station; check the unit (seconds).`,
      ),
    );
  }
  if (p.length !== null && p.length < 0) {
    problems.push(problem('pathway_invalid_length', PATHWAYS, p, 'length', `${id} has length ${p.length}; it must be 0 or more metres.`));
  }
  if (p.stair_count === 0) {
    problems.push(
      problem(
        'pathway_zero_stair_count',
        PATHWAYS,
        p,
        'stair_count',
        `${id} has stair_count 0; give the number of steps (negative when going down) or leave it empty.`,
      ),
    );
  } else if (p.stair_count !== null && p.pathway_mode !== PathwayMode.stairs) {
    problems.push(
      problem(
        'pathway_stair_count_on_non_stairs',
        PATHWAYS,
        p,
        'stair_count',
        `${id} has stair_count ${p.stair_count} but is not stairs (pathway_mode ${p.pathway_mode}).`,
      ),
    );
  }
  if (p.max_slope !== null && p.pathway_mode !== PathwayMode.walkway && p.pathway_mode !== PathwayMode.travelator) {
    problems.push(
      problem(
        'pathway_max_slope_on_non_walkway',
        PATHWAYS,
        p,
        'max_slope',
        `${id} has max_slope but is pathway_mode ${p.pathway_mode}; max_slope is for walkways (1) and moving sidewalks (3) only.`,
      ),
    );
  }
  if (p.min_width !== null && p.min_width <= 0) {
    problems.push(problem('pathway_invalid_min_width', PATHWAYS, p, 'min_width', `${id} has min_width ${p.min_width}; it must be a positive width in metres.`));
  }
}

/** Elevators need levels: the file, and a level_id on the stops at both ends (once per stop). */
function elevatorLevels(index: FeedIndex, problems: GtfsProblem[]) {
  const elevators = index.feed.pathways.filter((p) => p.pathway_mode === PathwayMode.elevator);
  if (!elevators.length) return;
  if (index.feed.columns[LEVELS] === null) {
    problems.push(
      problem(
        'missing_levels_file',
        LEVELS,
        null,
        null,
        `pathways.txt has ${elevators.length} elevator pathway(s) (the first on line ${elevators[0]!.line}) but levels.txt is missing; ` +
          'GTFS requires it when elevators are described.',
      ),
    );
  }
  const reported = new Set<string>();
  for (const p of elevators) {
    for (const stopId of [p.from_stop_id, p.to_stop_id]) {
      const stop = index.stops.get(stopId);
      if (!stop || stop.level_id || reported.has(stopId)) continue;
      reported.add(stopId);
      problems.push(
        problem(
          'missing_level_id',
          STOPS,
          stop,
          'level_id',
          `Stop "${stopId}" is at one end of elevator pathway "${p.pathway_id}" (pathways.txt line ${p.line}) but has no level_id.`,
        ),
      );
    }
  }
}
