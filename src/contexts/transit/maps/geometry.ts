/** Plane geometry of the transfer-map layout: points, boxes and the quadratic curves pathways are drawn as. */
export interface Point {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Curve {
  from: Point;
  control: Point;
  to: Point;
}

/** Coordinates are kept to one decimal: enough for drawing, and the output stays short and stable. */
export const r1 = (v: number) => Math.round(v * 10) / 10;
export const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Control point and midpoint of a quadratic from a to b whose middle sits `offset` units off the chord. */
export function bow(a: Point, b: Point, offset: number): { control: Point; mid: Point } {
  const len = dist(a, b) || 1;
  let nx = -(b.y - a.y) / len;
  let ny = (b.x - a.x) / len;
  // Positive offsets bow up, or left for vertical lines: away from the labels, which sit below-right.
  if (ny > 0 || (ny === 0 && nx > 0)) {
    nx = -nx;
    ny = -ny;
  }
  const m = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return { control: { x: r1(m.x + nx * offset * 2), y: r1(m.y + ny * offset * 2) }, mid: { x: r1(m.x + nx * offset), y: r1(m.y + ny * offset) } };
}

export function pointAt(c: Curve, t: number): Point {
  const u = 1 - t;
  return { x: r1(u * u * c.from.x + 2 * u * t * c.control.x + t * t * c.to.x), y: r1(u * u * c.from.y + 2 * u * t * c.control.y + t * t * c.to.y) };
}

/** Points along the curve, ends included. */
export const samples = (c: Curve, n = 20): Point[] => Array.from({ length: n + 1 }, (_, i) => pointAt(c, i / n));

/** Whether p lies closer than `margin` to the box. */
export function nearBox(p: Point, b: Box, margin: number): boolean {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.w));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.h));
  return Math.hypot(dx, dy) < margin;
}

export const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
