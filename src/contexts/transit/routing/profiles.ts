import type { ProfileId, RouteOverrides, Text } from './route-types.js';

/**
 * The travellers a route is computed for, and the rules of research/transit-anchors.md §5.4. Every number is
 * a starting assumption to be calibrated with Muui's field timings and user groups; the source is named
 * where one exists (OTP = OpenTripPlanner defaults, ADA, Seoul 동행맵).
 *
 * Costs are seconds. `time` is what the traveller spends; `penalty` is extra cost that steers the search
 * away from hard or uncertain pathways without being reported as time.
 */
export interface StairRule {
  /** Seconds per step going up / down. */
  upS: number;
  downS: number;
  /** Extra cost per step going up / down. */
  upPenaltyS: number;
  downPenaltyS: number;
}

export interface Profile {
  id: ProfileId;
  label: Text;
  /** Speed on a level walkway, m/s. */
  speedMs: number;
  /** The slower (p90-style) estimate is the median times this. */
  slowFactor: number;
  /** null: stairs are impossible. */
  stairs: StairRule | null;
  /** Stairs without a handrail or tactile warning cost this much more per step (low vision). */
  stairsUnsafePenaltyS: number;
  escalator: 'block' | { penaltyS: number };
  elevator: { boardS: number; perLevelS: number; penaltyS: number; noAudioPenaltyS: number };
  /** Stair lift (휠체어리프트): null = not for this traveller; else extra cost (it needs staff). */
  stairLift: { timeS: number; penaltyS: number } | null;
  travelatorPenaltyS: number;
  /** Slope above `blockAbove` is impossible; above `penaltyAbove` costs time × (1 + 10 × excess). */
  slope: { blockAbove: number | null; penaltyAbove: number | null };
  /** Thresholds / single steps in cm: at or above `blockAt` impossible; at or above `penaltyAt` costs `penaltyS`. */
  step: { blockAt: number | null; penaltyAt: number | null; penaltyS: number };
  /** Clear width in metres: below `blockBelow` impossible; below `penaltyBelow` costs `penaltyS`. */
  width: { blockBelow: number | null; penaltyBelow: number | null; penaltyS: number };
  /** A fare gate must be a wide gate (a turnstile cannot be passed). */
  needsWideGate: boolean;
  gateS: number;
  /** Extra cost at every change of pathway (low vision: finding the next sign or tactile path). */
  junctionPenaltyS: number;
  /** Outdoor metres cost this much more per metre (weather, curbs). */
  outdoorPenaltyPerM: number;
  /** Cost of each pathway whose needed attributes are unknown (OTP `unknownCost` style); it is also flagged. */
  unknownPenaltyS: number;
  /** The attributes this profile needs, by mode; a null one is "unknown". */
  needs: { walkway: Array<'min_width' | 'max_slope'>; gate: boolean; elevatorStatus: boolean; stairsTactile: boolean };
}

const wheelchairBase = {
  slowFactor: 1.6,
  stairs: null,
  stairsUnsafePenaltyS: 0,
  escalator: 'block' as const,
  // OTP: boardSlack 90 s, hopTime 20 s per floor.
  elevator: { boardS: 90, perLevelS: 20, penaltyS: 0, noAudioPenaltyS: 0 },
  stairLift: { timeS: 300, penaltyS: 900 },
  travelatorPenaltyS: 0,
  // Seoul 동행맵: thresholds of 2 cm stop a wheelchair; ADA clear width 0.915 m; 동행맵 avoids ≤ 1.2 m.
  step: { blockAt: 2, penaltyAt: null, penaltyS: 0 },
  width: { blockBelow: 0.9, penaltyBelow: 1.2, penaltyS: 60 },
  needsWideGate: true,
  gateS: 10,
  junctionPenaltyS: 0,
  outdoorPenaltyPerM: 0.5,
  // OTP unknownCost: 600 s.
  unknownPenaltyS: 600,
  needs: { walkway: ['min_width', 'max_slope'] as Array<'min_width' | 'max_slope'>, gate: true, elevatorStatus: true, stairsTactile: false },
};

