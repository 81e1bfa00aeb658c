import { html, type Html } from '../../../web/html.js';
import { csrfField, errorSummary, type FieldError, type Page, type PageContext } from '../../../web/layout.js';
import { FIELD_TYPES, type ColumnProfile, type FieldType, type TableSchema, type ValidationReport } from '../domain/table-schema.js';
import type { Detection } from '../ingest/detect-encoding.js';
import type { HeaderDrift } from '../ingest/header-drift.js';
import { isTextFormat, type SourceFormat } from '../ingest/source-format.js';
import type { DatasetRow } from '../store/tables.js';
import { dataLinks } from './data-links.js';
import { publishForm } from './publish-schema-form.js';
import { encodingLabel } from './publish-upload-form.js';
import { count, datasetTitle, publishT, type PublishT } from './publish-view.js';
import type { VersionRow } from '../store/tables.js';
import type { Locale } from '../../../core/i18n/messages.js';
import { fileProblemsNote } from './bad-rows-choice.js';
import { manageT } from './manage.messages.js';

/** Everything the preview shows of a draft version (read from the ingest use cases). */
export interface PreviewView {
  versionId: string;
  version: number;
  status: VersionRow['status'];
  sourceName: string;
  format: SourceFormat;
  rows: number;
  columns: string[];
  detection: Detection | null;
  sampleRows: Array<Record<string, unknown>>;
  schema: TableSchema;
  profile: ColumnProfile[];
  validation: ValidationReport;
  headerDrift: HeaderDrift | null;
}

const SAMPLE_SHOWN = 20;
const PROBLEMS_SHOWN = 50;
const isFieldType = (v: string): v is FieldType => (FIELD_TYPES as readonly string[]).includes(v);
const percent = (score: number) => Math.round(score * 100);
const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * `/data/uploads/:versionId` while a draft: how the file was decoded (with every candidate's reading of the
 * first line, so a person sees which one reads right), the first rows, the problems by column and row, and the
 * form that edits the Table Schema, confirms renamed columns and publishes.
 */
