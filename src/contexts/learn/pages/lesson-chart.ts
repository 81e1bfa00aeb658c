import { html, type Html } from '../../../web/html.js';
import type { Locale } from '../../../core/i18n/messages.js';
import { pick, type Chart } from '../domain/lesson-source.js';
import { learnT } from '../messages.js';
import type { ResultTable } from '../domain/answer-check.js';

const W = 640;
// Horizontal bars, each label on its own line above its bar: labels never overlap, whatever their length, and at
// 22 units of a 640-unit-wide chart they stay about 10–12 CSS px on a 390 px phone (12 units came out at 5–7 px).
export const CHART_FONT = 22;
const ROW = 62;
const PAD = { left: 8, right: 96, top: 8, bottom: 40 };

/** "Nice" axis bounds: from zero, or (a "cut" axis, for the misleading-chart lesson) from just below the lowest value. */
export function axisRange(values: number[], axis: Chart['axis']): { from: number; to: number; step: number } {
  const max = Math.max(...values, 0);
  const min = Math.min(...values);
  const rawFrom = axis === 'cut' ? min - (max - min) * 0.15 : 0;
  const span = Math.max(max - rawFrom, 1e-9);
  const magnitude = 10 ** Math.floor(Math.log10(span / 5));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => span / s <= 6)!;
  const from = axis === 'cut' ? Math.floor(rawFrom / step) * step : 0;
  return { from, to: Math.ceil(max / step) * step, step };
}

/** A bar chart as SVG with a title, a description and the figures in a table under it, for everyone. */
export function barChart(locale: Locale, chart: Chart, data: ResultTable | null): Html {
  const t = learnT(locale);
  const id = `chart-${chart.id}`;
  if (!data?.rows.length)
    return html`<figure class="learn-chart"><figcaption>${pick(chart.title, locale)}</figcaption><p>${t('lesson.chartUnavailable')}</p></figure>`;
  const rows = data.rows.map((r) => ({ label: String(r[0]), value: Number(r[1]) }));
  const { from, to, step } = axisRange(
    rows.map((r) => r.value),
    chart.axis,
  );
  const plotW = W - PAD.left - PAD.right;
  const H = PAD.top + rows.length * ROW + PAD.bottom;
  const x = (v: number) => PAD.left + ((v - from) / (to - from)) * plotW;
  const base = PAD.top + rows.length * ROW;
  const ticks: number[] = [];
  for (let v = from; v <= to + step / 2; v += step) ticks.push(Number(v.toPrecision(10)));
  return html`<figure class="learn-chart" data-chart="${chart.id}">
    <svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">
      <title id="${id}-title">${pick(chart.title, locale)}</title><desc id="${id}-desc">${pick(chart.description, locale)}</desc>
      ${ticks.map((v) => html`<g><line x1="${x(v)}" x2="${x(v)}" y1="${PAD.top}" y2="${base}" stroke="#d6d6d6"/><text x="${x(v)}" y="${base + 28}" text-anchor="middle" font-size="${CHART_FONT}" fill="#1e2124">${v}</text></g>`)}
      ${rows.map(
        (r, i) => html`<text x="${PAD.left}" y="${PAD.top + i * ROW + 24}" font-size="${CHART_FONT}" fill="#1e2124">${r.label}</text>
        <rect x="${x(from)}" y="${PAD.top + i * ROW + 32}" width="${Math.max(0, x(Math.max(r.value, from)) - x(from))}" height="22" fill="#256ef4"/>
        <text x="${x(Math.max(r.value, from)) + 6}" y="${PAD.top + i * ROW + 51}" font-size="${CHART_FONT}" fill="#1e2124">${r.value}</text>`,
      )}
      <line x1="${x(from)}" x2="${x(from)}" y1="${PAD.top}" y2="${base}" stroke="#1e2124"/>
      <line x1="${PAD.left}" x2="${W - PAD.right}" y1="${base}" y2="${base}" stroke="#1e2124"/>
    </svg>
    <figcaption>${pick(chart.title, locale)} — ${pick(chart.description, locale)}</figcaption>
    <table class="table"><caption>${t('lesson.chartData')}</caption><thead><tr><th scope="col">${t('lesson.item')}</th><th scope="col">${t('lesson.value')}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.value}${chart.unit ? ` ${chart.unit}` : ''}</td></tr>`)}</tbody></table></figure>`;
}