export const PROFILES: Record<ProfileId, Profile> = {
  walking: {
    id: 'walking',
    label: { ko: '일반 보행', en: 'Walking' },
    speedMs: 1.2,
    slowFactor: 1.3,
    stairs: { upS: 0.6, downS: 0.5, upPenaltyS: 0, downPenaltyS: 0 },
    stairsUnsafePenaltyS: 0,
    escalator: { penaltyS: 0 },
    elevator: { boardS: 40, perLevelS: 10, penaltyS: 30, noAudioPenaltyS: 0 },
    stairLift: null,
    travelatorPenaltyS: 0,
    slope: { blockAbove: null, penaltyAbove: null },
    step: { blockAt: null, penaltyAt: null, penaltyS: 0 },
    width: { blockBelow: null, penaltyBelow: null, penaltyS: 0 },
    needsWideGate: false,
    gateS: 5,
    junctionPenaltyS: 0,
    outdoorPenaltyPerM: 0,
    unknownPenaltyS: 0,
    needs: { walkway: [], gate: false, elevatorStatus: false, stairsTactile: false },
  },
  wheelchair: {
    ...wheelchairBase,
    id: 'wheelchair',
    label: { ko: '수동 휠체어', en: 'Manual wheelchair' },
    // AccessMap: 0.6–0.8 m/s. Ramps steeper than 1:12 (8.3 %, ADA/OTP maxSlope) are impossible.
    speedMs: 0.7,
    slope: { blockAbove: 0.083, penaltyAbove: 0.05 },
  },
  powered_wheelchair: {
    ...wheelchairBase,
    id: 'powered_wheelchair',
    label: { ko: '전동 휠체어', en: 'Powered wheelchair' },
    speedMs: 1.2,
    slowFactor: 1.5,
    slope: { blockAbove: 0.12, penaltyAbove: 0.083 },
  },
  elderly: {
    id: 'elderly',
    label: { ko: '고령자·체력 약자', en: 'Elderly / low stamina' },
    speedMs: 0.9,
    slowFactor: 1.5,
    stairs: { upS: 1.2, downS: 1.5, upPenaltyS: 8, downPenaltyS: 12 },
    stairsUnsafePenaltyS: 0,
    escalator: { penaltyS: 0 },
    elevator: { boardS: 60, perLevelS: 15, penaltyS: 0, noAudioPenaltyS: 0 },
    stairLift: null,
    travelatorPenaltyS: 0,
    slope: { blockAbove: null, penaltyAbove: 0.05 },
    step: { blockAt: null, penaltyAt: 2, penaltyS: 20 },
    width: { blockBelow: null, penaltyBelow: null, penaltyS: 0 },
    needsWideGate: false,
    gateS: 8,
    junctionPenaltyS: 0,
    outdoorPenaltyPerM: 0.2,
    unknownPenaltyS: 60,
    needs: { walkway: ['max_slope'], gate: false, elevatorStatus: true, stairsTactile: false },
  },
  stroller: {
    id: 'stroller',
    label: { ko: '유모차 동반', en: 'With a stroller' },
    speedMs: 1.0,
    slowFactor: 1.5,
    stairs: null,
    stairsUnsafePenaltyS: 0,
    escalator: 'block',
    elevator: { boardS: 60, perLevelS: 15, penaltyS: 0, noAudioPenaltyS: 0 },
    stairLift: null,
    travelatorPenaltyS: 0,
    slope: { blockAbove: null, penaltyAbove: 0.08 },
    step: { blockAt: null, penaltyAt: 2, penaltyS: 60 },
    width: { blockBelow: 0.7, penaltyBelow: null, penaltyS: 0 },
    needsWideGate: true,
    gateS: 8,
    junctionPenaltyS: 0,
    outdoorPenaltyPerM: 0.2,
    unknownPenaltyS: 300,
    needs: { walkway: ['min_width'], gate: true, elevatorStatus: true, stairsTactile: false },
  },
  pregnant: {
    id: 'pregnant',
    label: { ko: '임산부', en: 'Pregnant' },
    speedMs: 1.0,
    slowFactor: 1.4,
    stairs: { upS: 0.9, downS: 1.0, upPenaltyS: 6, downPenaltyS: 8 },
    stairsUnsafePenaltyS: 0,
    escalator: { penaltyS: 0 },
    elevator: { boardS: 60, perLevelS: 15, penaltyS: 0, noAudioPenaltyS: 0 },
    stairLift: null,
    travelatorPenaltyS: 0,
    slope: { blockAbove: null, penaltyAbove: 0.05 },
    step: { blockAt: null, penaltyAt: null, penaltyS: 0 },
    width: { blockBelow: null, penaltyBelow: null, penaltyS: 0 },
    needsWideGate: false,
    gateS: 6,
    junctionPenaltyS: 0,
    outdoorPenaltyPerM: 0.2,
    unknownPenaltyS: 60,
    needs: { walkway: ['max_slope'], gate: false, elevatorStatus: true, stairsTactile: false },
  },
  low_vision: {
    id: 'low_vision',
    label: { ko: '저시력·시각장애', en: 'Low vision' },
    speedMs: 0.8,
    slowFactor: 1.6,
    stairs: { upS: 0.8, downS: 0.8, upPenaltyS: 0, downPenaltyS: 0 },
    stairsUnsafePenaltyS: 5,
    escalator: { penaltyS: 20 },
    elevator: { boardS: 60, perLevelS: 15, penaltyS: 0, noAudioPenaltyS: 30 },
    stairLift: null,
    travelatorPenaltyS: 10,
    slope: { blockAbove: null, penaltyAbove: null },
    step: { blockAt: null, penaltyAt: 2, penaltyS: 10 },
    width: { blockBelow: null, penaltyBelow: null, penaltyS: 0 },
    needsWideGate: false,
    gateS: 10,
    junctionPenaltyS: 5,
    outdoorPenaltyPerM: 1,
    unknownPenaltyS: 60,
    needs: { walkway: [], gate: false, elevatorStatus: true, stairsTactile: true },
  },
};

export const isProfileId = (value: unknown): value is ProfileId => typeof value === 'string' && value in PROFILES;

/** A profile with the traveller's own limits applied on top. */
export function applyOverrides(profile: Profile, overrides: RouteOverrides = {}): Profile {
  let p = profile;
  if (overrides.maxSlope !== undefined) {
    const block = p.slope.blockAbove === null ? overrides.maxSlope : Math.min(p.slope.blockAbove, overrides.maxSlope);
    p = { ...p, slope: { ...p.slope, blockAbove: block } };
  }
  if (overrides.avoidEscalators) p = { ...p, escalator: 'block' };
  if (overrides.avoidStairs) p = { ...p, stairs: null };
  return p;
}

/** A stable key for caching routes per profile and overrides. */
export const overridesKey = (profile: ProfileId, o: RouteOverrides = {}) =>
  `${profile}|${o.maxSlope ?? ''}|${o.avoidEscalators ? 1 : 0}|${o.avoidStairs ? 1 : 0}`;
