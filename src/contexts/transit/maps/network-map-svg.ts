import type { NetworkMap, LiftState } from './network-map.js';

/**
 * The network map as SVG. Each kind of station has its own shape as well as its own colour (never colour
 * alone): working ● green circle, out ▲ red triangle, status not known ◆ outlined diamond, no data □ small
 * grey square; an interior is a ring around the station (solid: surveyed, dashed: derived). The picture is one
 * image (role="img") with its counts in words; the page's list carries every station's facts.
 */
export const KIND_GLYPH: Record<LiftState, string> = { working: '●', out: '▲', listed: '◆', none: '□' };

export const KIND_FILL: Record<LiftState, string> = { working: '#1f7a3a', out: '#b3261e', listed: '#6b4f00', none: '#6b737c' };

/** The shapes, centred on 0,0; also used one by one in the legend. */
export const SHAPES = {
  working: `<circle r="4.5" fill="${KIND_FILL.working}" stroke="#fff" stroke-width="1.2"/>`,
  out: `<path d="M0-7 6.5 4.5h-13z" fill="${KIND_FILL.out}" stroke="#fff" stroke-width="1.2"/>`,
  listed: `<path d="M0-5.5 5.5 0 0 5.5-5.5 0z" fill="#fff" stroke="${KIND_FILL.listed}" stroke-width="2"/>`,
  none: `<rect x="-3" y="-3" width="6" height="6" fill="#fff" stroke="${KIND_FILL.none}" stroke-width="1.5"/>`,
  surveyed: '<circle r="9" fill="none" stroke="#0b50d0" stroke-width="2"/>',
  derived: '<circle r="9" fill="none" stroke="#0b50d0" stroke-width="2" stroke-dasharray="3 2"/>',
} as const;

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A small SVG of one shape, for the legend and the list (decorative: the words beside it say the same). */
export const shapeIcon = (shape: keyof typeof SHAPES) =>
  `<svg class="nm-icon" viewBox="-10 -10 20 20" width="20" height="20" aria-hidden="true" focusable="false">${SHAPES[shape]}</svg>`;

/** Segments joined end to end into as few polylines as possible (a smaller path, the same drawing). */
export function chains(segments: Array<[string, string]>): string[][] {
  const left = [...segments];
  const out: string[][] = [];
  while (left.length) {
    const chain = [...left.shift()!];
    for (let grown = true; grown; ) {
      grown = false;
      for (let i = 0; i < left.length; i++) {
        const [a, b] = left[i]!;
        const end = chain[chain.length - 1];
        if (a === end) chain.push(b);
        else if (b === end) chain.push(a);
        else if (b === chain[0]) chain.unshift(a);
        else if (a === chain[0]) chain.unshift(b);
        else continue;
        left.splice(i, 1);
        i--;
        grown = true;
      }
    }
    out.push(chain);
  }
  return out;
}

export function networkMapSvg(map: NetworkMap, text: { title: string; desc: string }): string {
  const at = new Map(map.stations.map((s) => [s.id, s]));
  const lines = map.lines
    .map((l) => {
      const d = chains(l.segments)
        .map((chain) => chain.map((id, i) => `${i ? 'L' : 'M'}${at.get(id)!.x} ${at.get(id)!.y}`).join(''))
        .join('');
      return d ? `<path d="${d}" stroke="${l.colour}" data-line="${esc(l.id)}"/>` : '';
    })
    .join('');
  const rings = map.stations
    .filter((s) => s.interior)
    .map((s) => `<use href="#nm-${s.interior === 'surveyed' ? 'surveyed' : 'derived'}" x="${s.x}" y="${s.y}"/>`)
    .join('');
  // Drawn weakest news first, so an outage is never hidden under a neighbour.
  const order: LiftState[] = ['none', 'listed', 'working', 'out'];
  const stations = order
    .flatMap((k) => map.stations.filter((s) => s.lift === k).map((s) => `<use href="#nm-${k}" x="${s.x}" y="${s.y}" data-s="${esc(s.id)}"/>`))
    .join('');
  const defs = Object.entries(SHAPES)
    .map(([k, v]) => `<g id="nm-${k}">${v}</g>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="nm-svg" viewBox="0 0 ${map.width} ${map.height}" data-w="${map.width}" data-h="${map.height}" role="img" aria-labelledby="nm-svg-t nm-svg-d">` +
    `<title id="nm-svg-t">${esc(text.title)}</title><desc id="nm-svg-d">${esc(text.desc)}</desc><defs>${defs}</defs>` +
    `<rect width="100%" height="100%" fill="#fff"/><g fill="none" stroke-width="2.5" stroke-linecap="round" opacity=".75">${lines}</g><g>${rings}</g><g id="nm-stations">${stations}</g></svg>`
  );
}
