import type { RouteStep, StepMode } from '../routing/route-types.js';
import type { Point } from './geometry.js';
import type { MapLayout } from './layout.js';
import type { TransferMapInput } from './map-input.js';

/**
 * What each step adds to its instruction: which way to turn where it begins, read from the drawn map (the
 * map is a diagram, not a plan of the station: "on the map" is said with it), and the landmarks where it
 * ends that the data gives — an exit's number, a fare gate, a boarding position's car and door, a
 * platform. A turn is told only between two steps on one level (a lift or stairs between levels is its own
 * instruction). Pure: the same input and layout give the same guides.
 */
/**
 * `left`, `right`, `straight`, `back`: a turn relative to the way the previous step arrived (both on one
 * level). `head-left`, `head-right`: after a lift, stairs or escalator (drawn up or down the map), the side
 * of the map the step leaves toward.
 */
export type Turn = 'left' | 'right' | 'straight' | 'back' | 'head-left' | 'head-right';
export type Landmark =
  | { kind: 'gate' }
  | { kind: 'exit'; n: string }
  | { kind: 'entrance' | 'platform'; name: string }
  | { kind: 'carDoor'; car: string; door: string };
export interface StepGuide {
  n: number;
  turn: Turn | null;
  landmarks: Landmark[];
  /** Where the step's lift is (or that it is not known), when the step rides one. */
  position: { ko: string; en: string } | null;
}

const LEVEL_CHANGE: ReadonlySet<StepMode> = new Set(['elevator', 'escalator', 'stairs', 'stair_lift']);
const STRAIGHT_DEG = 30;
const BACK_DEG = 150;

/** The signed angle (degrees, right positive on screen where y grows downward) from direction a to b. */
export function turnAngle(a: Point, b: Point): number {
  return (Math.atan2(a.x * b.y - a.y * b.x, a.x * b.x + a.y * b.y) * 180) / Math.PI;
}

export function turnOf(deg: number): Turn {
  const abs = Math.abs(deg);
  if (abs <= STRAIGHT_DEG) return 'straight';
  if (abs >= BACK_DEG) return 'back';
  return deg > 0 ? 'right' : 'left';
}

export function stepGuides(input: TransferMapInput, layout: Pick<MapLayout, 'nodes' | 'edges'>): Map<number, StepGuide> {
  const steps = [...input.route.steps].sort((a, b) => a.n - b.n);
  const at = new Map(layout.nodes.map((n) => [n.stopId, n]));
  const edgeOf = new Map(layout.edges.map((e) => [e.pathwayId, e]));
  const nodeOf = new Map(input.nodes.map((n) => [n.stopId, n]));
  const guides = new Map<number, StepGuide>();
  steps.forEach((s, i) => {
    const prev = steps[i - 1];
    const turn = !prev || !sameLevel(s) ? null : sameLevel(prev) ? turnBetween(prev, s, at, edgeOf) : headOf(s, at, edgeOf);
    guides.set(s.n, { n: s.n, turn, landmarks: landmarks(s, nodeOf, input), position: (s.facilityId && input.liftPositions?.[s.facilityId]) || null });
  });
  return guides;
}

/** A step that stays on one level (connecting stairs inside a level count; a lift never does). */
const sameLevel = (s: RouteStep) =>
  s.fromLevelId !== null && s.toLevelId !== null ? s.fromLevelId === s.toLevelId && s.mode !== 'elevator' : !LEVEL_CHANGE.has(s.mode);

/** The direction of travel as drawn: arriving along the previous step's curve, leaving along this one's. */
function turnBetween(prev: RouteStep, s: RouteStep, at: Map<string, Point>, edgeOf: Map<string, MapLayout['edges'][number]>): Turn | null {
  const pe = edgeOf.get(prev.pathwayId);
  const se = edgeOf.get(s.pathwayId);
  const corner = at.get(s.fromId);
  const before = at.get(prev.fromId);
  const after = at.get(s.toId);
  if (!pe || !se || !corner || !before || !after) return null;
  // A quadratic's tangent at an end points at its control point (or along the chord when it is straight).
  const arriving = direction(pe.control, corner, before);
  const leaving = direction(corner, se.control, after, true);
  if (!arriving || !leaving) return null;
  return turnOf(turnAngle(arriving, leaving));
}

/** After a level change: toward which side of the map the step leaves, when it runs mostly sideways. */
function headOf(s: RouteStep, at: Map<string, Point>, edgeOf: Map<string, MapLayout['edges'][number]>): Turn | null {
  const se = edgeOf.get(s.pathwayId);
  const corner = at.get(s.fromId);
  const after = at.get(s.toId);
  if (!se || !corner || !after) return null;
  const d = direction(corner, se.control, after, true);
  if (!d || Math.abs(d.x) < Math.abs(d.y) * 0.5) return null;
  return d.x < 0 ? 'head-left' : 'head-right';
}

function direction(from: Point, to: Point, fallback: Point, leaving = false): Point | null {
  let d = { x: to.x - from.x, y: to.y - from.y };
  if (Math.hypot(d.x, d.y) < 0.5) d = leaving ? { x: fallback.x - from.x, y: fallback.y - from.y } : { x: to.x - fallback.x, y: to.y - fallback.y };
  return Math.hypot(d.x, d.y) < 0.5 ? null : d;
}

function landmarks(s: RouteStep, nodeOf: Map<string, TransferMapInput['nodes'][number]>, input: TransferMapInput): Landmark[] {
  const out: Landmark[] = [];
  if (s.mode === 'fare_gate' || s.mode === 'exit_gate') out.push({ kind: 'gate' });
  const to = nodeOf.get(s.toId);
  const name = to?.name ?? '';
  if (to?.locationType === 2) {
    const exit = /(\d+(?:-\d+)?)\s*번\s*출구/.exec(name);
    out.push(exit ? { kind: 'exit', n: exit[1]! } : { kind: 'entrance', name });
  }
  if (to?.locationType === 4) {
    const advice = input.route.boardAt;
    const named = /(\d+)-(\d+)\s*$/.exec(name);
    if (advice && advice.stopId === s.toId) out.push({ kind: 'carDoor', car: String(advice.car), door: String(advice.door) });
    else if (named) out.push({ kind: 'carDoor', car: named[1]!, door: named[2]! });
  }
  if (to?.locationType === 0 && name) out.push({ kind: 'platform', name });
  return out;
}
