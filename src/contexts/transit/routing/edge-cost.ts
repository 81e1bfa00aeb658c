import { PROFILES, type Profile } from './profiles.js';
import { changesLevel, type FacilityState, type PathEdge, type PathNode } from './station-graph.js';

/**
 * What walking one pathway in one direction costs one traveller. Pure and total: every pathway gets either a
 * cost or a reason it cannot be used. `timeS` is reported to the traveller; `costS` = time + penalties is
 * what the search minimises.
 *
 * Time. GTFS `traversal_time` is "the average time to walk the pathway": when the feed gives it (> 0), the
 * walking profile takes exactly that, whatever the mode. Another profile takes it times the ratio of its own
 * modelled time to the walking profile's modelled time on the same pathway, so that what the model does not
 * know (length, number of steps, floors) cancels out:
 * - walkway and ramp: walking speed ÷ the profile's speed (1.2 ÷ 0.7 for a manual wheelchair);
 * - travelator: the same with the belt's speed added to both ((1.2 + 0.65) ÷ (0.7 + 0.65));
 * - stairs: the profile's seconds per step ÷ walking's, up or down (elderly going up: 1.2 ÷ 0.6 = 2×);
 * - elevator: (boarding + per-level time) ÷ walking's for the same number of levels (wheelchair, one level:
 *   (90 + 20) ÷ (40 + 10));
 * - fare and exit gates: the profile's gate time ÷ walking's;
 * - escalator and stair lift: machines run at their own speed, the same for everyone (× 1).
 * A stopped escalator is walked as stairs: its traversal_time (the ride) is not used for the climb.
 * Without traversal_time the profile's own model gives the time (length ÷ speed, steps × seconds per step …).
 *
 * Level changes. A pathway whose ends are on different levels changes level for every traveller, whatever its
 * mode. A walkway between levels with neither slope nor step count in the data is a level change of unknown
 * kind (stairs, escalator or slope): travellers who cannot use stairs are not sent along it on a guess
 * (`level_change_unknown`), and for the others the step count and slope are named as unknown when their
 * rules use them.
 */
export interface ArcCost {
  costS: number;
  timeS: number;
  /** Why the pathway cannot be used (null when it can). */
  blocked: string | null;
  /** Attributes this profile needs that the data leaves unknown. */
  unknown: string[];
}

/** Assumed when nothing is known about a pathway's length, number of steps or ride (GTFS allows that). */
const DEFAULT_WALK_M = 30;
const DEFAULT_STEPS = 20;
const DEFAULT_RIDE_S = 30;
const ESCALATOR_SPEED_MS = 0.5;
/** Speed of a moving walkway's belt (typically 0.5–0.75 m/s). */
const TRAVELATOR_BELT_MS = 0.65;
const STEP_RISE_M = 0.16;
const LEVEL_HEIGHT_M = 4.5;

/** The profile the feed's traversal_time is for. */
const WALKING = PROFILES.walking;
const WALKING_STAIRS = WALKING.stairs!;

const BLOCK = (reason: string, unknown: string[] = []): ArcCost => ({ costS: Infinity, timeS: Infinity, blocked: reason, unknown });

/** The feed's time scaled by `ratio` (this profile's modelled time ÷ walking's), or null when the feed gives none. */
const feedTime = (edge: PathEdge, ratio: number): number | null =>
  edge.traversalTimeS !== null && edge.traversalTimeS > 0 ? edge.traversalTimeS * ratio : null;

/** A walkway between levels whose slope and steps are both unknown. */
export const isUnknownLevelChange = (edge: PathEdge, from: PathNode, to: PathNode) =>
  edge.mode === 'walkway' && !edge.platformBoarding && changesLevel(from, to) && edge.maxSlope === null && edge.stairCount === null;