export function previewPage(opts: { dataset: DatasetRow; preview: PreviewView; errors?: FieldError[]; values?: Record<string, string> }) {
  return (ctx: PageContext): Page => {
    const t = publishT(ctx.locale);
    const p = opts.preview;
    const title = datasetTitle(opts.dataset, ctx.locale);
    return {
      title: `${t('publish.preview.title')}: ${title.text}`,
      wide: true,
      body: html`<p class="muted"><a href="/data/datasets/${opts.dataset.id}" lang="${title.lang}">${title.text}</a></p>
        <h1>${t('publish.preview.title')}</h1>
        <p><span class="badge badge-coming">${t('publish.preview.draft')}</span></p>
        <p>${t('publish.preview.summary', { version: p.version, file: p.sourceName, format: p.format.toUpperCase(), rows: count(p.rows, ctx.locale), columns: p.columns.length })}</p>
        ${errorSummary(ctx.locale, opts.errors, (f) => `#${f}`)}
        ${encodingSection(ctx, t, p)}
        ${sampleSection(ctx, t, p)}
        ${validationSection(ctx, t, p)}
        ${publishForm(ctx, { preview: p, values: opts.values ?? {}, datasetId: opts.dataset.id, errors: opts.errors })}
        <form method="post" action="/data/uploads/${p.versionId}/discard" class="stack">${csrfField(ctx)}
          <button type="submit" class="btn btn-danger">${t('publish.actions.discard')}</button></form>`,
    };
  };
}

function encodingSection(ctx: PageContext, t: PublishT, p: PreviewView): Html {
  const d = p.detection;
  if (!d || !isTextFormat(p.format)) {
    return html`<h2>${t('publish.encoding.title')}</h2><p>${t('publish.encoding.binary', { format: p.format.toUpperCase() })}</p>`;
  }
  const candidates = d.candidates.some((c) => c.encoding === d.encoding)
    ? d.candidates
    : [{ encoding: d.encoding, score: d.confidence, sample: '' }, ...d.candidates];
  return html`<section aria-labelledby="encoding-h"><h2 id="encoding-h">${t('publish.encoding.title')}</h2>
    <p id="encoding-result"><strong>${
      d.overridden
        ? t('publish.encoding.chosen', { encoding: encodingLabel(d.encoding) })
        : t('publish.encoding.detected', { encoding: encodingLabel(d.encoding), confidence: percent(d.confidence) })
    }</strong></p>
    ${d.bom ? html`<p>${t('publish.encoding.bom')}</p>` : null}
    <p>${t('publish.encoding.help')}</p>
    <form method="post" action="/data/uploads/${p.versionId}/encoding">${csrfField(ctx)}
      <fieldset id="encoding"><legend>${t('publish.encoding.choose')}</legend>
        ${candidates.map(
          (c, i) => html`<div class="form-group encoding-candidate" data-encoding="${c.encoding}">
          <label><input type="radio" name="encoding" value="${c.encoding}" aria-describedby="enc-sample-${i}" ${c.encoding === d.encoding ? html`checked` : null}>
            ${encodingLabel(c.encoding)} · ${t('publish.encoding.score', { score: percent(c.score) })}${c.encoding === d.encoding ? html` · <strong>${t('publish.encoding.current')}</strong>` : null}</label>
          <pre id="enc-sample-${i}" class="encoding-sample">${c.sample}</pre></div>`,
        )}
      </fieldset>
      <button type="submit" class="btn btn-secondary">${t('publish.encoding.apply')}</button>
    </form></section>`;
}

function sampleSection(_ctx: PageContext, t: PublishT, p: PreviewView): Html {
  const rows = p.sampleRows.slice(0, SAMPLE_SHOWN);
  return html`<section aria-labelledby="sample-h"><h2 id="sample-h">${t('publish.sample.title', { n: rows.length })}</h2>
    ${
      rows.length
        ? html`<div class="table-wrap" role="region" aria-labelledby="sample-h" tabindex="0"><table id="sample-rows">
      <caption class="muted">${t('publish.sample.caption', { n: rows.length })}</caption>
      <thead><tr><th scope="col">${t('publish.sample.row')}</th>${p.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
      <tbody>${rows.map((r, i) => html`<tr><th scope="row">${i + 1}</th>${p.columns.map((c) => html`<td>${cell(r[c])}</td>`)}</tr>`)}</tbody>
    </table></div>`
        : html`<p>${t('publish.sample.none')}</p>`
    }</section>`;
}

/** A problem in the reader's language, from its rule (a type name, `required` or `unique`). */
export function problemText(t: PublishT, rule: string, locale?: Locale): string {
  if (rule === 'required') return t('publish.problem.required');
  if (locale && (rule === 'ragged_too_few' || rule === 'ragged_too_many' || rule === 'encoding_replacement')) return manageT(locale)(`problem.${rule}`);
  if (rule === 'unique') return t('publish.problem.unique');
  return t('publish.problem.type', { type: isFieldType(rule) ? t(`publish.type.${rule}`) : rule });
}

function validationSection(ctx: PageContext, t: PublishT, p: PreviewView): Html {
  const v = p.validation;
  const columns = Object.entries(v.byColumn).filter(([, n]) => n > 0);
  const problems = v.problems.slice(0, PROBLEMS_SHOWN);
  return html`<section aria-labelledby="validation-h"><h2 id="validation-h">${t('publish.validation.title')}</h2>
    ${
      v.total === 0
        ? html`<p class="alert alert-success">${t('publish.validation.ok')}</p>`
        : html`
      ${fileProblemsNote(ctx.locale, v)}
      ${v.badRows ? html`<p class="alert alert-info" data-bad-rows="${v.badRows.choice}">${v.badRows.choice === 'drop' ? manageT(ctx.locale)('bad.chosen.drop', { n: count(v.badRows.droppedRows, ctx.locale) }) : manageT(ctx.locale)('bad.chosen.keep')}</p>` : null}
      <div class="alert alert-info"><p>${t('publish.validation.total', { n: count(v.total, ctx.locale) })}</p></div>
      <div class="table-wrap"><table id="problems-by-column"><caption>${t('publish.validation.byColumn')}</caption>
        <thead><tr><th scope="col">${t('publish.schema.column')}</th><th scope="col">${t('publish.validation.count')}</th></tr></thead>
        <tbody>${columns.map(([c, n]) => html`<tr><th scope="row">${c}</th><td>${count(n, ctx.locale)}</td></tr>`)}</tbody></table></div>
      <div class="table-wrap" role="region" aria-labelledby="problems-caption" tabindex="0"><table id="problems">
        <caption id="problems-caption">${t('publish.validation.first', { n: problems.length })}</caption>
        <thead><tr><th scope="col">${t('publish.validation.row')}</th><th scope="col">${t('publish.schema.column')}</th><th scope="col">${t('publish.validation.value')}</th>
          <th scope="col">${t('publish.validation.message')}</th></tr></thead>
        <tbody>${problems.map((x) => html`<tr><td>${x.row}</td><td>${x.column}</td><td><code>${x.value}</code></td><td>${problemText(t, x.rule, ctx.locale)}</td></tr>`)}</tbody>
      </table></div>`
    }</section>`;
}

/** `/data/uploads/:versionId` once published (the confirmation) or discarded. */
export function settledPage(opts: { dataset: DatasetRow; preview: PreviewView }) {
  return (ctx: PageContext): Page => {
    const t = publishT(ctx.locale);
    const p = opts.preview;
    const title = datasetTitle(opts.dataset, ctx.locale);
    const id = opts.dataset.id;
    const back = html`<p class="muted"><a href="${dataLinks.dataset(id)}" lang="${title.lang}">${title.text}</a></p>`;
    if (p.status === 'withdrawn') {
      const m = manageT(ctx.locale);
      return {
        title: m('withdrawn.badge'),
        body: html`${back}<h1>${m('withdrawn.badge')}: v${p.version}</h1>
        <p>${m('withdraw.intro')}</p><p><a href="/data/datasets/${id}/manage">${m('manage.link')}</a></p>`,
      };
    }
    if (p.status === 'discarded') {
      return {
        title: t('publish.gone.title'),
        body: html`${back}<h1>${t('publish.gone.title')}</h1><p>${t('publish.gone.body')}</p>
        <p><a class="btn btn-primary" href="/data/datasets/${id}/upload">${t('publish.done.again')}</a></p>`,
      };
    }
    return {
      title: t('publish.done.title'),
      body: html`${back}<h1>${t('publish.done.title')}</h1>
        <div class="alert alert-success" role="status"><p>${t('publish.done.body', { dataset: title.text, version: p.version, rows: count(p.rows, ctx.locale) })}</p></div>
        <ul>
          <li><a href="${dataLinks.dataset(id, p.version)}">${t('publish.done.dataset')}</a></li>
          <li><a href="${dataLinks.rows(id, `?version=${p.version}`)}">${t('publish.done.rows')}</a></li>
          <li><a href="${dataLinks.download(id, 'csv', p.version)}">${t('publish.done.csv')}</a></li>
          <li><a href="/data/datasets/${id}/upload">${t('publish.done.again')}</a></li>
        </ul>
        ${sampleSection(ctx, t, p)}`,
    };
  };
}
