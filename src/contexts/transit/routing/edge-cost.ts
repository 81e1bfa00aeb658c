import type { Profile } from './profiles.js';
import type { FacilityState, PathEdge, PathNode } from './station-graph.js';

/**
 * What walking one pathway in one direction costs one traveller. Pure and total: every pathway gets either a
 * cost or a reason it cannot be used. `timeS` is reported to the traveller; `costS` = time + penalties is
 * what the search minimises.
 */
export interface ArcCost {
  costS: number;
  timeS: number;
  /** Why the pathway cannot be used (null when it can). */
  blocked: string | null;
  /** Attributes this profile needs that the data leaves unknown. */
  unknown: string[];
}

/** Seconds assumed when nothing is known about a pathway's length or time (GTFS allows that). */
const DEFAULT_WALK_M = 30;
const DEFAULT_STEPS = 20;
const ESCALATOR_SPEED_MS = 0.5;
const STEP_RISE_M = 0.16;

const BLOCK = (reason: string, unknown: string[] = []): ArcCost => ({ costS: Infinity, timeS: Infinity, blocked: reason, unknown });

export function arcCost(p: Profile, edge: PathEdge, reversed: boolean, from: PathNode, to: PathNode, status: FacilityState | undefined): ArcCost {
  const unknown: string[] = [];
  const state = edge.facilityId ? status?.status ?? 'unknown' : null;
  const levels = from.levelIndex !== null && to.levelIndex !== null ? Math.abs(to.levelIndex - from.levelIndex) : null;
  const walkTime = (speed: number) => edge.lengthM !== null && edge.lengthM >= 0 ? edge.lengthM / speed
    : edge.traversalTimeS !== null ? edge.traversalTimeS * (1.2 / speed) : DEFAULT_WALK_M / speed;
  let mode = edge.mode;
  // A stopped escalator is a staircase.
  if (mode === 'escalator' && (state === 'not_available' || state === 'planned_outage')) mode = 'stairs';

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
      const ride = edge.traversalTimeS ?? p.elevator.perLevelS * (levels ?? 1);
      const time = p.elevator.boardS + ride;
      return { costS: time + penalty + p.junctionPenaltyS, timeS: time, blocked: null, unknown };
    }
    case 'stair_lift': {
      if (!p.stairLift) return BLOCK('stair_lift');
      if (state === 'not_available' || state === 'planned_outage') return BLOCK('out_of_service');
      return { costS: p.stairLift.timeS + p.stairLift.penaltyS, timeS: p.stairLift.timeS, blocked: null, unknown };
    }
    case 'escalator': {
      if (p.escalator === 'block') return BLOCK('escalator');
      if (state === 'unknown' && p.needs.elevatorStatus) unknown.push('status');
      const time = edge.traversalTimeS ?? (edge.lengthM !== null ? edge.lengthM / ESCALATOR_SPEED_MS : 30);
      return { costS: time + p.escalator.penaltyS + p.junctionPenaltyS, timeS: time, blocked: null, unknown };
    }
    case 'stairs': {
      if (!p.stairs) return BLOCK('stairs');
      const signed = edge.stairCount !== null ? (reversed ? -edge.stairCount : edge.stairCount) : null;
      const up = signed !== null ? signed > 0 : from.levelIndex !== null && to.levelIndex !== null ? to.levelIndex > from.levelIndex : true;
      let steps = signed !== null ? Math.abs(signed) : null;
      if (steps === null) {
        steps = levels !== null && levels > 0 ? Math.round((levels * 4.5) / STEP_RISE_M) : DEFAULT_STEPS;
        if (p.stairs.upPenaltyS || p.stairs.downPenaltyS) unknown.push('stair_count');
      }
      const time = up ? steps * p.stairs.upS : steps * p.stairs.downS;
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
      return { costS: p.gateS + p.junctionPenaltyS + (unknown.length ? p.unknownPenaltyS : 0), timeS: p.gateS, blocked: null, unknown };
    }
    default: {
      // walkway, ramp, travelator
      // A passage between two levels whose slope and steps are unknown is almost certainly stairs or an
      // escalator: travellers who cannot use those are not sent along it on a guess.
      if (!p.stairs && mode === 'walkway' && levels !== null && levels > 0 && edge.maxSlope === null && edge.stairCount === null) {
        return BLOCK('level_change_unknown', ['max_slope']);
      }
      const slope = edge.maxSlope === null ? null : Math.abs(edge.maxSlope);
      if (slope !== null && p.slope.blockAbove !== null && slope > p.slope.blockAbove) return BLOCK('slope');
      if (edge.stepHeightCm !== null && p.step.blockAt !== null && edge.stepHeightCm >= p.step.blockAt) return BLOCK('step');
      if (edge.minWidthM !== null && p.width.blockBelow !== null && edge.minWidthM < p.width.blockBelow) return BLOCK('width');
      let time = walkTime(p.speedMs);
      if (mode === 'travelator') time = Math.min(time, edge.traversalTimeS ?? time);
      let penalty = p.junctionPenaltyS + (mode === 'travelator' ? p.travelatorPenaltyS : 0);
      if (slope !== null && p.slope.penaltyAbove !== null && slope > p.slope.penaltyAbove) penalty += time * 10 * (slope - p.slope.penaltyAbove);
      if (edge.stepHeightCm !== null && p.step.penaltyAt !== null && edge.stepHeightCm >= p.step.penaltyAt) penalty += p.step.penaltyS;
      if (edge.minWidthM !== null && p.width.penaltyBelow !== null && edge.minWidthM < p.width.penaltyBelow) penalty += p.width.penaltyS;
      if (edge.outdoor && edge.lengthM !== null) penalty += edge.lengthM * p.outdoorPenaltyPerM;
      // A walk along the platform to a boarding position is level by definition: nothing is unknown.
      if (!edge.platformBoarding) {
        if (p.needs.walkway.includes('min_width') && edge.minWidthM === null) unknown.push('min_width');
        if (p.needs.walkway.includes('max_slope') && edge.maxSlope === null && mode !== 'travelator') unknown.push('max_slope');
        if (unknown.length) penalty += p.unknownPenaltyS;
      }
      return { costS: time + penalty, timeS: time, blocked: null, unknown };
    }
  }
}
