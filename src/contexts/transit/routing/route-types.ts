/**
 * What the station and network routers answer. Plain data: the API returns it as JSON, the transfer-map
 * renderers (SVG, text, PDF) and the pages draw it.
 */
import type { Provenance } from '../domain/provenance.js';

export const PROFILE_IDS = ['walking', 'wheelchair', 'powered_wheelchair', 'elderly', 'stroller', 'pregnant', 'low_vision'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export const STEP_MODES = ['walkway', 'stairs', 'travelator', 'escalator', 'elevator', 'fare_gate', 'exit_gate', 'ramp', 'stair_lift'] as const;
export type StepMode = (typeof STEP_MODES)[number];

export interface Text {
  ko: string;
  en: string;
}

/** Per-user adjustments on top of a profile. */
export interface RouteOverrides {
  /** Steepest slope the traveller accepts (0.083 = 1:12). */
  maxSlope?: number;
  avoidEscalators?: boolean;
  avoidStairs?: boolean;
}

export interface RouteStep {
  /** 1-based; the transfer map numbers its route with the same numbers. */
  n: number;
  fromId: string;
  toId: string;
  /** GTFS pathway_id of the pathway walked (in either direction). */
  pathwayId: string;
  mode: StepMode;
  /** True when the pathway is walked from its to_stop to its from_stop. */
  reversed: boolean;
  fromName: string | null;
  toName: string | null;
  /** GTFS level_id of each end (null when unknown). */
  fromLevelId: string | null;
  toLevelId: string | null;
  /** Expected seconds for the profile (median). */
  timeS: number;
  lengthM: number | null;
  instruction: Text;
  facilityId: string | null;
  /** Attributes this profile needs that the data does not give (e.g. 'min_width', 'max_slope', 'status'). */
  unknown: string[];
  /** Staff assistance is needed (stair lift). */
  assistance: boolean;
  /** How we know this pathway: surveyed only where an approved field survey wrote it. */
  source: Provenance;
}

export interface BoardingAdvice {
  /** The location_type 4 node. */
  stopId: string;
  car: number;
  door: number;
  /** The direction of travel as signed ("강남 방면"). */
  toward: string | null;
  label: Text;
  /** Why this door: the facility or step it is nearest to. */
  reason: Text;
}

export interface BlockedEdge {
  pathwayId: string;
  mode: StepMode;
  /** 'stairs' | 'escalator' | 'out_of_service' | 'slope' | 'width' | 'step' | 'gate' | 'stair_lift' | 'level_change_unknown'. */
  reason: string;
  facilityId: string | null;
}

export interface RouteCounts {
  elevatorRides: number;
  levelChanges: number;
  fareGates: number;
  outdoorMetres: number;
  stairs: number;
  escalators: number;
}

export interface FacilityDependency {
  facilityId: string;
  type: string;
  name: string | null;
  status: string;
}

export interface RouteResult {
  feed: string;
  stationId: string | null;
  profile: ProfileId;
  from: { id: string; name: string | null; source: Provenance };
  to: { id: string; name: string | null; source: Provenance };
  feasible: boolean;
  /** The weakest provenance of the route's places and pathways (what the whole answer can be trusted as). */
  assurance: Provenance;
  /** Why no route exists for this profile (null when feasible). */
  reason: null | { code: 'no_path' | 'blocked'; message: Text; blockedBy: BlockedEdge[] };
  /** Median seconds for the profile, and a slower (p90-style) estimate. Null when infeasible. */
  timeS: number | null;
  timeSlowS: number | null;
  steps: RouteStep[];
  counts: RouteCounts;
  dependsOn: FacilityDependency[];
  /** Steps whose attributes are partly unknown for this profile (the route may be harder than shown). */
  unknownSteps: number;
  boardAt: BoardingAdvice | null;
}
