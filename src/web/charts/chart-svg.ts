import { html, type Html } from '../html.js';
import { fitProjection, formatNumber, linearScale, niceStep, type LonLat } from './chart-scale.js';

/**
 * Accessible SVG charts drawn on the server: role="img" named by a <title> and summarised by a <desc>, axis
 * titles and ticks as text, marks in KRDS blue (4.6:1 on white, above the 3:1 WCAG asks of graphics). The
 * page shows the numbers as a table below each chart: that table is the text equivalent.
 */
export interface ChartText {
  id: string;
  title: string;
  desc: string;
  locale: string;
  xTitle: string;
  yTitle: string;
}
export interface Bar {
  label: string;
  value: number;
}
export interface LinePoint {
  label: string;
  position: number | null;
  value: number;
}
export interface MapPoint extends LonLat {
  label?: string;
}

const WIDTH = 720;
const MARK = '#256ef4';
const LINE = '#0b50d0';
const INK = '#1e2124';
const MUTED = '#464c53';
const GRID = '#d6dadf';

/** Keeps long labels to `max` characters (the full text is in the table and in each mark's <title>). */
export const shorten = (s: string, max = 14) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const frame = (t: ChartText, height: number, body: Html) => html`<svg class="data-chart" role="img" aria-labelledby="${t.id}-title ${t.id}-desc"
  viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-size="12" font-family="inherit">
  <title id="${t.id}-title">${t.title}</title><desc id="${t.id}-desc">${t.desc}</desc>${body}</svg>`;

/** Horizontal bars, one per category, from zero (labels stay readable whatever their length). */
export function barChart(t: ChartText, bars: Bar[]): Html {
  const left = 170;
  const right = 24;
  const top = 28;
  const row = 24;
  const height = top + Math.max(1, bars.length) * row + 48;
  const x = linearScale(
    bars.map((b) => b.value),
    [left, WIDTH - right],
    { zero: true },
  );
  const zero = x(0);
  const bottom = top + bars.length * row;
  return frame(
    t,
    height,
    html`
    <text x="${left}" y="16" fill="${INK}" font-weight="700">${t.yTitle}</text>
    ${x.ticks.map(
      (v) => html`<line x1="${x(v)}" x2="${x(v)}" y1="${top}" y2="${bottom}" stroke="${GRID}"/>
      <text x="${x(v)}" y="${bottom + 16}" text-anchor="middle" fill="${MUTED}">${formatNumber(v, t.locale)}</text>`,
    )}
    ${bars.map((b, i) => {
      const y = top + i * row;
      const [x0, x1] = b.value < 0 ? [x(b.value), zero] : [zero, x(b.value)];
      return html`<text x="${left - 8}" y="${y + row / 2 + 4}" text-anchor="end" fill="${INK}">${shorten(b.label, 16)}</text>
        <rect x="${x0}" y="${y + 4}" width="${Math.max(x1 - x0, 1)}" height="${row - 8}" fill="${MARK}"><title>${b.label}: ${formatNumber(b.value, t.locale)}</title></rect>`;
    })}
    <line x1="${zero}" x2="${zero}" y1="${top}" y2="${bottom}" stroke="${INK}"/>
    <text x="${(left + WIDTH - right) / 2}" y="${bottom + 38}" text-anchor="middle" fill="${INK}" font-weight="700">${t.xTitle}</text>`,
  );
}

/** A line over ordered x: by position when x is numeric or a date, else evenly spaced. */
export function lineChart(t: ChartText, points: LinePoint[]): Html {
  const left = 72;
  const right = 24;
  const top = 28;
  const height = 360;
  const bottom = height - 56;
  const numericX = points.length > 0 && points.every((p) => p.position !== null);
  const xs = points.map((p, i) => (numericX ? p.position! : i));
  const x0 = xs.length ? Math.min(...xs) : 0;
  const x1 = xs.length > 1 ? Math.max(...xs) : x0 + 1;
  const px = (v: number) => left + ((v - x0) / (x1 - x0 || 1)) * (WIDTH - left - right);
  const y = linearScale(
    points.map((p) => p.value),
    [bottom, top],
    { zero: false },
  );
  const every = Math.max(1, Math.ceil(points.length / 6));
  const labelled = points.map((p, i) => ({ p, i })).filter(({ i }) => i % every === 0 || i === points.length - 1);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${px(xs[i]!).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return frame(
    t,
    height,
    html`
    <text x="8" y="16" fill="${INK}" font-weight="700">${t.yTitle}</text>
    ${y.ticks.map(
      (v) => html`<line x1="${left}" x2="${WIDTH - right}" y1="${y(v)}" y2="${y(v)}" stroke="${GRID}"/>
      <text x="${left - 8}" y="${y(v) + 4}" text-anchor="end" fill="${MUTED}">${formatNumber(v, t.locale)}</text>`,
    )}
    <line x1="${left}" x2="${WIDTH - right}" y1="${bottom}" y2="${bottom}" stroke="${INK}"/>
    ${labelled.map(
      ({ p, i }) => html`<line x1="${px(xs[i]!)}" x2="${px(xs[i]!)}" y1="${bottom}" y2="${bottom + 5}" stroke="${INK}"/>
      <text x="${px(xs[i]!)}" y="${bottom + 18}" text-anchor="middle" fill="${MUTED}">${shorten(p.label, 12)}</text>`,
    )}
    <path d="${path}" fill="none" stroke="${LINE}" stroke-width="2.5" stroke-linejoin="round"/>
    ${points.length <= 80 ? points.map((p, i) => html`<circle cx="${px(xs[i]!)}" cy="${y(p.value)}" r="3" fill="${LINE}"><title>${p.label}: ${formatNumber(p.value, t.locale)}</title></circle>`) : null}
    <text x="${(left + WIDTH - right) / 2}" y="${height - 12}" text-anchor="middle" fill="${INK}" font-weight="700">${t.xTitle}</text>`,
  );
}

const KM_PER_DEGREE = 111.32;

/** Points in an equirectangular projection fitted to their bounds, with a scale bar and the bounds in degrees. */
export function pointsMap(t: ChartText, points: MapPoint[]): Html {
  const project = fitProjection(points, WIDTH, 560, 24);
  const { bounds } = project;
  const pxPerKm = (project.height - 48) / Math.max((bounds.north - bounds.south) * KM_PER_DEGREE, 1e-6);
  const km = niceStep(WIDTH / 5 / pxPerKm, 1);
  const bar = km * pxPerKm;
  const height = project.height + 28;
  const deg = (v: number) => v.toFixed(3);
  return frame(
    t,
    height,
    html`
    <rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${project.height - 1}" fill="#f4f5f6" stroke="#6d7882"/>
    ${points.map((p) => {
      const [cx, cy] = project(p);
      return html`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="2.5" fill="${LINE}"/>`;
    })}
    <text x="6" y="14" fill="${MUTED}">${deg(bounds.north)}°N</text>
    <text x="6" y="${project.height - 6}" fill="${MUTED}">${deg(bounds.south)}°N</text>
    <text x="${WIDTH - 6}" y="${project.height - 6}" text-anchor="end" fill="${MUTED}">${deg(bounds.west)}–${deg(bounds.east)}°E</text>
    <line x1="8" x2="${8 + bar}" y1="${project.height + 14}" y2="${project.height + 14}" stroke="${INK}" stroke-width="3"/>
    <text x="${14 + bar}" y="${project.height + 18}" fill="${INK}">${formatNumber(km, t.locale)} km</text>`,
  );
}
