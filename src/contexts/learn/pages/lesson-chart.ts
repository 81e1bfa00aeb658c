import { html, type Html } from '../../../web/html.js';
import type { Locale } from '../../../core/i18n/messages.js';
import { pick, type Chart } from '../domain/lesson-source.js';
import { learnT } from '../messages.js';
import type { ResultTable } from '../domain/answer-check.js';

const W = 640;
const H = 300;
// Labels at 18 units of a 640-unit-wide chart stay about 11 CSS px on a 390 px phone (12 units came out at 7 px).
export const CHART_FONT = 18;
const PAD = { left: 76, right: 16, top: 20, bottom: 52 };

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
  if (!data?.rows.length) return html`<figure class="learn-chart"><figcaption>${pick(chart.title, locale)}</figcaption><p>${t('lesson.chartUnavailable')}</p></figure>`;
  const rows = data.rows.map((r) => ({ label: String(r[0]), value: Number(r[1]) }));
  const { from, to, step } = axisRange(rows.map((r) => r.value), chart.axis);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - from) / (to - from)) * plotH;
  const band = plotW / rows.length;
  const ticks: number[] = [];
  for (let v = from; v <= to + step / 2; v += step) ticks.push(Number(v.toPrecision(10)));
  return html`<figure class="learn-chart" data-chart="${chart.id}">
    <svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">
      <title id="${id}-title">${pick(chart.title, locale)}</title><desc id="${id}-desc">${pick(chart.description, locale)}</desc>
      ${ticks.map((v) => html`<g><line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#d6d6d6"/><text x="${PAD.left - 6}" y="${y(v) + 6}" text-anchor="end" font-size="${CHART_FONT}" fill="#1e2124">${v}</text></g>`)}
      ${rows.map((r, i) => html`<rect x="${PAD.left + i * band + band * 0.15}" y="${y(Math.max(r.value, from))}" width="${band * 0.7}" height="${Math.max(0, y(from) - y(Math.max(r.value, from)))}" fill="#256ef4"/>
        <text x="${PAD.left + i * band + band / 2}" y="${H - PAD.bottom + 24}" text-anchor="middle" font-size="${CHART_FONT}" fill="#1e2124">${r.label}</text>`)}
      <line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${y(from)}" stroke="#1e2124"/>
      <line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(from)}" y2="${y(from)}" stroke="#1e2124"/>
    </svg>
    <figcaption>${pick(chart.title, locale)} — ${pick(chart.description, locale)}</figcaption>
    <table class="table"><caption>${t('lesson.chartData')}</caption><thead><tr><th scope="col">${t('lesson.item')}</th><th scope="col">${t('lesson.value')}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.value}${chart.unit ? ` ${chart.unit}` : ''}</td></tr>`)}</tbody></table></figure>`;
}
