import type { Services } from '../../../core/context.js';
import { notFound, type AppError } from '../../../core/errors.js';
import { pickLocalized, translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { errorSummary, type FieldError, type Page, type PageContext } from '../../../web/layout.js';
import type { ColumnInfo } from '../query/duck.js';
import { FILTER_OPS, openVersion, queryRows, type RowsResult } from '../query/query-rows.js';
import { catalogueMessages } from './catalogue.messages.js';
import { chartFigure } from './chart-figure.js';
import { CHART_TYPES, chartFieldOf, chartFormProblems, chartRowsParams, isChartAsked, parseChartForm, Y_FNS, type ChartForm } from './chart-form.js';
import { findCoordinateColumns } from '../../../web/charts/chart-scale.js';
import { dataLinks } from './data-links.js';
import { copyable } from './dataset-sections.js';
import { readableUrl, rowsApiUrl } from './equivalent-api.js';
import { equivalentSql } from './equivalent-sql.js';
import { isQueryProblem } from './query-form.js';
import { queryProblemText } from './query-builder.page.js';

/**
 * /data/datasets/:id/chart: a GET form (bar, line or map of points; x; y as a count, sum or average; one
 * filter) drawn on the server as an accessible SVG with its values as a table, plus the same data's API
 * address and SQL.
 */
type T = ReturnType<typeof translator<typeof catalogueMessages>>;

export interface ChartView {
  datasetId: string;
  title: { text: string; lang: Locale };
  columns: ColumnInfo[];
  form: ChartForm;
  asked: boolean;
  result: RowsResult | null;
  problems: Array<{ field: string | null; code?: string; error?: AppError }>;
}

export async function runChartBuilder(services: Services, datasetId: string, query: Record<string, unknown>, locale: Locale): Promise<ChartView> {
  const version = /^\d{1,9}$/.test(String(query.version ?? '')) ? Number(query.version) : undefined;
  const opened = await openVersion(services, datasetId, { version });
  if (opened.dataset.restricted) throw notFound('dataset');
  const title = pickLocalized({ ko: opened.dataset.title_ko, en: opened.dataset.title_en }, locale);
  const form = parseChartForm(query, opened.table.columns);
  const asked = isChartAsked(query);
  const problems: ChartView['problems'] = asked ? chartFormProblems(form).map((p) => ({ field: p.field, code: p.code })) : [];
  let result: RowsResult | null = null;
  if (asked && !problems.length) {
    try {
      result = await queryRows(services, datasetId, chartRowsParams(form));
    } catch (error) {
      if (!isQueryProblem(error)) throw error;
      problems.push({ field: chartFieldOf(error), error });
    }
  }
  return { datasetId, title: { text: title.text || datasetId, lang: title.lang }, columns: opened.table.columns, form, asked, result, problems };
}

const options = (values: readonly string[], chosen: string, label: (v: string) => string = (v) => v) =>
  values.map((v) => html`<option value="${v}"${v === chosen ? html` selected` : null}>${label(v)}</option>`);

function select(opts: {
  name: string;
  label: string;
  values: readonly string[];
  chosen: string;
  errors: FieldError[];
  empty?: string;
  labelOf?: (v: string) => string;
}): Html {
  const error = opts.errors.find((e) => e.field === opts.name);
  return html`<div class="form-group${error ? ' has-error' : ''}"><label for="c-${opts.name}">${opts.label}</label>
    ${error ? html`<p class="field-error" id="c-${opts.name}-error">${error.message}</p>` : null}
    <select id="c-${opts.name}" name="${opts.name}"${error ? html` aria-invalid="true" aria-describedby="c-${opts.name}-error"` : null}>
      ${opts.empty !== undefined ? html`<option value="">${opts.empty}</option>` : null}${options(opts.values, opts.chosen, opts.labelOf)}</select></div>`;
}

function chartForm(t: T, v: ChartView, errors: FieldError[]): Html {
  const names = v.columns.map((c) => c.name);
  const numeric = v.columns.filter((c) => c.family === 'integer' || c.family === 'number').map((c) => c.name);
  const coords = findCoordinateColumns(v.columns);
  const types = CHART_TYPES.filter((type) => type !== 'points' || coords);
  const f = v.form;
  const valueError = errors.find((e) => e.field === 'val1');
  return html`<form method="get" action="${dataLinks.chart(v.datasetId)}" class="chart-form" novalidate>
    ${f.version !== undefined ? html`<input type="hidden" name="version" value="${f.version}">` : null}
    <fieldset><legend>${t('chart.type')}</legend>${types.map(
      (type) => html`<div class="radio"><input type="radio" id="c-type-${type}" name="type" value="${type}"${f.type === type ? html` checked` : null}>
      <label for="c-type-${type}">${t(`chart.type.${type}`)}</label></div>`,
    )}
      ${coords ? null : html`<p class="hint">${t('chart.noCoords')}</p>`}</fieldset>
    <div class="form-row">
      ${select({ name: 'x', label: t('chart.x'), values: names, chosen: f.x, errors, empty: t('query.noColumn') })}
      ${select({ name: 'y', label: t('chart.y'), values: Y_FNS, chosen: f.y, errors, labelOf: (y) => t(`chart.y.${y}` as 'chart.y.count') })}
      ${select({ name: 'of', label: t('chart.of'), values: numeric, chosen: f.of, errors, empty: t('query.noColumn') })}
      ${select({ name: 'order', label: t('chart.order'), values: ['value', 'x'], chosen: f.order, errors, labelOf: (o) => t(`chart.order.${o}` as 'chart.order.x') })}
    </div>
    <fieldset><legend>${t('chart.filter')}</legend><div class="filter-row">
      ${select({ name: 'col1', label: t('query.column'), values: names, chosen: f.filter.column, errors, empty: t('query.noColumn') })}
      ${select({ name: 'op1', label: t('query.op'), values: FILTER_OPS, chosen: f.filter.op, errors, labelOf: (o) => t(`query.op.${o}` as 'query.op.eq') })}
      <div class="form-group${valueError ? ' has-error' : ''}"><label for="c-val1">${t('query.value')}</label>${valueError ? html`<p class="field-error" id="c-val1-error">${valueError.message}</p>` : null}
        <input id="c-val1" name="val1" type="text" value="${f.filter.value}"${valueError ? html` aria-invalid="true" aria-describedby="c-val1-error"` : null}></div></div></fieldset>
    ${
      coords
        ? html`<fieldset><legend>${t('chart.map')}</legend><div class="form-row">
      ${select({ name: 'lat', label: t('chart.lat'), values: numeric, chosen: f.lat, errors })}
      ${select({ name: 'lon', label: t('chart.lon'), values: numeric, chosen: f.lon, errors })}
      ${select({ name: 'label', label: t('chart.label'), values: names, chosen: f.label, errors, empty: t('query.noColumn') })}</div></fieldset>`
        : null
    }
    <button type="submit" class="btn btn-primary">${t('chart.draw')}</button></form>`;
}

const FORM_PROBLEM: Record<string, 'chart.error.x' | 'chart.error.of' | 'chart.error.coords' | 'query.error.required'> = {
  x: 'chart.error.x',
  of: 'chart.error.of',
  coords: 'chart.error.coords',
  value: 'query.error.required',
};

export function chartBuilderPage(v: ChartView) {
  return (ctx: PageContext): Page => {
    const t = translator(catalogueMessages, ctx.locale);
    const errors: FieldError[] = v.problems.map((p) => ({
      field: p.field ?? 'form',
      message: p.error ? queryProblemText(t, p.error) : t(FORM_PROBLEM[p.code ?? 'x']!),
    }));
    const params = chartRowsParams(v.form);
    const api = rowsApiUrl(v.datasetId, params);
    return {
      title: `${t('chart.title')}: ${v.title.text}`,
      wide: true,
      body: html`<link rel="stylesheet" href="/assets/data-pages.css">
        <p><a href="${dataLinks.catalogue}">${t('data.title')}</a> › <a href="${dataLinks.dataset(v.datasetId, v.form.version)}" lang="${v.title.lang}">${v.title.text}</a></p>
        <h1>${t('chart.title')}</h1><p>${t('chart.intro')}</p>
        ${errorSummary(ctx.locale, errors, (f) => (f === 'form' ? '#chart-problem' : `#c-${f}`))}
        ${chartForm(t, v, errors)}
        ${errors.some((e) => e.field === 'form') ? html`<p class="alert alert-danger" id="chart-problem">${errors.find((e) => e.field === 'form')!.message}</p>` : null}
        ${
          v.result
            ? html`<section aria-labelledby="chart-result"><h2 id="chart-result">${t('query.result')}</h2>${chartFigure(v.form, v.result, ctx.locale)}</section>
          <section aria-labelledby="api-title"><h2 id="api-title">${t('chart.data')}</h2>${copyable('api-url', readableUrl(api), ctx.locale)}<p><a href="${api}" class="api-link">${t('query.openApi')}</a></p>
            <h3>${t('query.sql')}</h3>${copyable('sql', equivalentSql(v.datasetId, params, v.columns), ctx.locale, 'sql')}</section>`
            : null
        }
        <script src="/assets/data-copy.js" defer></script>`,
    };
  };
}
