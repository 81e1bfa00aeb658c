import { dist, nearBox, overlaps, r1, samples, type Box, type Point } from './geometry.js';
import { estimateWidth, wrapLabel } from './label-wrap.js';
import type { LaidEdge } from './layout.js';

/**
 * Where each node's name goes: clear of every pathway line (the route's thick one with its casing, the faint
 * ones), of the other labels, of the places and of the level names, inside the map and inside its own level
 * band. The spots beside the node are tried first (below-right, right, above-right, below-left, …), with the
 * name wrapped at three widths; failing those, spots further out on rings around the node, joined to it by a
 * thin leader line. Labels are placed in order (start, end, the route's places, then the rest), each one an
 * obstacle for the next; the leader lines too. Pure and deterministic.
 */
export interface LabelRequest {
  stopId: string;
  x: number;
  y: number;
  name: string;
  tag: boolean;
  onRoute: boolean;
  /** The vertical span the label must stay in (its level band). */
  band: { top: number; bottom: number };
}
export interface PlacedLabel {
  label: string[];
  labelAt: Point;
  labelBox: Box;
  leader: [Point, Point] | null;
  /** No spot was clear of every line: the level needs more room. */
  crowded: boolean;
}
export interface LabelSpace {
  width: number;
  height: number;
  side: number;
  font: number;
  line: number;
  widths: number[];
  maxLines: number;
}

/** How far a label keeps from a line: half the drawn stroke plus a little air (route: 11-unit casing). */
export const ROUTE_CLEARANCE = 7;
export const EDGE_CLEARANCE = 2.5;
/** How far a label keeps from a place's centre (the largest place shape is 32 × 18, an entrance 24 × 24). */
export const NODE_CLEARANCE = 17;
/** The start and the end: the start's ring (radius 19, stroke 3) around them. */
export const START_CLEARANCE = 21;

interface Candidate {
  box: Box;
  leader: boolean;
}

export function placeLabels(requests: LabelRequest[], edges: LaidEdge[], fixed: Box[], space: LabelSpace): Map<string, PlacedLabel> {
  const grid = new LineGrid(edges);
  const taken: Box[] = [...fixed];
  const leaders: Array<[Point, Point]> = [];
  const placed = new Map<string, PlacedLabel>();
  const order = [...requests].sort((a, b) => rank(b) - rank(a) || a.y - b.y || a.x - b.x || (a.stopId < b.stopId ? -1 : 1));

  for (const r of order) {
    const wraps = space.widths.map((w) => wrapLabel(r.name, w, space.font, r.tag ? space.maxLines - 1 : space.maxLines));
    const sized = wraps.map((label) => {
      const w = r1(Math.max(...label.map((l) => estimateWidth(l, space.font)), r.tag ? 60 : 0) + 4);
      const h = (label.length + (r.tag ? 1 : 0)) * space.line + 2;
      return { label, w, h };
    });
    const inside = (b: Box, band: boolean) =>
      b.x >= space.side / 2 &&
      b.x + b.w <= space.width - 2 &&
      (band ? b.y >= r.band.top + 2 && b.y + b.h <= r.band.bottom - 2 : b.y >= 0 && b.y + b.h <= space.height);
    /** What a spot covers, worst first: another label or a place (never, while any spot is free of them), then lines. */
    const cost = (c: Candidate, band: boolean, limit: number) => {
      if (!inside(c.box, band) || taken.some((t) => overlaps(c.box, t))) return Infinity;
      if (requests.some((n) => nearBox(n, c.box, n.tag ? START_CLEARANCE : NODE_CLEARANCE))) return Infinity;
      if (c.leader && !leaderClear(r, c.box, taken, requests)) return Infinity;
      let hits = leaders.filter(([a, b]) => segmentNearBox(a, b, c.box, 1.5)).length;
      if (hits >= limit) return hits;
      for (const route of grid.linesNear(c.box).values()) hits += route ? 3 : 1;
      return hits;
    };
    let chosen: { c: Candidate; s: (typeof sized)[number] } | null = null;
    let best = Infinity;
    // Beside the node, then on rings with a leader; in the band first. The first spot that covers nothing wins;
    // failing that, the one that covers the fewest lines (the route's count three times).
    search: for (const band of [true, false]) {
      for (const spots of [(s: (typeof sized)[number]) => nearSpots(r, s.w, s.h), (s: (typeof sized)[number]) => ringSpots(r, s.w, s.h)]) {
        for (const s of sized) {
          for (const c of spots(s)) {
            const k = cost(c, band, best);
            if (k < best) {
              best = k;
              chosen = { c, s };
            }
            if (best === 0) break search;
          }
        }
      }
    }
    // Nowhere without another label (never seen): the usual spot, below-right, with its halo.
    chosen ??= { c: nearSpots(r, sized[0]!.w, sized[0]!.h)[0]!, s: sized[0]! };
    const { box } = chosen.c;
    const leader: [Point, Point] | null = chosen.c.leader ? [{ x: r.x, y: r.y }, closestOnBox({ x: r.x, y: r.y }, box)] : null;
    taken.push(box);
    if (leader) leaders.push(leader);
    placed.set(r.stopId, { label: chosen.s.label, labelAt: { x: r1(box.x + 2), y: r1(box.y + 12) }, labelBox: box, leader, crowded: best > 0 });
  }
  return placed;
}

