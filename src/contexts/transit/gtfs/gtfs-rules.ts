import type { GtfsFile, GtfsProblem, Severity, SourcePosition } from './gtfs-spec.js';

export interface RuleInfo {
  severity: Severity;
  /**
   * An error that rejects its row on a non-strict import: the row cannot be stored faithfully, or would
   * break the graph's references. Errors about the network as a whole (an unreachable platform, an elevator
   * without levels) are reported but keep the rows: dropping a platform would hide it, not fix it.
   */
  rejectsRow: boolean;
  /** One line for humans; codes follow the MobilityData validator's notice codes where one exists. */
  description: string;
}

const error = (description: string, rejectsRow = true): RuleInfo => ({ severity: 'error', rejectsRow, description });
const warning = (description: string): RuleInfo => ({ severity: 'warning', rejectsRow: false, description });

export const RULES = {
  // Reading records
  missing_required_field: error('A required value is empty.'),
  invalid_number: error('A numeric field holds something that is not a number (or not a whole number).'),
  invalid_enum_value: error('location_type, wheelchair_boarding or is_bidirectional holds a value the spec does not define.'),
  invalid_row_length: error('A row has more or fewer fields than the header.'),
  duplicate_key: error('A stop_id, level_id or pathway_id is defined twice; the first one is kept.'),
  pathway_invalid_mode: error('pathway_mode is outside 1–7.'),
  leading_or_trailing_whitespaces: warning('An id has spaces around it; it is read without them.'),
  // Stops and levels
  location_without_parent_station: error('An entrance, generic node or boarding area has no parent_station.'),
  stop_unknown_parent: error('parent_station names a stop that is not in stops.txt.'),
  wrong_parent_location_type: error(
    'parent_station has the wrong location_type (a station for platforms, entrances and nodes; a platform for boarding areas).',
  ),
  station_with_parent_station: error('A station (location_type 1) has a parent_station.'),
  stop_unknown_level: error('level_id names a level that is not in levels.txt.'),
  stop_without_location: error(
    'A stop, station or entrance (location_type 0, 1, 2) has no stop_lat or stop_lon (files only: a stored interior may not know it).',
    false,
  ),
  // Pathways
  pathway_unknown_stop: error('from_stop_id or to_stop_id names a stop that is not in stops.txt (dangling pathway).'),
  pathway_to_wrong_location_type: error('A pathway ends at a station (location_type 1); it must end at a platform, entrance, node or boarding area.'),
  pathway_to_platform_with_boarding_areas: error('A pathway ends at a platform that has boarding areas; it must end at one of them.'),
  pathway_loop: warning('A pathway starts and ends at the same stop.'),
  bidirectional_exit_gate: error('An exit gate (pathway_mode 7) is bidirectional.'),
  pathway_invalid_traversal_time: error('traversal_time is zero or negative.'),
  pathway_absurd_traversal_time: warning('traversal_time is over an hour.'),
  pathway_invalid_length: error('length is negative.'),
  pathway_zero_stair_count: error('stair_count is 0; leave it empty when unknown (the sign gives the direction).'),
  pathway_stair_count_on_non_stairs: warning('stair_count is given on a pathway that is not stairs.'),
  pathway_max_slope_on_non_walkway: warning('max_slope is given on a pathway that is not a walkway or moving sidewalk.'),
  pathway_invalid_min_width: error('min_width is zero or negative.'),
  missing_levels_file: error('Elevator pathways exist but levels.txt is missing.', false),
  missing_level_id: error('A stop at one end of an elevator pathway has no level_id.', false),
  // The network
  pathway_unreachable_location: error(
    'In a station with pathways, a platform, boarding area or node cannot be reached from an entrance, or cannot reach one.',
    false,
  ),
  depends_on_rejected_row: error('On import: a stop or pathway refers to a stop that was rejected, so it is rejected too.'),
  pathway_dangling_generic_node: warning('A generic node is used by no pathway, or leads to a single neighbour (a dead end).'),
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

/** A problem of `rule`, with the rule's severity, pointing at a record (or at a whole file when `at` is null). */
export function problem(rule: RuleCode, file: GtfsFile, at: SourcePosition | null, field: string | null, message: string): GtfsProblem {
  return { rule, severity: RULES[rule].severity, file, row: at?.row ?? null, line: at?.line ?? null, field, message };
}
