import type { Services } from '../../../core/context.js';
import { notFound, type AppError } from '../../../core/errors.js';
import { pickLocalized, translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { errorSummary, type FieldError, type Page, type PageContext } from '../../../web/layout.js';
import type { ColumnInfo } from '../query/duck.js';
import { AGG_FNS, FILTER_OPS, openVersion, queryRows, type RowsResult } from '../query/query-rows.js';
import { catalogueMessages } from './catalogue.messages.js';
import { dataLinks, queryString } from './data-links.js';
import { copyable } from './dataset-sections.js';
import { readableUrl, rowsApiUrl } from './equivalent-api.js';
import { aggOutput, equivalentSql, sandboxView } from './equivalent-sql.js';
import { aggsOf, fieldOfQueryError, filtersOf, formPairs, isGrouped, isQueryProblem, parseQueryForm, rowsParamsOf, type QueryForm } from './query-form.js';
import { rowsTable } from './rows-table.js';

/**
 * /data/datasets/:id/query: a GET form (filters, columns, grouping and aggregates, sort, limit) whose answer
 * comes with the rows API address and the DuckDB SQL that ask the same, and a next-page link from the cursor.
 */
type T = ReturnType<typeof translator<typeof catalogueMessages>>;

/** A query problem in the reader's language, from the rows API's error code and details. */
export function queryProblemText(t: T, error: AppError): string {
  const d = (error.details ?? {}) as { column?: string; expected?: string };
  switch (error.code) {
    case 'data.query_value':
      return d.column && d.expected
        ? t('query.error.value', { column: d.column, expected: t(`type.${d.expected}` as 'type.string') })
        : t('query.error.other', { message: error.message });
    case 'data.query_column':
      return t('query.error.column');
    case 'data.query_operator':
      return t('query.error.operator');
    case 'data.query_agg':
      return t('query.error.agg');
    default:
      return t('query.error.other', { message: error.message });
  }
}

export interface QueryView {
  datasetId: string;
  title: { text: string; lang: Locale };
  columns: ColumnInfo[];
  form: QueryForm;
  result: RowsResult | null;
  problems: Array<{ field: string | null; error: AppError | 'required' }>;
}

export async function runQueryBuilder(services: Services, datasetId: string, query: Record<string, unknown>, locale: Locale): Promise<QueryView> {
  const form = parseQueryForm(query);
  const opened = await openVersion(services, datasetId, { version: form.version });
  if (opened.dataset.restricted) throw notFound('dataset');
  const title = pickLocalized({ ko: opened.dataset.title_ko, en: opened.dataset.title_en }, locale);
  const problems: QueryView['problems'] = filtersOf(form.filters).missing.map((i) => ({ field: `val${i}`, error: 'required' as const }));
  let result: RowsResult | null = null;
  try {
    // Run even when a value is missing: the API then reports the next problem too (the answer is not shown).
    const answer = await queryRows(services, datasetId, rowsParamsOf(form));
    if (!problems.length) result = answer;
  } catch (error) {
    if (!isQueryProblem(error)) throw error;
    problems.push({ field: fieldOfQueryError(error), error });
  }
  return { datasetId, title: { text: title.text || datasetId, lang: title.lang }, columns: opened.table.columns, form, result, problems };
}

const options = (values: string[], chosen: string, label: (v: string) => string = (v) => v) =>
  values.map((v) => html`<option value="${v}"${v === chosen ? html` selected` : null}>${label(v)}</option>`);

function fieldError(errors: FieldError[], field: string): Html | null {
  const e = errors.find((x) => x.field === field);
  return e ? html`<p class="field-error" id="q-${field}-error">${e.message}</p>` : null;
}
const invalid = (errors: FieldError[], field: string) =>
  errors.some((x) => x.field === field) ? html` aria-invalid="true" aria-describedby="q-${field}-error"` : null;

function filterRows(t: T, v: QueryView, errors: FieldError[]): Html {
  const names = v.columns.map((c) => c.name);
  return html`<fieldset><legend>${t('query.filters')}</legend><p class="hint" id="q-filters-hint">${t('query.filtersHint')} ${t('query.valueHint')}</p>
    ${v.form.filters.map((f, k) => {
      const i = k + 1;
      return html`<div class="filter-row" role="group" aria-labelledby="q-row${i}"><span class="filter-label" id="q-row${i}">${t('query.filterRow', { n: i })}</span>
        <div class="form-group"><label for="q-col${i}">${t('query.column')}</label>${fieldError(errors, `col${i}`)}
          <select id="q-col${i}" name="col${i}"${invalid(errors, `col${i}`)}><option value="">${t('query.noColumn')}</option>${options(names, f.column)}</select></div>
        <div class="form-group"><label for="q-op${i}">${t('query.op')}</label>${fieldError(errors, `op${i}`)}
          <select id="q-op${i}" name="op${i}"${invalid(errors, `op${i}`)}>${options([...FILTER_OPS], f.op, (o) => t(`query.op.${o}` as 'query.op.eq'))}</select></div>
        <div class="form-group${errors.some((e) => e.field === `val${i}`) ? ' has-error' : ''}"><label for="q-val${i}">${t('query.value')}</label>${fieldError(errors, `val${i}`)}
          <input id="q-val${i}" name="val${i}" type="text" value="${f.value}"${invalid(errors, `val${i}`)}></div></div>`;
    })}
    <input type="hidden" name="rows" value="${v.form.filters.length}">
    ${v.form.filters.length < 10 ? html`<button type="submit" name="addRow" value="1" class="btn btn-secondary btn-small">${t('query.addRow')}</button>` : null}</fieldset>`;
}

const checkboxes = (name: string, prefix: string, values: string[], chosen: string[]) =>
  html`<ul class="checkbox-grid">${values.map((v, k) => html`<li><input type="checkbox" id="${prefix}${k}" name="${name}" value="${v}"${chosen.includes(v) ? html` checked` : null}> <label for="${prefix}${k}">${v}</label></li>`)}</ul>`;

function queryForm(t: T, v: QueryView, errors: FieldError[]): Html {
  const names = v.columns.map((c) => c.name);
  const outputs = aggsOf(v.form.aggs).map(aggOutput);
  return html`<form method="get" action="${dataLinks.query(v.datasetId)}" class="query-form" novalidate>
    ${v.form.version !== undefined ? html`<input type="hidden" name="version" value="${v.form.version}">` : null}
    ${filterRows(t, v, errors)}
    <details${v.form.select.length || errors.some((e) => e.field === 'select') ? html` open` : null}><summary>${t('query.select')}</summary>
      <fieldset><legend>${t('query.select')}</legend><p class="hint">${t('query.selectHint')}</p>${fieldError(errors, 'select')}${checkboxes('select', 'q-select-', names, v.form.select)}</fieldset></details>
    <details${isGrouped(v.form) || errors.some((e) => e.field === 'group' || e.field === 'fn1') ? html` open` : null}><summary>${t('query.grouping')}</summary>
      <fieldset><legend>${t('query.groupBy')}</legend><p class="hint">${t('query.groupHint')}</p>${fieldError(errors, 'group')}${checkboxes('group', 'q-group-', names, v.form.groupBy)}</fieldset>
      ${v.form.aggs.map(
        (a, k) => html`<fieldset class="agg-row"><legend>${t('query.agg', { n: k + 1 })}</legend>${fieldError(errors, `fn${k + 1}`)}
        <div class="form-group"><label for="q-fn${k + 1}">${t('query.aggFn')}</label><select id="q-fn${k + 1}" name="fn${k + 1}"${invalid(errors, `fn${k + 1}`)}><option value="">${t('query.fn.none')}</option>${options([...AGG_FNS], a.fn, (f) => t(`query.fn.${f}` as 'query.fn.count'))}</select></div>
        <div class="form-group"><label for="q-of${k + 1}">${t('query.aggOf')}</label><select id="q-of${k + 1}" name="of${k + 1}"><option value="">${t('query.noColumn')}</option>${options(names, a.column)}</select></div></fieldset>`,
      )}
    </details>
    <div class="form-row">
      <div class="form-group"><label for="q-sort">${t('query.sort')}</label>${fieldError(errors, 'sort')}
        <select id="q-sort" name="sort"${invalid(errors, 'sort')}><option value="">${t('query.sortNone')}</option>
          ${outputs.length ? html`<optgroup label="${t('query.outputs')}">${options(outputs, v.form.sort)}</optgroup>` : null}
          <optgroup label="${t('query.column')}">${options(names, v.form.sort)}</optgroup></select></div>
      <div class="form-group"><label for="q-dir">${t('query.dir')}</label><select id="q-dir" name="dir">${options(['asc', 'desc'], v.form.dir, (d) => t(d === 'asc' ? 'query.asc' : 'query.desc'))}</select></div>
      <div class="form-group"><label for="q-limit">${t('query.limit')}</label>${fieldError(errors, 'limit')}
        <input id="q-limit" name="limit" type="number" min="1" max="1000" value="${v.form.limit}" aria-describedby="q-limit-hint"><p class="hint" id="q-limit-hint">${t('query.limitHint')}</p></div>
    </div>
    <button type="submit" class="btn btn-primary">${t('query.run')}</button></form>`;
}

function resultSection(t: T, v: QueryView, locale: Locale): Html | null {
  const r = v.result;
  if (!r) return null;
  const from = v.form.cursor ? v.form.start + 1 : 1;
  const to = from + r.rows.length - 1;
  const pairs = formPairs(v.form);
  const next = r.next ? `${dataLinks.query(v.datasetId)}${queryString([...pairs, ['cursor', r.next], ['start', to]])}` : null;
  const caption = r.rows.length ? t(isGrouped(v.form) ? 'query.groups' : 'query.showing', { from, to, total: r.total }) : t('query.none');
  return html`<section aria-labelledby="result"><h2 id="result">${t('query.result')}</h2><p role="status">${caption}</p>
    ${r.rows.length ? rowsTable({ id: 'result-table', caption, fields: r.fields, rows: r.rows, locale }) : null}
    ${
      next || v.form.cursor
        ? html`<nav aria-label="${t('data.paging')}" class="pager"><ul>
      ${v.form.cursor ? html`<li><a href="${dataLinks.query(v.datasetId)}${queryString(pairs)}">${t('query.first')}</a></li>` : null}
      ${next ? html`<li><a href="${next}" rel="next">${t('query.next')}</a></li>` : null}</ul></nav>`
        : null
    }</section>`;
}

export function queryBuilderPage(v: QueryView) {
  return (ctx: PageContext): Page => {
    const t = translator(catalogueMessages, ctx.locale);
    const errors: FieldError[] = v.problems.map((p) => ({
      field: p.field ?? 'form',
      message: p.error === 'required' ? t('query.error.required') : queryProblemText(t, p.error),
    }));
    const params = rowsParamsOf(v.form);
    const api = rowsApiUrl(v.datasetId, params);
    const sql = equivalentSql(v.datasetId, params, v.columns, { offset: v.form.cursor ? v.form.start : 0 });
    return {
      title: `${t('query.title')}: ${v.title.text}`,
      wide: true,
      body: html`<link rel="stylesheet" href="/assets/data-pages.css">
        <p><a href="${dataLinks.catalogue}">${t('data.title')}</a> › <a href="${dataLinks.dataset(v.datasetId, v.form.version)}" lang="${v.title.lang}">${v.title.text}</a></p>
        <h1>${t('query.title')}</h1><p>${t('query.intro')}</p>
        ${errorSummary(ctx.locale, errors, (f) => (f === 'form' ? '#result' : f === 'select' || f === 'group' ? `#q-${f}-0` : `#q-${f}`))}
        ${queryForm(t, v, errors)}
        ${errors.some((e) => e.field === 'form') ? html`<p class="alert alert-danger" id="result">${errors.find((e) => e.field === 'form')!.message}</p>` : null}
        ${resultSection(t, v, ctx.locale)}
        <section aria-labelledby="api-title"><h2 id="api-title">${t('query.api')}</h2><p>${t('query.apiHint')}</p>
          ${copyable('api-url', readableUrl(api), ctx.locale)}<p><a href="${api}" class="api-link">${t('query.openApi')}</a></p></section>
        <section aria-labelledby="sql-title"><h2 id="sql-title">${t('query.sql')}</h2><p>${t('query.sqlHint', { view: sandboxView(v.datasetId, v.form.version) })}</p>
          ${copyable('sql', sql, ctx.locale, 'sql')}</section>
        <script src="/assets/data-copy.js" defer></script>`,
    };
  };
}