export function arcCost(p: Profile, edge: PathEdge, reversed: boolean, from: PathNode, to: PathNode, status: FacilityState | undefined): ArcCost {
  const unknown: string[] = [];
  const state = edge.facilityId ? (status?.status ?? 'unknown') : null;
  const levels = from.levelIndex !== null && to.levelIndex !== null ? Math.abs(to.levelIndex - from.levelIndex) : null;
  let mode = edge.mode;
  // A stopped escalator is a staircase.
  const stopped = mode === 'escalator' && (state === 'not_available' || state === 'planned_outage');
  if (stopped) mode = 'stairs';

  switch (mode) {
    case 'elevator': {
      if (state === 'not_available' || state === 'planned_outage') return BLOCK('out_of_service');
      let penalty = p.elevator.penaltyS;
      if (state === 'unknown' || state === null) {
        if (p.needs.elevatorStatus) {
          unknown.push('status');
          penalty += p.unknownPenaltyS;
        }
      }
      if (p.elevator.noAudioPenaltyS && edge.audio !== true) {
        penalty += p.elevator.noAudioPenaltyS;
        if (edge.audio === null) unknown.push('audio');
      }
      const floors = levels ?? 1;
      const own = p.elevator.boardS + p.elevator.perLevelS * floors;
      const time = feedTime(edge, own / (WALKING.elevator.boardS + WALKING.elevator.perLevelS * floors)) ?? own;
      return { costS: time + penalty + p.junctionPenaltyS, timeS: time, blocked: null, unknown };
    }
    case 'stair_lift': {
      if (!p.stairLift) return BLOCK('stair_lift');
      if (state === 'not_available' || state === 'planned_outage') return BLOCK('out_of_service');
      const time = feedTime(edge, 1) ?? p.stairLift.timeS;
      return { costS: time + p.stairLift.penaltyS, timeS: time, blocked: null, unknown };
    }
    case 'escalator': {
      if (p.escalator === 'block') return BLOCK('escalator');
      if (state === 'unknown' && p.needs.elevatorStatus) unknown.push('status');
      const time = feedTime(edge, 1) ?? (edge.lengthM !== null ? edge.lengthM / ESCALATOR_SPEED_MS : DEFAULT_RIDE_S);
      return { costS: time + p.escalator.penaltyS + p.junctionPenaltyS, timeS: time, blocked: null, unknown };
    }
    case 'stairs': {
      if (!p.stairs) return BLOCK('stairs');
      const signed = edge.stairCount !== null ? (reversed ? -edge.stairCount : edge.stairCount) : null;
      const up = signed !== null ? signed > 0 : from.levelIndex !== null && to.levelIndex !== null ? to.levelIndex > from.levelIndex : true;
      let steps = signed !== null ? Math.abs(signed) : null;
      if (steps === null) {
        steps = levels !== null && levels > 0 ? Math.round((levels * LEVEL_HEIGHT_M) / STEP_RISE_M) : DEFAULT_STEPS;
        if (p.stairs.upPenaltyS || p.stairs.downPenaltyS) unknown.push('stair_count');
      }
      const perStep = up ? p.stairs.upS : p.stairs.downS;
      const time = (stopped ? null : feedTime(edge, perStep / (up ? WALKING_STAIRS.upS : WALKING_STAIRS.downS))) ?? steps * perStep;
      let penalty = steps * (up ? p.stairs.upPenaltyS : p.stairs.downPenaltyS);
      if (p.needs.stairsTactile && !(edge.handrail === true && edge.tactile === true)) {
        penalty += steps * p.stairsUnsafePenaltyS;
        if (edge.handrail === null || edge.tactile === null) unknown.push('handrail_tactile');
      }
      return { costS: time + penalty + p.junctionPenaltyS + (unknown.length ? p.unknownPenaltyS : 0), timeS: time, blocked: null, unknown };
    }
    case 'fare_gate':
    case 'exit_gate': {
      if (p.needsWideGate) {
        if (edge.wideGate === false) return BLOCK('gate');
        if (edge.wideGate === null) unknown.push('wide_gate');
      }
      const time = feedTime(edge, p.gateS / WALKING.gateS) ?? p.gateS;
      return { costS: time + p.junctionPenaltyS + (unknown.length ? p.unknownPenaltyS : 0), timeS: time, blocked: null, unknown };
    }
    default: {
      // walkway, ramp, travelator
      const levelUnknown = isUnknownLevelChange(edge, from, to);
      // A passage between two levels whose slope and steps are unknown may well be stairs or an escalator:
      // travellers who cannot use those are not sent along it on a guess.
      if (!p.stairs && levelUnknown) return BLOCK('level_change_unknown', ['stair_count', 'max_slope']);
      // A walkway said to have steps is stairs for those who cannot use stairs.
      if (!p.stairs && mode === 'walkway' && edge.stairCount !== null && edge.stairCount !== 0) return BLOCK('stairs');
      const slope = edge.maxSlope === null ? null : Math.abs(edge.maxSlope);
      if (slope !== null && p.slope.blockAbove !== null && slope > p.slope.blockAbove) return BLOCK('slope');
      if (edge.stepHeightCm !== null && p.step.blockAt !== null && edge.stepHeightCm >= p.step.blockAt) return BLOCK('step');
      if (edge.minWidthM !== null && p.width.blockBelow !== null && edge.minWidthM < p.width.blockBelow) return BLOCK('width');
      const metres = edge.lengthM !== null && edge.lengthM >= 0 ? edge.lengthM : DEFAULT_WALK_M;
      const speed = mode === 'travelator' ? p.speedMs + TRAVELATOR_BELT_MS : p.speedMs;
      const walkingSpeed = mode === 'travelator' ? WALKING.speedMs + TRAVELATOR_BELT_MS : WALKING.speedMs;
      const time = feedTime(edge, walkingSpeed / speed) ?? metres / speed;
      let penalty = p.junctionPenaltyS + (mode === 'travelator' ? p.travelatorPenaltyS : 0);
      if (slope !== null && p.slope.penaltyAbove !== null && slope > p.slope.penaltyAbove) penalty += time * 10 * (slope - p.slope.penaltyAbove);
      if (edge.stepHeightCm !== null && p.step.penaltyAt !== null && edge.stepHeightCm >= p.step.penaltyAt) penalty += p.step.penaltyS;
      if (edge.minWidthM !== null && p.width.penaltyBelow !== null && edge.minWidthM < p.width.penaltyBelow) penalty += p.width.penaltyS;
      if (edge.outdoor && edge.lengthM !== null) penalty += edge.lengthM * p.outdoorPenaltyPerM;
      // A walk along the platform to a boarding position is level by definition: nothing is unknown.
      if (!edge.platformBoarding) {
        if (levelUnknown) {
          // Possibly stairs: what this traveller's stairs rule uses is unknown too.
          if (p.stairs && (p.stairs.upPenaltyS || p.stairs.downPenaltyS || p.needs.stairsTactile)) unknown.push('stair_count');
          if (p.needs.stairsTactile) unknown.push('handrail_tactile');
        }
        if (p.needs.walkway.includes('min_width') && edge.minWidthM === null) unknown.push('min_width');
        const slopeMatters = p.needs.walkway.includes('max_slope') || (levelUnknown && p.slope.penaltyAbove !== null);
        if (slopeMatters && edge.maxSlope === null && mode !== 'travelator') unknown.push('max_slope');
        if (unknown.length) penalty += p.unknownPenaltyS;
      }
      return { costS: time + penalty, timeS: time, blocked: null, unknown };
    }
  }
}
