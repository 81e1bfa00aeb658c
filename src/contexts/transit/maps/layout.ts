import type { StepMode } from '../routing/route-types.js';
import { bow, dist, r1, type Box, type Point } from './geometry.js';
import { estimateWidth } from './label-wrap.js';
import type { TransferMapInput } from './map-input.js';
import { placeColumns } from './place-columns.js';
import { placeLabels } from './place-labels.js';
import { placeBlocks, placeEdgeIcons, placeMarkers, placeTurns } from './place-markers.js';
import { stepGuides } from './step-guides.js';
import type { TurnGlyph } from './svg-parts.js';

export type { Box, Point } from './geometry.js';

/**
 * One layout, in abstract units, for every drawing of a transfer map: the SVG uses the numbers as its user
 * space, the PDF scales them onto A4. Levels are stacked as bands, street on top; nodes sit on a grid of
 * three columns so that the two ends of a lift line up; pathways are quadratic curves that bow around the
 * nodes they would otherwise cross. Pure and deterministic: no randomness, explicit tie-breaks.
 */
export const MAP = {
  width: 440,
  side: 10,
  columns: 3,
  bandHead: 48,
  rowH: 84,
  bandFoot: 56,
  labelFont: 12,
  labelLine: 15,
  levelFont: 14,
  markerR: 12,
  iconSize: 20,
} as const;
const COL_W = (MAP.width - 2 * MAP.side) / MAP.columns;
/** Nodes sit at the left of their column so their labels have the rest of it. */
const NODE_INSET = 24;
const LABEL_W = COL_W - NODE_INSET - 19;

export type NodeKind = 'platform' | 'entrance' | 'junction' | 'boarding';
export interface LaidBand {
  levelId: string | null;
  name: string | null;
  y: number;
  h: number;
  shaded: boolean;
}
/**
 * `label` is the name, wrapped; a start or end node shows its tag ("출발") as the label's first line, so
 * the name then starts one line lower and has one line less. `labelBox` is the space the label takes.
 */
export interface LaidNode extends Point {
  stopId: string;
  kind: NodeKind;
  label: string[];
  labelAt: Point;
  labelBox: Box;
  /** A thin line from the node to its label when the label had to go further out to stay clear of the lines. */
  leader: [Point, Point] | null;
  onRoute: boolean;
  role: 'start' | 'end' | null;
}
/** A pathway as the quadratic curve from → control → to; `mid` is the curve's own midpoint. */
export interface LaidEdge {
  pathwayId: string;
  mode: StepMode;
  from: Point;
  control: Point;
  to: Point;
  mid: Point;
  step: number | null;
  blocked: boolean;
}
export interface StepMarker extends Point {
  n: number;
  mode: StepMode;
  icon: Point;
}
export interface EdgeIcon extends Point {
  mode: StepMode;
}
/** A turn arrow's tile (top left, size) beside the corner where step n turns, as drawn. */
export interface TurnMark extends Point {
  n: number;
  turn: TurnGlyph;
  size: number;
}
export interface BoardingMark {
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  textAt: Point;
}
export type LegendKey =
  | 'route'
  | 'edge'
  | 'step'
  | 'turn'
  | 'blocked'
  | 'boarding'
  | 'platform'
  | 'junction'
  | 'entrance'
  | 'boardingPosition'
  | `mode.${StepMode}`;
export interface LegendItem extends Point {
  key: LegendKey;
}
export interface MapLayout {
  width: number;
  height: number;
  bands: LaidBand[];
  nodes: LaidNode[];
  edges: LaidEdge[];
  markers: StepMarker[];
  icons: EdgeIcon[];
  blocks: Point[];
  boarding: BoardingMark | null;
  turns: TurnMark[];
  /** The start marker: on the first point of the drawn route (null when there is no route). */
  start: Point | null;
  legend: { y: number; items: LegendItem[] };
}

const KIND: Record<number, NodeKind> = { 0: 'platform', 2: 'entrance', 4: 'boarding' };
const KIND_RANK: Record<NodeKind, number> = { platform: 0, boarding: 1, junction: 2, entrance: 3 };
const MODE_ORDER: StepMode[] = ['elevator', 'escalator', 'stairs', 'stair_lift', 'ramp', 'walkway', 'travelator', 'fare_gate', 'exit_gate'];
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A level whose labels found no spot clear of every line gets taller rows and foot (more room between its
 * places) and the map is laid again, at most three times.
 */
