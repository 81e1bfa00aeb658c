import type { Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { runPageForm, type FormOutcome } from '../../../web/forms.js';
import type { PageContext } from '../../../web/layout.js';
import { formatNumber, xPosition } from '../../../web/charts/chart-scale.js';
import { barChart, lineChart } from '../../../web/charts/chart-svg.js';
import { inLang, numberFormat } from '../../../web/text.js';
import type { ResultDiff } from '../domain/result-diff.js';
import type { ChartSpec, ResultSnapshot } from '../domain/snapshot.js';
import { analysesT, type AnalysesKey } from '../messages.js';
import { seoulDay } from '../../../web/text.js';

export const analysisUrl = (id: string) => `/analyses/${encodeURIComponent(id)}`;
export const analysesAssets = html`<link rel="stylesheet" href="/assets/demand.css"><link rel="stylesheet" href="/assets/data-pages.css">`;
export { seoulDay };
export const pinsText = (pins: Record<string, number>) =>
  Object.entries(pins)
    .map(([d, v]) => `${d}@v${v}`)
    .join(', ');

/** The menu of the analyses pages; `current` marks where the reader is. */
export function analysesNav(ctx: PageContext, current: string) {
  const t = analysesT(ctx.locale);
  const link = (href: string, label: string) => html`<li><a href="${href}"${href === current ? html` aria-current="page"` : null}>${label}</a></li>`;
  return html`<nav class="demand-nav" aria-label="${t('nav.label')}"><ul>
    ${link('/analyses', t('nav.list'))}${link('/analyses/new', t('nav.new'))}${link('/api/docs', t('nav.sql'))}</ul></nav>`;
}

const NUMERIC = /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC|HUGEINT/i;
const cell = (v: unknown, type: string, locale: Locale) => {
  if (typeof v === 'number' && NUMERIC.test(type)) return numberFormat(locale).format(v);
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
};

/** A stored result as an accessible table (caption, typed column headers, numbers right-aligned, nulls named). */
export function resultTable(locale: Locale, id: string, caption: string, r: ResultSnapshot): Html {
  const t = analysesT(locale);
  return html`<div class="table-wrap data-table" role="region" aria-labelledby="${id}-caption" tabindex="0">
    <table id="${id}"><caption id="${id}-caption">${caption}</caption>
      <thead><tr>${r.columns.map((c) => html`<th scope="col"${NUMERIC.test(c.type) ? html` class="num"` : null}>${inLang(c.name)} <span class="col-type">${c.type}</span></th>`)}</tr></thead>
      <tbody>${r.rows.map(
        (row) =>
          html`<tr>${r.columns.map((c, i) => {
            const v = row[i];
            if (v === null || v === undefined) return html`<td class="null"><span class="visually-hidden">${t('value.null')}</span></td>`;
            return NUMERIC.test(c.type) ? html`<td class="num">${cell(v, c.type, locale)}</td>` : html`<td>${inLang(cell(v, c.type, locale))}</td>`;
          })}</tr>`,
      )}</tbody></table></div>`;
}

const MAX_MARKS = 60;

/** The analysis's chart drawn on the server from the stored rows (the table beside it is the text equivalent). */
export function resultChart(locale: Locale, id: string, chart: ChartSpec | null, r: ResultSnapshot): Html | null {
  if (!chart) return null;
  const xi = r.columns.findIndex((c) => c.name === chart.x);
  const yi = r.columns.findIndex((c) => c.name === chart.y);
  if (xi < 0 || yi < 0) return null;
  const items = r.rows.slice(0, chart.type === 'bar' ? MAX_MARKS : r.rows.length).flatMap((row) => {
    const value = typeof row[yi] === 'number' ? (row[yi] as number) : Number(row[yi]);
    if (row[yi] === null || row[yi] === undefined || !Number.isFinite(value)) return [];
    const label = row[xi] === null || row[xi] === undefined ? '∅' : String(row[xi]);
    return [{ label, value, position: xPosition(row[xi]) }];
  });
  if (!items.length) return null;
  const t = analysesT(locale);
  const fmt = (v: number) => formatNumber(v, locale);
  const max = items.reduce((a, b) => (b.value > a.value ? b : a));
  const min = items.reduce((a, b) => (b.value < a.value ? b : a));
  const title = t('analysis.chartTitle', { x: chart.x, y: chart.y });
  const desc = t('analysis.chartDesc', { n: fmt(items.length), maxLabel: max.label, max: fmt(max.value), minLabel: min.label, min: fmt(min.value) });
  const text = { id, title, desc, locale, xTitle: chart.type === 'bar' ? chart.y : chart.x, yTitle: chart.type === 'bar' ? chart.x : chart.y };
  const svg = chart.type === 'bar' ? barChart(text, items) : lineChart(text, items);
  return html`<figure class="chart-figure">${svg}<figcaption>${title}. ${desc}</figcaption></figure>`;
}

/** A result with its chart, when it was run, and what was capped or suppressed. */
export function resultBlock(locale: Locale, id: string, chart: ChartSpec | null, r: ResultSnapshot): Html {
  const t = analysesT(locale);
  const fmt = (n: number) => formatNumber(n, locale);
  return html`<p>${t('analysis.ranAt', { date: seoulDay(r.ranAt), rows: fmt(r.rowCount) })}</p>
    ${r.truncated ? html`<p class="alert alert-info">${t('analysis.truncated', { shown: fmt(r.rows.length) })}</p>` : null}
    ${r.suppressed.length ? html`<p class="alert alert-info">${t('analysis.suppressed', { n: fmt(r.suppressed.length) })}</p>` : null}
    ${resultChart(locale, `${id}-chart`, chart, r)}
    ${resultTable(locale, `${id}-table`, t('analysis.table', { pins: pinsText(r.pins) }), r)}`;
}

const show = (v: unknown, locale: Locale) => (v === null || v === undefined ? '∅' : typeof v === 'number' ? formatNumber(v, locale) : String(v));

/** What changed between the pinned result and the result on the latest versions. */
export function diffBlock(locale: Locale, d: ResultDiff): Html {
  const t = analysesT(locale);
  const fmt = (n: number) => formatNumber(n, locale);
  const same = !d.columnsChanged && d.changedCells === 0 && d.addedRows === 0 && d.removedRows === 0 && d.rowCount.before === d.rowCount.after;
  return html`<ul data-diff>
      ${d.versions.map((v) => html`<li data-version="${v.datasetId}">${t('diff.version', { dataset: v.datasetId, before: v.before ?? '∅', after: v.after ?? '∅' })}</li>`)}
      <li>${t('diff.rows', { before: fmt(d.rowCount.before), after: fmt(d.rowCount.after) })}</li>
      ${d.columnsChanged ? html`<li>${t('diff.columns')}</li>` : html`<li data-diff-summary>${t('diff.summary', { changed: fmt(d.changedCells), added: fmt(d.addedRows), removed: fmt(d.removedRows) })}</li>`}
      ${d.totals.map((x) => html`<li>${t('diff.totals', { column: x.column, before: fmt(x.before), after: fmt(x.after) })}</li>`)}
    </ul>
    ${same ? html`<p>${t('diff.none')}</p>` : null}
    ${
      d.changes.length
        ? html`<div class="table-wrap data-table" role="region" aria-labelledby="diff-caption" tabindex="0"><table>
      <caption id="diff-caption">${t('diff.changes', { n: d.changes.length })}</caption>
      <thead><tr><th scope="col">${t('diff.key')}</th><th scope="col">${t('diff.column')}</th><th scope="col" class="num">${t('diff.before')}</th><th scope="col" class="num">${t('diff.after')}</th></tr></thead>
      <tbody>${d.changes.map((c) => html`<tr><th scope="row">${inLang(c.key)}</th><td>${inLang(c.column)}</td><td class="num">${show(c.before, locale)}</td><td class="num">${show(c.after, locale)}</td></tr>`)}</tbody>
    </table></div>`
        : null
    }`;
}

/** SQL problems the author can fix, by code: shown next to the SQL field with the engine's own words. */
const SQL_PROBLEMS: Record<string, AnalysesKey> = {
  'data.sql_invalid': 'sqlError.invalid',
  'data.sql_refused': 'sqlError.refused',
  'analysis.dataset_unreadable': 'sqlError.unreadable',
  'data.version_unavailable': 'sqlError.version',
  'data.sql_timeout': 'sqlError.stopped',
  'data.sql_memory': 'sqlError.stopped',
};
/** Field names of the use case's checks → the names of this page's form fields. */
const FIELDS: Record<string, string> = { 'chart.type': 'chartType', 'chart.x': 'chartX', 'chart.y': 'chartY' };

export type { FormOutcome };

/** Validation and SQL problems come back as field errors; anything else goes to the error page. */
export function runForm<T>(locale: Locale, run: () => Promise<T>): Promise<FormOutcome<T>> {
  return runPageForm(locale, run, {
    field: (name) => FIELDS[name] ?? name,
    refusal: (error) => {
      const key = SQL_PROBLEMS[error.code];
      if (!key) return null;
      const table = (error.details as { table?: string } | undefined)?.table ?? '';
      return { field: 'sql', message: key === 'sqlError.unreadable' ? analysesT(locale)(key, { table }) : `${analysesT(locale)(key)}: ${error.message}` };
    },
  });
}
