import type { Neighbour } from './platform-directions.js';
import type { UnplacedFacility } from './unplaced.js';

/**
 * What an interior is derived from (a station's lines, transfers and facilities from the Seoul open data) and
 * what it is derived into (GTFS levels, stops and pathways, each with its provenance), and the levels as the
 * data writes them ('B2', '1F'). Read by derive-interior.ts and the modules it uses.
 */

export const DERIVED_METHOD = 'derived from open data, not yet field-verified';

export interface InteriorFacility {
  /** transit_facility.id */
  id: string;
  lineId: string | null;
  type: string;
  name: string | null;
  status: string;
  location: string | null;
  /** Operating section as in the data: 'B2-B1', 'B1-1F', 'B3-B2-B1', '1F-B1' (escalators: from → to). */
  levels: string | null;
  exitNo: string | null;
  /** Source file and 1-based row (transit_facility.source, source_row). */
  source: string;
  sourceRow: number;
}

export interface InteriorTransfer {
  fromLineId: string;
  toLineId: string;
  distanceM: number | null;
  timeS: number | null;
  source: string;
}

export interface InteriorInput {
  station: { id: string; nameKo: string; lat: number | null; lon: number | null };
  /** The station's lines (transit_station_line). */
  lines: string[];
  transfers: InteriorTransfer[];
  facilities: InteriorFacility[];
  /**
   * The adjacent stations per line (from the run times). A facility whose location names its direction
   * ('을지로3가 방면7-4') is put on the line that direction belongs to when the data's line differs, and on
   * the platform of that direction when the line has one per direction.
   */
  neighbours?: Record<string, Neighbour[]>;
  /** ISO time written into provenance. */
  derivedAt: string;
}

export interface DerivedLevel {
  levelId: string;
  levelIndex: number;
  levelName: string;
}
export interface DerivedNode {
  stopId: string;
  locationType: 0 | 1 | 2 | 3 | 4;
  parentStopId: string | null;
  levelId: string | null;
  name: string;
  platformCode: string | null;
  lat: number | null;
  lon: number | null;
  /** transit_node.extra: platforms {line, toward, towardStationIds, pathwayStopId}; boarding areas {boarding}. */
  extra: Record<string, unknown>;
  provenance: Provenance;
}
export interface DerivedEdge {
  pathwayId: string;
  fromStopId: string;
  toStopId: string;
  mode: 1 | 2 | 3 | 4 | 5;
  isBidirectional: 0 | 1;
  length: number | null;
  traversalTime: number | null;
  signpostedAs: string | null;
  /** transit_edge.extra: {facilityId} for an elevator or escalator, {mode_ext: 'platform_boarding'} to a boarding area. */
  extra: Record<string, unknown>;
  provenance: Provenance;
}
export interface Provenance {
  source: 'derived';
  method: typeof DERIVED_METHOD;
  files: string[];
  derivedAt: string;
  /** How this entity was derived and what is assumed. */
  note?: string;
  /** The facility or transfer it comes from. */
  facilityId?: string;
  facilityName?: string;
  facilityStatus?: string;
  rows?: string[];
}
export interface DerivedInterior {
  stationId: string;
  levels: DerivedLevel[];
  nodes: DerivedNode[];
  edges: DerivedEdge[];
  /** What could not be placed, with the reason (reported, never silently dropped). */
  omitted: Array<{ what: string; reason: string }>;
  /** The station's elevators, escalators, wheelchair lifts and moving walkways that no pathway stands for, and why. */
  unplaced: UnplacedFacility[];
}
/** 'B2' → -2, '1F' → 0, '2F' → 1; anything else → null. */
export function parseLevel(token: string): number | null {
  const t = token.trim().toUpperCase();
  const b = /^B(\d+)F?$/.exec(t);
  if (b) return -Number(b[1]);
  const f = /^(\d+)F$/.exec(t);
  if (f && Number(f[1]) >= 1) return Number(f[1]) - 1;
  return null;
}

export const levelName = (index: number) => (index < 0 ? `B${-index}` : `${index + 1}F`);

/** The levels of an operating section in the order written ('1F-B1' → [0, -1]); null if any part is unreadable. */
export function parseSection(section: string | null): number[] | null {
  if (!section) return null;
  const parts = section
    .split(/\s*[-~→]\s*/)
    .filter(Boolean)
    .map(parseLevel);
  return parts.length >= 2 && parts.every((p): p is number => p !== null) ? parts : null;
}