export function layoutTransferMap(input: TransferMapInput): MapLayout {
  // The SVG, the steps' words and the PDF each ask for the layout of one input: laid once while it is unchanged.
  const fingerprint = JSON.stringify(input);
  const known = memo.get(input);
  if (known?.fingerprint === fingerprint) return known.layout;
  const layout = layoutAnew(input);
  memo.set(input, { fingerprint, layout });
  return layout;
}
const memo = new WeakMap<TransferMapInput, { fingerprint: string; layout: MapLayout }>();

function layoutAnew(input: TransferMapInput): MapLayout {
  const extra = new Map<number, number>();
  const grid = gridOf(input);
  for (let round = 0; ; round++) {
    const { layout, crowded } = layoutOnce(input, grid, extra);
    if (!crowded.size || round === 3) return layout;
    for (const i of crowded) extra.set(i, (extra.get(i) ?? 0) + 28);
  }
}

/** The levels as bands (street on top) and each place's row and column in its band. */
function gridOf(input: TransferMapInput) {
  const { route } = input;
  const known = new Set(input.levels.map((l) => l.levelId));
  const levelKey = (id: string | null) => (id !== null && known.has(id) ? id : null);
  const levels = [...input.levels].sort((a, b) => b.index - a.index || cmp(a.levelId, b.levelId));
  const bandsWanted: Array<{ levelId: string | null; name: string | null }> = levels.map((l) => ({ levelId: l.levelId, name: l.name }));
  if (input.nodes.some((n) => levelKey(n.levelId) === null)) bandsWanted.push({ levelId: null, name: null });

  const kindOf = (t: number): NodeKind => KIND[t] ?? 'junction';
  const nodesByBand = bandsWanted.map((b) =>
    input.nodes
      .filter((n) => levelKey(n.levelId) === b.levelId)
      .sort((x, y) => KIND_RANK[kindOf(x.locationType)] - KIND_RANK[kindOf(y.locationType)] || cmp(x.name ?? '', y.name ?? '') || cmp(x.stopId, y.stopId))
      .map((n) => n.stopId),
  );
  // The route weighs three times a plain pathway: its lines are the ones that must run straight.
  const pairs = [
    ...input.edges.map((e) => ({ a: e.fromStopId, b: e.toStopId, weight: 1 })),
    ...route.steps.map((s) => ({ a: s.fromId, b: s.toId, weight: 3 })),
  ];
  const slots = placeColumns(nodesByBand, pairs, MAP.columns);
  return { bandsWanted, nodesByBand, slots, kindOf };
}

