import type { Locale } from '../../../core/i18n/messages.js';
import { wrapLabel } from './label-wrap.js';
import { layoutStationPlot, type LabelBox } from './station-map-plot.js';
import { esc } from './svg-parts.js';

/**
 * A map of any station from what is known, for the many stations with no interior: its lines, the lifts and
 * toilets placed where a source gives a position (Seoul City's elevator points, the toilets file) around the
 * station's own point, every one named apart (E1, E2 … with its line and place), and, in words on the map,
 * everything that is not known (the interior, the exits' positions, lifts without a position, lines without
 * lift data). Pure: the use case gathers the facts.
 */
export interface StationMapFacts {
  station: { id: string; name: string; lat: number | null; lon: number | null };
  lines: Array<{ name: string; colour: string }>;
  lifts: Array<{ label: string; status: 'working' | 'out' | 'unknown'; statusText: string; lat: number | null; lon: number | null; source: string }>;
  toilets: Array<{ label: string; text: string; lat: number | null; lon: number | null }>;
  exits: string[];
  /** The interior's provenance in words, or null when there is none. */
  interior: string | null;
  unknowns: string[];
  sources: string[];
}

export type { LabelBox } from './station-map-plot.js';

export interface StationMapText {
  title: string;
  linesHeading: string;
  placed: string;
  noPositions: string;
  centre: string;
  north: string;
  lifts: string;
  toilets: string;
  key: string;
  exits: string;
  noExits: string;
  unknownHeading: string;
  interior: string;
  sourcesHeading: string;
  metres: string;
}

const W = 720;
const PLOT_H = 320;
export const COLOUR = { working: '#1f7a3a', out: '#b3261e', unknown: '#6b4f00', toilet: '#5a3d99', text: '#1e2124', muted: '#464c53', rule: '#8a939c' };

