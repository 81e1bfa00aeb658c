import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { RowsResult } from '../query/query-rows.js';
import { catalogueMessages } from './catalogue.messages.js';
import { yOutput, type ChartForm } from './chart-form.js';
import { formatNumber, xPosition } from '../../../web/charts/chart-scale.js';
import { barChart, lineChart, pointsMap, type Bar, type LinePoint, type MapPoint } from '../../../web/charts/chart-svg.js';
import { rowsTable } from './rows-table.js';

/**
 * A chart answer as a figure: the SVG (named and summarised), its caption, a note when capped, and the values
 * as a table (all of them for bars and lines, the first points of a map).
 */
const POINTS_IN_TABLE = 20;

const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

export function yTitle(form: ChartForm, locale: Locale): string {
  const t = translator(catalogueMessages, locale);
  return form.y === 'count' ? t('chart.y.count') : t('chart.yTitle', { fn: t(`chart.y.${form.y}`), column: form.of });
}

function extremes<T extends { value: number }>(items: T[]): { max: T; min: T } {
  let max = items[0]!;
  let min = items[0]!;
  for (const it of items) {
    if (it.value > max.value) max = it;
    if (it.value < min.value) min = it;
  }
  return { max, min };
}

export function chartFigure(form: ChartForm, result: RowsResult, locale: Locale): Html {
  const t = translator(catalogueMessages, locale);
  const fmt = (v: number) => formatNumber(v, locale);
  const nullLabel = t('value.null');
  const capped =
    result.total > result.rows.length
      ? html`<p class="alert alert-info">${t('chart.capped', { shown: fmt(result.rows.length), total: fmt(result.total) })}</p>`
      : null;
  if (!result.rows.length) return html`<p class="alert alert-info" role="status">${t('chart.empty')}</p>`;

  if (form.type === 'points') {
    const points: MapPoint[] = result.rows.flatMap((r) => {
      const lat = num(r[form.lat]);
      const lon = num(r[form.lon]);
      return lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180 ? [] : [{ lat, lon }];
    });
    if (!points.length) return html`<p class="alert alert-info" role="status">${t('chart.empty')}</p>`;
    const lats = points.map((p) => p.lat);
    const lons = points.map((p) => p.lon);
    const d = (v: number) => v.toFixed(4);
    const title = t('chart.type.points');
    const desc = t('chart.desc.points', {
      n: fmt(points.length),
      south: d(Math.min(...lats)),
      north: d(Math.max(...lats)),
      west: d(Math.min(...lons)),
      east: d(Math.max(...lons)),
    });
    return html`<figure class="chart-figure">${pointsMap({ id: 'chart', title, desc, locale, xTitle: form.lon, yTitle: form.lat }, points)}
      <figcaption>${title}: ${desc}</figcaption></figure>${capped}
      ${rowsTable({ id: 'chart-table', caption: t('chart.pointsTable', { n: Math.min(POINTS_IN_TABLE, result.rows.length) }), fields: result.fields, rows: result.rows.slice(0, POINTS_IN_TABLE), locale })}`;
  }

  const y = yOutput(form);
  const labelOf = (v: unknown) => (v === null || v === undefined ? nullLabel : String(v));
  const items = result.rows.flatMap((r) => {
    const value = num(r[y]);
    return value === null ? [] : [{ label: labelOf(r[form.x]), position: xPosition(r[form.x]), value }];
  });
  if (!items.length) return html`<p class="alert alert-info" role="status">${t('chart.empty')}</p>`;
  const yName = yTitle(form, locale);
  const title = t('chart.caption', { x: form.x, y: yName });
  const { max, min } = extremes(items);
  const ext = { maxLabel: max.label, max: fmt(max.value), minLabel: min.label, min: fmt(min.value) };
  const desc =
    form.type === 'bar'
      ? t('chart.desc.bar', { n: fmt(items.length), ...ext })
      : t('chart.desc.line', { n: fmt(items.length), first: items[0]!.label, last: items.at(-1)!.label, ...ext });
  const text = { id: 'chart', title, desc, locale, xTitle: form.type === 'bar' ? yName : form.x, yTitle: form.type === 'bar' ? form.x : yName };
  const svg = form.type === 'bar' ? barChart(text, items as Bar[]) : lineChart(text, items as LinePoint[]);
  return html`<figure class="chart-figure">${svg}<figcaption>${title}. ${desc}</figcaption></figure>${capped}
    ${rowsTable({ id: 'chart-table', caption: t('chart.table'), fields: result.fields, rows: result.rows, locale })}`;
}
