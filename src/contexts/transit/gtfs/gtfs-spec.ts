/**
 * The part of GTFS Schedule this context reads and writes: stops.txt, levels.txt and pathways.txt
 * (google/transit reference, see research/transit-anchors.md §1.1), the limits applied to untrusted files,
 * and the shape of a problem report.
 */

export const STOPS = 'stops.txt';
export const LEVELS = 'levels.txt';
export const PATHWAYS = 'pathways.txt';
export type GtfsFile = typeof STOPS | typeof LEVELS | typeof PATHWAYS;

/** Columns we map to table columns, in the order the spec lists them; any other column is kept in `extra`. */
export const STOP_COLUMNS = [
  'stop_id',
  'stop_code',
  'stop_name',
  'stop_lat',
  'stop_lon',
  'location_type',
  'parent_station',
  'wheelchair_boarding',
  'level_id',
  'platform_code',
] as const;
export const LEVEL_COLUMNS = ['level_id', 'level_index', 'level_name'] as const;
export const PATHWAY_COLUMNS = [
  'pathway_id',
  'from_stop_id',
  'to_stop_id',
  'pathway_mode',
  'is_bidirectional',
  'length',
  'traversal_time',
  'stair_count',
  'max_slope',
  'min_width',
  'signposted_as',
  'reversed_signposted_as',
] as const;

/**
 * Our extension columns (pathways_ext, read by routing/load-graph.ts) that hold numbers or yes/no: an import
 * reads them as such when written so (`3`, `true`), so that exporting and importing again gives the same rows.
 */
export const EXTENSION_TYPES: Readonly<Record<string, 'number' | 'boolean'>> = {
  step_height_cm: 'number',
  door_width_cm: 'number',
  wide_gate: 'boolean',
  handrail: 'boolean',
  tactile: 'boolean',
  audio: 'boolean',
  outdoor: 'boolean',
  transferAccess: 'boolean',
};

/** A file missing one of these columns is refused as a whole (the rows cannot be read without them). */
export const REQUIRED_COLUMNS: Record<GtfsFile, readonly string[]> = {
  [STOPS]: ['stop_id'],
  [LEVELS]: ['level_id', 'level_index'],
  [PATHWAYS]: ['pathway_id', 'from_stop_id', 'to_stop_id', 'pathway_mode', 'is_bidirectional'],
};

export const LocationType = { stop: 0, station: 1, entrance: 2, genericNode: 3, boardingArea: 4 } as const;
export const PathwayMode = { walkway: 1, stairs: 2, travelator: 3, escalator: 4, elevator: 5, fareGate: 6, exitGate: 7 } as const;

/** Limits for files we did not produce ourselves; each one is checked while streaming. */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Longest physical line accepted, in bytes (a line of 1 MB is not a stop). */
  maxLineBytes: number;
}
export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 200 * 1024 * 1024, maxLineBytes: 1024 * 1024 };

export type Severity = 'error' | 'warning';

/**
 * One finding about a feed. `row` is the 1-based data row (the header is not counted); `line` is the physical
 * line in the file, the header being line 1 (they differ by one, more when a quoted value spans lines or blank
 * lines are skipped). Both are null for findings about a file as a whole.
 */
export interface GtfsProblem {
  rule: string;
  severity: Severity;
  file: GtfsFile;
  row: number | null;
  line: number | null;
  field: string | null;
  message: string;
}

/** Where a record came from, carried by every parsed record so problems can point at it. */
export interface SourcePosition {
  row: number;
  line: number;
}

/** A stop as GTFS states it (GTFS codes, not our tri-state), with its unknown columns. */
export interface GtfsStop extends SourcePosition {
  stop_id: string;
  stop_code: string | null;
  stop_name: string | null;
  stop_lat: number | null;
  stop_lon: number | null;
  location_type: number;
  parent_station: string | null;
  /** GTFS 0 (or empty: null) no information / inherit, 1 accessible, 2 not accessible. */
  wheelchair_boarding: number | null;
  level_id: string | null;
  platform_code: string | null;
  extra: Record<string, string>;
}

export interface GtfsLevel extends SourcePosition {
  level_id: string;
  level_index: number;
  level_name: string | null;
  extra: Record<string, string>;
}

/** A pathway's GTFS fields (pathways.txt), as read and as stored (transit/store/tables.ts EdgeRow). */
export interface GtfsPathwayFields {
  pathway_id: string;
  from_stop_id: string;
  to_stop_id: string;
  pathway_mode: number;
  is_bidirectional: number;
  length: number | null;
  traversal_time: number | null;
  stair_count: number | null;
  max_slope: number | null;
  min_width: number | null;
  signposted_as: string | null;
  reversed_signposted_as: string | null;
}

export interface GtfsPathway extends SourcePosition, GtfsPathwayFields {
  extra: Record<string, string>;
}

/** The station-interior part of a feed, parsed. `columns` keeps each file's header (null: file absent). */
export interface GtfsFeed {
  stops: GtfsStop[];
  levels: GtfsLevel[];
  pathways: GtfsPathway[];
  columns: Record<GtfsFile, string[] | null>;
}