export function stationMapSvg(f: StationMapFacts, t: StationMapText, locale: Locale): { svg: string; labels: LabelBox[] } {
  const out: string[] = [];
  const labels: LabelBox[] = [];
  let y = 34;
  const text = (x: number, yy: number, s: string, size = 15, o: { bold?: boolean; fill?: string; anchor?: string } = {}) =>
    out.push(
      `<text x="${x}" y="${yy}" font-size="${size}"${o.bold ? ' font-weight="700"' : ''} fill="${o.fill ?? COLOUR.text}"${o.anchor ? ` text-anchor="${o.anchor}"` : ''}>${esc(s)}</text>`,
    );
  const para = (s: string, size = 14, indent = 24) => {
    for (const line of wrapLabel(s, W - indent - 24, size, 6)) {
      text(indent, y, line, size);
      y += size + 6;
    }
  };

  text(24, y, t.title, 22, { bold: true });
  y += 30;
  // Lines, as coloured bars with their names (the name, not the colour, says which line).
  let x = 24;
  text(x, y, t.linesHeading, 14, { fill: COLOUR.muted });
  y += 8;
  for (const l of f.lines) {
    const w = Math.min(W - 48, 16 + l.name.length * 15);
    if (x + w > W - 24) {
      x = 24;
      y += 34;
    }
    out.push(`<rect x="${x}" y="${y}" width="${w}" height="26" rx="13" fill="${l.colour}"/>`);
    text(x + w / 2, y + 18, l.name, 14, { bold: true, fill: '#fff', anchor: 'middle' });
    x += w + 8;
  }
  y += 48;

  // The plot: what has a position, around the station's point, north up, with a scale (station-map-plot.ts).
  const top = y;
  out.push(`<rect x="24" y="${top}" width="${W - 48}" height="${PLOT_H}" fill="#f6f7f8" stroke="${COLOUR.rule}"/>`);
  const plot = layoutStationPlot(f, t.centre, W, PLOT_H);
  if (plot) {
    text(36, top + 22, t.placed, 13, { fill: COLOUR.muted });
    const { cx, cy } = plot.centre;
    out.push(
      `<circle cx="${cx}" cy="${cy + top}" r="7" fill="none" stroke="${COLOUR.text}" stroke-width="2"/><path d="M${cx - 11} ${cy + top}h22M${cx} ${cy + top - 11}v22" stroke="${COLOUR.text}" stroke-width="1.5"/>`,
    );
    text(cx, cy + top + 24, t.centre, 12, { anchor: 'middle', fill: COLOUR.muted });
    for (const m of plot.markers) {
      if (m.kind === 'lift')
        out.push(
          `<rect x="${(m.x - 6).toFixed(1)}" y="${(m.y + top - 6).toFixed(1)}" width="12" height="12" fill="${COLOUR[m.status]}" stroke="#fff" stroke-width="1.5"/>`,
        );
      else out.push(`<circle cx="${m.x.toFixed(1)}" cy="${(m.y + top).toFixed(1)}" r="6" fill="${COLOUR.toilet}" stroke="#fff" stroke-width="1.5"/>`);
    }
    for (const l of plot.labels) {
      if (l.leader)
        out.push(
          `<path d="M${l.leader[0].x.toFixed(1)} ${(l.leader[0].y + top).toFixed(1)}L${l.leader[1].x.toFixed(1)} ${(l.leader[1].y + top).toFixed(1)}" stroke="${COLOUR.muted}" stroke-width="1"/>`,
        );
      text(l.x, l.y + top, l.text, l.size, { bold: true });
    }
    labels.push(...plot.boxes.map((b) => ({ ...b, y: b.y + top })));
    // North and a scale bar.
    out.push(`<path d="M${W - 50} ${top + 44}l8 -20l8 20z" fill="${COLOUR.text}"/>`);
    text(W - 42, top + 60, t.north, 12, { anchor: 'middle' });
    out.push(`<path d="M40 ${top + PLOT_H - 16}h${plot.scaleBar.px.toFixed(1)}" stroke="${COLOUR.text}" stroke-width="3"/>`);
    text(40, top + PLOT_H - 24, `${plot.scaleBar.metres} ${t.metres}`, 12);
    text(W - 36, top + PLOT_H - 14, t.key, 12, { anchor: 'end', fill: COLOUR.muted });
  } else {
    y = top + 40;
    para(t.noPositions, 15, 40);
  }
  y = top + PLOT_H + 34;

  // What is known, named apart, then what is not.
  text(24, y, t.lifts, 16, { bold: true });
  y += 24;
  if (!f.lifts.length) para('–');
  for (const l of f.lifts) {
    out.push(`<g data-item="${esc(l.label)}">`);
    para(`${l.label}: ${l.statusText}`, 14, 36);
    out.push('</g>');
  }
  y += 6;
  text(24, y, t.toilets, 16, { bold: true });
  y += 24;
  if (!f.toilets.length) para('–');
  for (const l of f.toilets) {
    out.push(`<g data-item="${esc(l.label)}">`);
    para(`${l.label}: ${l.text}`, 14, 36);
    out.push('</g>');
  }
  y += 6;
  text(24, y, t.exits, 16, { bold: true });
  y += 24;
  para(f.exits.length ? f.exits.join(', ') : t.noExits, 14, 36);
  y += 6;
  text(24, y, t.interior, 16, { bold: true });
  y += 24;
  para(f.interior ?? '–', 14, 36);
  y += 10;
  out.push(`<rect x="24" y="${y - 6}" width="${W - 48}" height="4" fill="${COLOUR.out}"/>`);
  y += 20;
  text(24, y, t.unknownHeading, 16, { bold: true, fill: COLOUR.out });
  y += 24;
  for (const u of f.unknowns) para(`• ${u}`, 14, 36);
  y += 6;
  text(24, y, t.sourcesHeading, 13, { fill: COLOUR.muted });
  y += 20;
  for (const s of f.sources) para(s, 12, 36);
  const height = y + 16;
  const desc = [t.title, ...f.unknowns].join(' ');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="sm-t sm-d" lang="${locale}" font-family="'Noto Sans KR', 'Pretendard', sans-serif">` +
    `<title id="sm-t">${esc(t.title)}</title><desc id="sm-d">${esc(desc)}</desc><rect width="100%" height="100%" fill="#fff"/>${out.join('')}</svg>`;
  return { svg, labels };
}
