import type { RouteStep } from '../routing/route-types.js';
import { dist, nearBox, overlaps, pointAt, r1, samples, type Box, type Point } from './geometry.js';
import type { EdgeIcon, LaidEdge, LaidNode, StepMarker, TurnMark } from './layout.js';
import type { TurnGlyph } from './svg-parts.js';

/**
 * Where the numbered step circles and pictograms go. A circle sits on its own step's line (the middle when
 * free, else further along, else just off it) and clear of nodes, labels, other circles and other steps'
 * lines; its pictogram goes beside it where it covers no label and no part of the route.
 */
export interface MarkerSpace {
  width: number;
  side: number;
  markerR: number;
  iconSize: number;
}

const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];
const NUDGE: Array<[number, number]> = [
  [0, -26],
  [0, 26],
  [-26, 0],
  [26, 0],
  [-26, -26],
  [26, -26],
  [26, 26],
  [-26, 26],
];

export function placeMarkers(steps: RouteStep[], edges: LaidEdge[], nodes: LaidNode[], boxes: Box[], space: MarkerSpace): StepMarker[] {
  const edgeOf = new Map(edges.map((e) => [e.pathwayId, e]));
  const routeLines = edges.filter((e) => e.step !== null).map((e) => ({ step: e.step!, points: samples(e) }));
  const taken = [...boxes];
  const markers: StepMarker[] = [];
  const { markerR, iconSize } = space;
  for (const s of steps) {
    const e = edgeOf.get(s.pathwayId);
    if (!e) continue;
    // Strictness 2: clear of labels, icons and the other route lines; 1: clear of labels and icons (a label is
    // never covered while any spot is free of it); 0: clear of markers and places only.
    const free = (p: Point, strictness: 0 | 1 | 2) =>
      markers.every((m) => dist(m, p) >= 2 * markerR + 2) &&
      nodes.every((n) => dist(n, p) >= 20) &&
      (strictness < 1 || taken.every((b) => !nearBox(p, b, markerR))) &&
      (strictness < 2 || routeLines.every((l) => l.step === e.step || l.points.every((q) => dist(q, p) >= markerR + 2)));
    const candidates = [
      ...ALONG.map((t) => pointAt(e, t)),
      ...NUDGE.map(([dx, dy]) => ({ x: r1(e.mid.x + dx), y: r1(e.mid.y + dy) })),
      ...NUDGE.map(([dx, dy]) => ({ x: r1(e.mid.x + 2 * dx), y: r1(e.mid.y + 2 * dy) })),
    ];
    const spot = candidates.find((p) => free(p, 2)) ?? candidates.find((p) => free(p, 1)) ?? candidates.find((p) => free(p, 0)) ?? e.mid;

    const half = iconSize / 2;
    const gap = markerR + 3;
    const options: Point[] = [
      { x: spot.x + gap, y: spot.y - half },
      { x: spot.x - gap - iconSize, y: spot.y - half },
      { x: spot.x - half, y: spot.y - gap - iconSize },
      { x: spot.x - half, y: spot.y + gap },
    ].map((p) => ({ x: r1(p.x), y: r1(p.y) }));
    const tile = (p: Point): Box => ({ x: p.x, y: p.y, w: iconSize, h: iconSize });
    const inside = (p: Point) => p.x >= space.side && p.x + iconSize <= space.width - space.side;
    const clearOfMarkers = (p: Point) => [...markers, spot].every((m) => !nearBox(m, tile(p), markerR));
    const clear = (p: Point) =>
      clearOfMarkers(p) &&
      taken.every((b) => !overlaps(tile(p), b)) &&
      nodes.every((n) => !nearBox(n, tile(p), 10)) &&
      routeLines.every((l) => l.points.every((q) => !nearBox(q, tile(p), 4)));
    const icon = options.find((p) => inside(p) && clear(p)) ?? options.find((p) => inside(p) && clearOfMarkers(p)) ?? options[0]!;
    markers.push({ n: s.n, mode: s.mode, x: spot.x, y: spot.y, icon });
    taken.push(tile(icon));
  }
  return markers;
}

/** Faint pictograms on the pathways off the route that change level or pass a gate, where there is room. */
export function placeEdgeIcons(edges: LaidEdge[], markers: StepMarker[], nodes: LaidNode[], boxes: Box[], iconSize: number): EdgeIcon[] {
  const icons: EdgeIcon[] = [];
  const tiles = markers.map((m) => ({ x: m.icon.x, y: m.icon.y, w: iconSize, h: iconSize }));
  for (const e of edges) {
    if (e.step !== null || e.blocked || e.mode === 'walkway') continue;
    const p = e.mid;
    const crowded =
      markers.some((m) => dist(m, p) < 30) ||
      nodes.some((n) => dist(n, p) < 22) ||
      icons.some((o) => dist(o, p) < 22) ||
      [...boxes, ...tiles].some((b) => nearBox(p, b, 10));
    if (!crowded) icons.push({ mode: e.mode, x: p.x, y: p.y });
  }
  return icons;
}

/** A cross on the middle of each blocked pathway, moved along it when that spot is taken (parallel pathways). */
export function placeBlocks(edges: LaidEdge[], nodes: LaidNode[], boxes: Box[]): Point[] {
  const crosses: Point[] = [];
  for (const e of edges) {
    if (!e.blocked) continue;
    const candidates = ALONG.map((t) => pointAt(e, t));
    const spot =
      candidates.find((p) => crosses.every((c) => dist(c, p) >= 28) && nodes.every((n) => dist(n, p) >= 18) && boxes.every((b) => !nearBox(p, b, 9))) ??
      candidates.find((p) => crosses.every((c) => dist(c, p) >= 28)) ??
      e.mid;
    crosses.push(spot);
  }
  return crosses;
}

/**
 * A small arrow tile beside the corner where a step turns (left, right or back, as drawn; straight on is
 * left to the words), clear of labels, markers, their pictograms, places and the route's lines. A turn with
 * no free spot is drawn nowhere: the step's words still say it.
 */
export function placeTurns(
  turns: Array<{ n: number; turn: TurnGlyph; at: Point }>,
  edges: LaidEdge[],
  nodes: LaidNode[],
  markers: StepMarker[],
  boxes: Box[],
  space: MarkerSpace,
): TurnMark[] {
  const size = 16;
  const routeLines = edges.filter((e) => e.step !== null).map((e) => samples(e, 40));
  const taken: Box[] = [...boxes, ...markers.map((m) => ({ x: m.icon.x, y: m.icon.y, w: space.iconSize, h: space.iconSize }))];
  const out: TurnMark[] = [];
  for (const t of turns) {
    const spots = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((i) =>
      [24, 34].map((r) => ({
        x: r1(t.at.x + r * Math.cos((i * Math.PI) / 4) - size / 2),
        y: r1(t.at.y + r * Math.sin((i * Math.PI) / 4) - size / 2),
      })),
    );
    const spot = spots.find((p) => {
      const tile = { x: p.x, y: p.y, w: size, h: size };
      return (
        p.x >= space.side &&
        p.x + size <= space.width - space.side &&
        taken.every((b) => !overlaps(tile, b)) &&
        markers.every((m) => !nearBox(m, tile, space.markerR + 2)) &&
        nodes.every((n) => !nearBox(n, tile, 12)) &&
        routeLines.every((l) => l.every((q) => !nearBox(q, tile, 6)))
      );
    });
    if (!spot) continue;
    out.push({ n: t.n, turn: t.turn, x: spot.x, y: spot.y, size });
    taken.push({ x: spot.x, y: spot.y, w: size, h: size });
  }
  return out;
}