function layoutOnce(input: TransferMapInput, grid: ReturnType<typeof gridOf>, extraFoot: Map<number, number>): { layout: MapLayout; crowded: Set<number> } {
  const { route } = input;
  const { bandsWanted, nodesByBand, slots, kindOf } = grid;

  // Bands, top to bottom; each as tall as its rows of nodes.
  const bands: LaidBand[] = [];
  let y = 0;
  bandsWanted.forEach((b, i) => {
    const rows = Math.max(1, ...nodesByBand[i]!.map((id) => slots.get(id)!.row + 1));
    const h = MAP.bandHead + (rows - 1) * (MAP.rowH + (extraFoot.get(i) ?? 0)) + MAP.bandFoot + (extraFoot.get(i) ?? 0);
    bands.push({ ...b, y, h, shaded: i % 2 === 1 });
    y += h;
  });

  const routeStops = new Set(route.steps.flatMap((s) => [s.fromId, s.toId]));
  // The start is where the drawn route begins (its first step's first place), the end where it stops.
  const startId = route.steps[0]?.fromId ?? route.from.id;
  const endId = route.steps.at(-1)?.toId ?? route.to.id;
  const nodes: LaidNode[] = [];
  const bandOfNode = new Map<string, LaidBand>();
  bandsWanted.forEach((_, i) => {
    for (const id of nodesByBand[i]!) {
      const n = input.nodes.find((m) => m.stopId === id)!;
      const slot = slots.get(id)!;
      const x = r1(MAP.side + COL_W * slot.col + NODE_INSET);
      const ny = r1(bands[i]!.y + MAP.bandHead + slot.row * (MAP.rowH + (extraFoot.get(i) ?? 0)));
      const role = id === startId ? 'start' : id === endId ? 'end' : null;
      bandOfNode.set(id, bands[i]!);
      // The label is placed once the lines are drawn (placeLabels); until then it has no place.
      nodes.push({
        stopId: id,
        kind: kindOf(n.locationType),
        x,
        y: ny,
        label: [n.name ?? id],
        labelAt: { x, y: ny },
        labelBox: { x, y: ny, w: 0, h: 0 },
        leader: null,
        onRoute: routeStops.has(id),
        role,
      });
    }
  });
  const at = new Map(nodes.map((n) => [n.stopId, n]));

  // The station's pathways, plus any step whose pathway the graph lacks (so the route is never drawn broken).
  const stepOf = new Map<string, number>();
  for (const s of route.steps) if (!stepOf.has(s.pathwayId)) stepOf.set(s.pathwayId, s.n);
  const blockedIds = new Set(route.reason?.blockedBy.map((b) => b.pathwayId) ?? []);
  const drawn = [...input.edges];
  for (const s of route.steps) {
    if (!drawn.some((e) => e.pathwayId === s.pathwayId)) drawn.push({ pathwayId: s.pathwayId, fromStopId: s.fromId, toStopId: s.toId, mode: s.mode });
  }
  const groups = new Map<string, number>();
  const groupSize = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const e of drawn) groupSize.set(pairKey(e.fromStopId, e.toStopId), (groupSize.get(pairKey(e.fromStopId, e.toStopId)) ?? 0) + 1);
  const edges: LaidEdge[] = [];
  for (const e of drawn) {
    const a = at.get(e.fromStopId);
    const b = at.get(e.toStopId);
    if (!a || !b || a === b) continue;
    const key = pairKey(e.fromStopId, e.toStopId);
    const i = groups.get(key) ?? 0;
    groups.set(key, i + 1);
    // Parallel pathways (a lift beside stairs) fan out; the sign follows the pair's order, not the edge's.
    const sign = e.fromStopId < e.toStopId ? 1 : -1;
    const base = (i - ((groupSize.get(key) ?? 1) - 1) / 2) * 16 * sign;
    const others = nodes.filter((n) => n !== a && n !== b);
    const offset = [0, 28, -28, 56, -56, 84, -84].find((o) => clear(a, b, base + o, others)) ?? 0;
    const { control, mid } = bow(a, b, base + offset);
    edges.push({
      pathwayId: e.pathwayId,
      mode: e.mode,
      from: { x: a.x, y: a.y },
      control,
      to: { x: b.x, y: b.y },
      mid,
      step: stepOf.get(e.pathwayId) ?? null,
      blocked: blockedIds.has(e.pathwayId),
    });
  }

  const boarding = boardingMark(input, at);
  const fixed: Box[] = [
    ...bands.map((b) => ({ x: MAP.side - 2, y: b.y + 4, w: estimateWidth(b.name ?? '층 모름', MAP.levelFont) + 4, h: MAP.levelFont + 6 })),
    ...(boarding ? [{ x: boarding.x, y: boarding.y, w: boarding.w + 40, h: boarding.h }] : []),
  ];
  const labels = placeLabels(
    nodes.map((n) => {
      const band = bandOfNode.get(n.stopId)!;
      return { stopId: n.stopId, x: n.x, y: n.y, name: n.label[0]!, tag: n.role !== null, onRoute: n.onRoute, band: { top: band.y, bottom: band.y + band.h } };
    }),
    edges,
    fixed,
    { width: MAP.width, height: y, side: MAP.side, font: MAP.labelFont, line: MAP.labelLine, widths: [LABEL_W, LABEL_W + 50, 64, 200], maxLines: 3 },
  );
  const crowded = new Set<number>();
  for (const n of nodes) {
    const { crowded: isCrowded, ...placed } = labels.get(n.stopId)!;
    Object.assign(n, placed);
    if (isCrowded) crowded.add(bands.indexOf(bandOfNode.get(n.stopId)!));
  }
  // What markers, crosses and pictograms must not cover: labels, level names, the boarding glyph.
  const boxes: Box[] = [...nodes.map((n) => n.labelBox), ...fixed];

  const blocks = placeBlocks(edges, nodes, boxes);
  boxes.push(...blocks.map((p) => ({ x: p.x - 9, y: p.y - 9, w: 18, h: 18 })));
  const markers = placeMarkers(route.steps, edges, nodes, boxes, MAP);
  const icons = placeEdgeIcons(edges, markers, nodes, boxes, MAP.iconSize);
  const wanted = [...stepGuides(input, { nodes, edges }).values()].flatMap((g) => {
    const step = route.steps.find((s) => s.n === g.n);
    const corner = step && at.get(step.fromId);
    return g.turn && g.turn !== 'straight' && corner ? [{ n: g.n, turn: g.turn, at: corner }] : [];
  });
  const turns = placeTurns(wanted, edges, nodes, markers, [...boxes, ...icons.map((i) => ({ x: i.x - 9, y: i.y - 9, w: 18, h: 18 }))], MAP);

  const legendY = y + 12;
  const legend = legendItems(input, edges, boarding !== null, blocks.length > 0, legendY, turns.length > 0);
  const legendRows = Math.ceil(legend.length / 2);
  const start = at.get(startId);
  const layout: MapLayout = {
    width: MAP.width,
    height: r1(legendY + 34 + legendRows * 26),
    bands,
    nodes,
    edges,
    markers,
    icons,
    blocks,
    boarding,
    turns,
    start: route.steps.length && start ? { x: start.x, y: start.y } : null,
    legend: { y: legendY, items: legend },
  };
  return { layout, crowded };
}

