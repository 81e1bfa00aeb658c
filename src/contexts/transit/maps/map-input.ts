import type { ProfileId, RouteResult, StepMode, Text } from '../routing/route-types.js';

/**
 * Everything a transfer map is drawn from: the station's interior graph and one route through it. Plain data,
 * no clock and no I/O, so the same input always gives the same SVG, text and PDF (they can be cached).
 */
export interface TransferMapInput {
  station: { id: string; nameKo: string; nameEn: string | null };
  profile: { id: ProfileId; label: Text };
  /** index: 0 = street, -1 = B1, … (GTFS levels.txt). */
  levels: Array<{ levelId: string; index: number; name: string }>;
  /** GTFS location_type 0 platform, 2 entrance, 3 generic node, 4 boarding position. */
  nodes: Array<{ stopId: string; name: string | null; locationType: number; levelId: string | null }>;
  edges: Array<{ pathwayId: string; fromStopId: string; toStopId: string; mode: StepMode }>;
  route: RouteResult;
  /** Live status lines shown on the map, e.g. "엘리베이터 내부#1: 운행 중". */
  status?: string[];
  /**
   * Where each lift of the route is, in words, by facility id: a position a source gives (with its
   * provenance), or that none is known. Said beside the step that rides it.
   */
  liftPositions?: Record<string, Text>;
  /** When the input was assembled (ISO 8601). Printed, never read from the clock, so output stays deterministic. */
  generatedAt: string;
  /**
   * Where the graph comes from. `fieldVerified: false` prints the "derived from open data, not field-verified"
   * note; absent = nothing is said.
   */
  provenance?: { source: Text; fieldVerified: boolean };
}

export type MapLocale = 'ko' | 'en';
