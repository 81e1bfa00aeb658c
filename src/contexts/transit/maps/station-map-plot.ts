import type { StationMapFacts } from './station-map-svg.js';

/**
 * The plot of a station map, in plot-local units (top left 0, 0), for the SVG and the PDF alike: what has a
 * position (lifts, toilets) around the station's own point, north up, each marker labelled beside it where
 * no other label is, or further out with a leader line. Null when nothing has a position.
 */
export interface LabelBox {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface StationPlot {
  centre: { cx: number; cy: number };
  markers: Array<{ kind: 'lift' | 'toilet'; x: number; y: number; status: 'working' | 'out' | 'unknown' }>;
  /** Text on its baseline at x, y; `leader` from the marker to the label when it sits further out. */
  labels: Array<{ text: string; x: number; y: number; size: number; leader: [{ x: number; y: number }, { x: number; y: number }] | null }>;
  /** Every label's box (the centre's words included), so a test can check that none overlaps another. */
  boxes: LabelBox[];
  scaleBar: { metres: number; px: number };
}

function metresFrom(c: { lat: number; lon: number }, p: { lat: number; lon: number }) {
  return { dx: (p.lon - c.lon) * 111_320 * Math.cos((c.lat * Math.PI) / 180), dy: (p.lat - c.lat) * 111_320 };
}

export function layoutStationPlot(f: StationMapFacts, centreText: string, W: number, PLOT_H: number): StationPlot | null {
  const c = f.station.lat !== null && f.station.lon !== null ? { lat: f.station.lat, lon: f.station.lon } : null;
  const placed = c
    ? [
        ...f.lifts
          .filter((l) => l.lat !== null && l.lon !== null)
          .map((l) => ({ kind: 'lift' as const, label: l.label, status: l.status, ...metresFrom(c, { lat: l.lat!, lon: l.lon! }) })),
        ...f.toilets
          .filter((l) => l.lat !== null && l.lon !== null)
          .map((l) => ({ kind: 'toilet' as const, label: l.label, status: 'unknown' as const, ...metresFrom(c, { lat: l.lat!, lon: l.lon! }) })),
      ]
    : [];
  if (!placed.length) return null;
  const reach = Math.max(60, ...placed.map((p) => Math.max(Math.abs(p.dx), Math.abs(p.dy))));
  const k = (PLOT_H / 2 - 40) / reach;
  const cx = W / 2;
  const cy = PLOT_H / 2 + 10;
  const centreW = centreText.length * 12 * 0.62 + 4;
  const boxes: LabelBox[] = [{ text: centreText, x: cx - centreW / 2, y: cy + 12, w: centreW, h: 16 }];
  const taken: LabelBox[] = [...boxes];
  const labels: StationPlot['labels'] = [];
  const markers = placed.map((p) => ({ kind: p.kind, status: p.status, x: cx + p.dx * k, y: cy - p.dy * k }));
  for (const m of markers) taken.push({ text: '', x: m.x - 7, y: m.y - 7, w: 14, h: 14 });
  placed.forEach((p, i) => {
    const { x: px, y: py } = markers[i]!;
    const s = p.label;
    const size = 13;
    const w = s.length * size * 0.62 + 4;
    const h = size + 4;
    // Right, left, above, below: the first spot that overlaps no label already placed.
    const near = [
      [px + 11, py + size / 2 - 2],
      [px - 11 - w, py + size / 2 - 2],
      [px - w / 2, py - 12],
      [px - w / 2, py + 12 + size],
      [px + 11, py + size + 10],
      [px + 11, py - 10],
    ];
    // Further out, on rings around the marker, with a leader line back to it, until a free spot is found.
    const rings: number[][] = [];
    for (let r = 24; r <= 160; r += 12)
      for (let a = 0; a < 16; a++) rings.push([px + r * Math.cos((a * Math.PI) / 8) - w / 2, py + r * Math.sin((a * Math.PI) / 8) + size / 2]);
    for (const [j, [sx, sy]] of [...near, ...rings].entries()) {
      const box = { text: s, x: sx!, y: sy! - size, w, h };
      const inside = box.x >= 26 && box.x + w <= W - 26 && box.y >= 28 && box.y + h <= PLOT_H - 30;
      if (inside && !taken.some((o) => box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h)) {
        taken.push(box);
        boxes.push(box);
        labels.push({
          text: s,
          x: sx!,
          y: sy!,
          size,
          leader:
            j >= near.length
              ? [
                  { x: px, y: py },
                  { x: sx! + w / 2, y: sy! - size / 2 },
                ]
              : null,
        });
        return;
      }
    }
  });
  const metres = reach > 250 ? 100 : 50;
  return { centre: { cx, cy }, markers, labels, boxes, scaleBar: { metres, px: metres * k } };
}