function clear(a: Point, b: Point, offset: number, others: Point[]): boolean {
  const { control: c } = bow(a, b, offset);
  for (let t = 0.1; t < 0.95; t += 0.1) {
    const p = { x: (1 - t) ** 2 * a.x + 2 * (1 - t) * t * c.x + t ** 2 * b.x, y: (1 - t) ** 2 * a.y + 2 * (1 - t) * t * c.y + t ** 2 * b.y };
    if (others.some((o) => dist(o, p) < 14)) return false;
  }
  return true;
}

/** The car-and-door glyph beside the boarding position (or, when the graph lacks it, the route's end). */
function boardingMark(input: TransferMapInput, at: Map<string, LaidNode>): BoardingMark | null {
  const advice = input.route.boardAt;
  if (!advice) return null;
  const node = at.get(advice.stopId) ?? at.get(input.route.steps.at(-1)?.toId ?? '') ?? at.get(input.route.to.id);
  if (!node) return null;
  const w = 40;
  const h = 18;
  const text = `${advice.car}-${advice.door}`;
  const x = node.x + 14 + w + 40 <= MAP.width - MAP.side ? node.x + 14 : node.x - 14 - w - 40;
  return { x: r1(x), y: r1(node.y - 34), w, h, text, textAt: { x: r1(x + w + 6), y: r1(node.y - 20) } };
}

function legendItems(input: TransferMapInput, edges: LaidEdge[], boarding: boolean, blocked: boolean, top: number, turns: boolean): LegendItem[] {
  const kinds = new Set(input.nodes.map((n) => KIND[n.locationType] ?? 'junction'));
  const modes = new Set(edges.map((e) => e.mode));
  const keys: LegendKey[] = [
    ...(input.route.steps.length ? (['route', 'step'] as const) : []),
    ...(turns ? (['turn'] as const) : []),
    'edge',
    ...(blocked ? (['blocked'] as const) : []),
    ...(boarding ? (['boarding'] as const) : []),
    ...(['platform', 'boardingPosition', 'junction', 'entrance'] as const).filter((k) => kinds.has(k === 'boardingPosition' ? 'boarding' : k)),
    ...MODE_ORDER.filter((m) => modes.has(m)).map((m) => `mode.${m}` as const),
  ];
  const half = MAP.width / 2;
  return keys.map((key, i) => ({ key, x: MAP.side + (i % 2) * half, y: top + 34 + Math.floor(i / 2) * 26 }));
}
