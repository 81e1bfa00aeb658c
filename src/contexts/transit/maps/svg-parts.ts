import type { StepMode } from '../routing/route-types.js';
import type { LaidEdge, NodeKind, Point } from './layout.js';
import { PALETTE } from './map-palette.js';
import { PICTOGRAM_STROKE, PICTOGRAMS, type PictogramId } from './pictograms.js';

/** Small SVG building blocks of the transfer map. Every string that can come from data goes through esc(). */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
export const n1 = (v: number) => String(Math.round(v * 10) / 10);

/** Text with a white halo, so it stays readable where a line runs under it. */
export function haloText(
  x: number,
  y: number,
  lines: string[],
  o: { size: number; bold?: boolean; anchor?: 'start' | 'middle' | 'end'; fill?: string; lang?: string; lineH?: number },
): string {
  const attrs = [
    `x="${n1(x)}"`,
    `y="${n1(y)}"`,
    `font-size="${o.size}"`,
    o.bold ? 'font-weight="700"' : '',
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    `fill="${o.fill ?? PALETTE.text}"`,
    `stroke="${PALETTE.page}"`,
    'stroke-width="3"',
    'stroke-linejoin="round"',
    'paint-order="stroke"',
    o.lang ? `lang="${o.lang}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const body = lines.map((l, i) => (i === 0 ? esc(l) : `<tspan x="${n1(x)}" dy="${o.lineH ?? o.size + 3}">${esc(l)}</tspan>`)).join('');
  return `<text ${attrs}>${body}</text>`;
}

/** Plain text (no halo) for header, legend and footer, which sit on a clear background. */
export function plainText(x: number, y: number, text: string, o: { size: number; bold?: boolean; fill?: string; anchor?: 'middle'; lang?: string }): string {
  return `<text x="${n1(x)}" y="${n1(y)}" font-size="${o.size}"${o.bold ? ' font-weight="700"' : ''}${o.anchor ? ` text-anchor="${o.anchor}"` : ''} fill="${o.fill ?? PALETTE.text}"${o.lang ? ` lang="${o.lang}"` : ''}>${esc(text)}</text>`;
}

export function pictogramSymbols(prefix: string, ids: PictogramId[]): string {
  return ids
    .map(
      (id) =>
        `<symbol id="${prefix}-ico-${id}" viewBox="-2 -2 28 28">${PICTOGRAMS[id]
          .map((p) =>
            p.paint === 'fill'
              ? `<path d="${p.d}" fill="currentColor"/>`
              : `<path d="${p.d}" fill="none" stroke="currentColor" stroke-width="${PICTOGRAM_STROKE}" stroke-linejoin="round" stroke-linecap="round"/>`,
          )
          .join('')}</symbol>`,
    )
    .join('');
}

/** A pictogram on a white tile with a border in its colour (the route's, or grey for other pathways). */
export function pictogramTile(prefix: string, mode: StepMode | 'exit', x: number, y: number, size: number, colour: string): string {
  return (
    `<g><rect x="${n1(x - 1)}" y="${n1(y - 1)}" width="${size + 2}" height="${size + 2}" rx="3" fill="${PALETTE.page}" stroke="${colour}" stroke-width="1.5"/>` +
    `<use href="#${prefix}-ico-${mode}" x="${n1(x)}" y="${n1(y)}" width="${size}" height="${size}" color="${colour}"/></g>`
  );
}

export const curvePath = (e: Pick<LaidEdge, 'from' | 'control' | 'to'>) =>
  `M${n1(e.from.x)} ${n1(e.from.y)}Q${n1(e.control.x)} ${n1(e.control.y)} ${n1(e.to.x)} ${n1(e.to.y)}`;

export function nodeShape(prefix: string, kind: NodeKind, p: Point, onRoute: boolean): string {
  const ring = onRoute ? PALETTE.route : PALETTE.text;
  const w = onRoute ? 3 : 2;
  switch (kind) {
    case 'platform':
      return (
        `<rect x="${n1(p.x - 16)}" y="${n1(p.y - 9)}" width="32" height="18" rx="3" fill="${PALETTE.platform}" stroke="${onRoute ? PALETTE.route : PALETTE.page}" stroke-width="${w}"/>` +
        `<path d="M${n1(p.x - 10)} ${n1(p.y)}h20" stroke="${PALETTE.page}" stroke-width="2"/>`
      );
    case 'entrance':
      return (
        `<rect x="${n1(p.x - 12)}" y="${n1(p.y - 12)}" width="24" height="24" rx="4" fill="${PALETTE.entrance}" stroke="${onRoute ? PALETTE.route : PALETTE.page}" stroke-width="${w}"/>` +
        `<use href="#${prefix}-ico-exit" x="${n1(p.x - 9)}" y="${n1(p.y - 9)}" width="18" height="18" color="${PALETTE.page}"/>`
      );
    case 'boarding':
      return `<path d="M${n1(p.x)} ${n1(p.y - 9)}l9 9-9 9-9-9z" fill="${PALETTE.page}" stroke="${ring}" stroke-width="${w}"/>`;
    default:
      return `<circle cx="${n1(p.x)}" cy="${n1(p.y)}" r="7" fill="${PALETTE.page}" stroke="${ring}" stroke-width="${w}"/>`;
  }
}

/** The start marker: a ring in the route colour around the place where the drawn route begins. */
export const START_RING = 19;
export function startRing(p: Point): string {
  return `<circle class="start-marker" cx="${n1(p.x)}" cy="${n1(p.y)}" r="${START_RING}" fill="none" stroke="${PALETTE.route}" stroke-width="3"/>`;
}

/** `sample` is the legend's copy: it must not read as a step of the route. */
export function stepMarker(x: number, y: number, n: number, r = 12, sample = false): string {
  return (
    `<g class="${sample ? 'legend-step' : 'step'}"${sample ? '' : ` data-step="${n}"`}><circle cx="${n1(x)}" cy="${n1(y)}" r="${r}" fill="${PALETTE.route}" stroke="${PALETTE.page}" stroke-width="2"/>` +
    `<text x="${n1(x)}" y="${n1(y + r * 0.38)}" font-size="${Math.round(r * 1.1)}" font-weight="700" text-anchor="middle" fill="${PALETTE.onRoute}">${n}</text></g>`
  );
}

/** A cross on a blocked pathway: two strokes over a white casing. */
export function blockCross(p: Point, s = 8, sample = false): string {
  const d = `M${n1(p.x - s)} ${n1(p.y - s)}L${n1(p.x + s)} ${n1(p.y + s)}M${n1(p.x + s)} ${n1(p.y - s)}L${n1(p.x - s)} ${n1(p.y + s)}`;
  return `<g class="${sample ? 'legend-blocked' : 'blocked'}"><path d="${d}" stroke="${PALETTE.casing}" stroke-width="8" stroke-linecap="round"/><path d="${d}" stroke="${PALETTE.blocked}" stroke-width="4" stroke-linecap="round"/></g>`;
}

/** A train car seen from the side, windows and the boarding door (drawn open, in the route colour). */
export function carGlyph(x: number, y: number, w: number, h: number): string {
  const win = (i: number) => `<rect x="${n1(x + 4 + i * 9)}" y="${n1(y + 4)}" width="6" height="5" fill="${PALETTE.page}"/>`;
  return (
    `<g class="car"><rect x="${n1(x)}" y="${n1(y)}" width="${w}" height="${h}" rx="4" fill="${PALETTE.platform}"/>${[0, 1, 3].map(win).join('')}` +
    `<rect x="${n1(x + 22)}" y="${n1(y + 3)}" width="8" height="${h - 3}" fill="${PALETTE.route}" stroke="${PALETTE.page}" stroke-width="1"/></g>`
  );
}

/** Turn arrows in a 16 × 16 box, white on a round route-coloured tile (unlike the pathway pictograms' square white tiles) (lines only, so the PDF draws the same path): up the tile, then the turn. */
export type TurnGlyph = 'left' | 'right' | 'back' | 'head-left' | 'head-right';
export const TURN_ARROWS: Record<TurnGlyph, string> = {
  'head-right': 'M3 8h10M9 4l4 4-4 4',
  'head-left': 'M13 8H3M7 4L3 8l4 4',
  right: 'M4 14V7h7M8 4l3 3-3 3',
  left: 'M12 14V7H5M8 4L5 7l3 3',
  back: 'M11 14V5H5v6M2 8l3 3 3-3',
};

export function turnTile(x: number, y: number, size: number, turn: TurnGlyph, n: number | null): string {
  return (
    `<g class="${n === null ? 'legend-turn' : 'turn'}"${n === null ? '' : ` data-step="${n}" data-turn="${turn}"`}><rect x="${n1(x)}" y="${n1(y)}" width="${size}" height="${size}" rx="8" fill="${PALETTE.route}" stroke="${PALETTE.page}" stroke-width="1.5"/>` +
    `<path d="${TURN_ARROWS[turn]}" transform="translate(${n1(x)} ${n1(y)}) scale(${size / 16})" fill="none" stroke="${PALETTE.onRoute}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></g>`
  );
}