const rank = (r: LabelRequest) => (r.tag ? 2 : 0) + (r.onRoute ? 1 : 0);

/** Beside the node, the usual spot first. */
function nearSpots(r: LabelRequest, w: number, h: number): Candidate[] {
  // The start's ring (radius 19) takes more room around its node.
  const g = r.tag ? 9 : 0;
  const spots: Array<[number, number]> = [
    [r.x + 13 + g, r.y + 10 + g],
    [r.x + 18 + g, r.y - h / 2],
    [r.x + 13 + g, r.y - 10 - g - h],
    [r.x - 13 - g - w, r.y + 10 + g],
    [r.x - 18 - g - w, r.y - h / 2],
    [r.x - 13 - g - w, r.y - 10 - g - h],
    [r.x - w / 2, r.y + 16 + g],
    [r.x - w / 2, r.y - 16 - g - h],
  ];
  return spots.map(([x, y]) => ({ box: { x: r1(x), y: r1(y), w, h }, leader: false }));
}

/** Further out, on rings around the node (nearest first), to be joined to it by a leader. */
function ringSpots(r: Point, w: number, h: number): Candidate[] {
  const out: Candidate[] = [];
  for (let radius = 34; radius <= 220; radius += 12) {
    for (let a = 0; a < 24; a++) {
      const angle = (a * Math.PI) / 12;
      const cx = r.x + radius * Math.cos(angle);
      const cy = r.y + radius * Math.sin(angle);
      out.push({ box: { x: r1(cx - w / 2), y: r1(cy - h / 2), w, h }, leader: true });
    }
  }
  return out;
}

function leaderClear(r: LabelRequest, box: Box, taken: Box[], nodes: Point[]): boolean {
  const end = closestOnBox(r, box);
  return taken.every((t) => !segmentNearBox(r, end, t, 1)) && nodes.every((n) => (n.x === r.x && n.y === r.y) || pointSegmentDistance(n, r, end) >= 12);
}

export function closestOnBox(p: Point, b: Box): Point {
  return { x: r1(Math.min(Math.max(p.x, b.x), b.x + b.w)), y: r1(Math.min(Math.max(p.y, b.y), b.y + b.h)) };
}

/**
 * The lines' points (every two units or so) in square cells, so that asking which lines come near a box
 * reads only the cells under it. Each point keeps its line's clearance.
 */
class LineGrid {
  private static readonly CELL = 16;
  private readonly cells = new Map<string, Array<{ p: Point; margin: number; line: number; route: boolean }>>();

  constructor(edges: LaidEdge[]) {
    edges.forEach((e, line) => {
      const margin = e.step !== null ? ROUTE_CLEARANCE : EDGE_CLEARANCE;
      for (const p of samples(e, Math.max(24, Math.ceil(curveLength(e) / 2)))) {
        const key = `${Math.floor(p.x / LineGrid.CELL)},${Math.floor(p.y / LineGrid.CELL)}`;
        const cell = this.cells.get(key) ?? [];
        cell.push({ p, margin, line, route: e.step !== null });
        this.cells.set(key, cell);
      }
    });
  }

  /** The lines that come nearer the box than their clearance: line index → whether it is the route. */
  linesNear(box: Box): Map<number, boolean> {
    const found = new Map<number, boolean>();
    const pad = ROUTE_CLEARANCE;
    const C = LineGrid.CELL;
    for (let cx = Math.floor((box.x - pad) / C); cx <= Math.floor((box.x + box.w + pad) / C); cx++) {
      for (let cy = Math.floor((box.y - pad) / C); cy <= Math.floor((box.y + box.h + pad) / C); cy++) {
        for (const q of this.cells.get(`${cx},${cy}`) ?? []) if (!found.has(q.line) && nearBox(q.p, box, q.margin)) found.set(q.line, q.route);
      }
    }
    return found;
  }
}

function curveLength(e: LaidEdge): number {
  const pts = samples(e, 10);
  let len = 0;
  for (let i = 1; i < pts.length; i++) len += dist(pts[i - 1]!, pts[i]!);
  return len;
}

export function pointSegmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * Whether segment a–b passes closer than `margin` to the box: it meets the box grown by the margin (square
 * corners, so a little more than the margin near them). Liang–Barsky clipping.
 */
export function segmentNearBox(a: Point, b: Point, box: Box, margin: number): boolean {
  const x0 = box.x - margin;
  const x1 = box.x + box.w + margin;
  const y0 = box.y - margin;
  const y1 = box.y + box.h + margin;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let lo = 0;
  let hi = 1;
  for (const [p, q] of [
    [-dx, a.x - x0],
    [dx, x1 - a.x],
    [-dy, a.y - y0],
    [dy, y1 - a.y],
  ] as Array<[number, number]>) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) lo = Math.max(lo, t);
    else hi = Math.min(hi, t);
    if (lo > hi) return false;
  }
  return true;
}
