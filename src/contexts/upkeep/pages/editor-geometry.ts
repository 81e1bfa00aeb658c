import type { EdgeView, NodeView } from '../use-cases/interior-model.js';

/**
 * Where the editor draws each place of a station interior. One user unit of the SVG is a fixed share of a
 * metre, around the station's own position (a local equirectangular projection: good to centimetres over a
 * station's few hundred metres). Places with coordinates go where they are; places without (a derived
 * interior) are laid out per level in a grid, in the same order as the level view, and get coordinates only
 * when a steward moves them. Pure and deterministic; the editor island (interior-editor.island.ts) imports this module.
 */
export const PX_PER_M = 4;
export const M_PER_DEG_LAT = 111_320;
/** The middle column sits lower, so a pathway between the outer two of a row does not pass under it. */
export const GRID = { perRow: 3, colW: 220, rowH: 130, stagger: 48 } as const;

export interface Origin {
  lat: number;
  lon: number;
}
export interface Point {
  x: number;
  y: number;
}

const cosLat = (o: Origin) => Math.cos((o.lat * Math.PI) / 180);
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits || 0; // never -0

/** Latitude/longitude → SVG units (x east, y south), around the origin. */
export function toPoint(origin: Origin, lat: number, lon: number): Point {
  return {
    x: round((lon - origin.lon) * M_PER_DEG_LAT * cosLat(origin) * PX_PER_M, 2),
    y: round(-(lat - origin.lat) * M_PER_DEG_LAT * PX_PER_M, 2),
  };
}

/** SVG units → latitude/longitude, to 7 decimals (about a centimetre). */
export function toLatLon(origin: Origin, p: Point): { lat: number; lon: number } {
  return {
    lat: round(origin.lat - p.y / PX_PER_M / M_PER_DEG_LAT, 7),
    lon: round(origin.lon + p.x / PX_PER_M / (M_PER_DEG_LAT * cosLat(origin)), 7),
  };
}

/** Reading order on a level: platforms, boarding areas, junctions, entrances; by name within a kind (as the level view). */
const KIND_ORDER: Record<number, number> = { 0: 0, 4: 1, 3: 2, 2: 3 };
export const sortPlaces = <N extends Pick<NodeView, 'locationType' | 'name' | 'stopId'>>(nodes: N[]) =>
  [...nodes].sort(
    (a, b) =>
      (KIND_ORDER[a.locationType] ?? 9) - (KIND_ORDER[b.locationType] ?? 9) ||
      (a.name ?? a.stopId).localeCompare(b.name ?? b.stopId, 'ko') ||
      (a.stopId < b.stopId ? -1 : 1),
  );

/** Positions of one level's places: measured ones projected, the others in a grid below them. */
export function layoutLevel(origin: Origin, nodes: NodeView[]): Map<string, Point> {
  const pos = new Map<string, Point>();
  const sorted = sortPlaces(nodes);
  const placed = sorted.filter((n) => n.lat !== null && n.lon !== null);
  for (const n of placed) pos.set(n.stopId, toPoint(origin, n.lat!, n.lon!));
  const top = placed.length ? Math.max(...[...pos.values()].map((p) => p.y)) + GRID.rowH : 0;
  sorted
    .filter((n) => !pos.has(n.stopId))
    .forEach((n, i) => {
      const col = i % GRID.perRow;
      pos.set(n.stopId, { x: (col - (GRID.perRow - 1) / 2) * GRID.colW, y: top + Math.floor(i / GRID.perRow) * GRID.rowH + (col % 2 ? GRID.stagger : 0) });
    });
  return pos;
}

/** The viewBox around a level's places, with room for labels to the right and stubs above and below. */
export function levelBox(points: Point[]): { x: number; y: number; w: number; h: number } {
  if (!points.length) return { x: -300, y: -120, w: 600, h: 240 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.floor(Math.min(...xs) - 90);
  const y = Math.floor(Math.min(...ys) - 90);
  const w = Math.max(600, Math.ceil(Math.max(...xs) + 330 - x));
  const h = Math.ceil(Math.max(...ys) + 80 - y);
  return { x, y, w, h };
}

/**
 * The interior editor island's data, written by the page into <script type="application/json" id="ed-data">
 * (editor.page.ts) and read by interior-editor.island.ts: one type for both ends.
 */
export interface EditorIslandData {
  stationId: string;
  stationName: string;
  baseVersion: number | null;
  origin: Origin;
  levels: Array<{ levelId: string; levelIndex: number; levelName: string | null }>;
  nodes: Array<NodeView & Point & { label: string }>;
  edges: EdgeView[];
  modes: Array<{ mode: string; color: string; width: number; dash: string | null }>;
  messages: Record<string, string>;
}
