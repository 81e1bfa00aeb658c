import { html, type Html } from '../../../web/html.js';
import { csrfField, type FieldError, type PageContext } from '../../../web/layout.js';
import { badRowsChoice, readBadRows } from './bad-rows-choice.js';
import { FIELD_TYPES, type TableField, type TableSchema } from '../domain/table-schema.js';
import type { HeaderDrift } from '../ingest/header-drift.js';
import type { PreviewView } from './publish-preview.js';
import { count, publishT, type PublishT } from './publish-view.js';

/**
 * The preview's main form: the inferred Table Schema as a table of inputs (type, title, description per
 * column), the renamed columns to confirm when the header drifted, and the Publish button. Inputs are named by
 * position (`type.3`), not by column name: headers are whatever the file had.
 */
export function publishForm(ctx: PageContext, opts: { preview: PreviewView; values: Record<string, string>; datasetId?: string; errors?: FieldError[] }): Html {
  const t = publishT(ctx.locale);
  const p = opts.preview;
  return html`<form method="post" action="/data/uploads/${p.versionId}/publish" class="stack">${csrfField(ctx)}
    ${schemaTable(ctx, t, p, opts.values)}
    ${p.headerDrift ? driftSection(t, p.headerDrift, opts.values) : null}
    <p>${t('publish.schema.recheckHint')}</p>
    <button type="submit" formaction="/data/uploads/${p.versionId}/check" class="btn btn-secondary">${t('publish.schema.recheck')}</button>
    <section aria-labelledby="actions-h"><h2 id="actions-h">${t('publish.actions.title')}</h2>
      <p>${t('publish.actions.publishHint', { version: p.version })}</p>
      ${opts.datasetId ? badRowsChoice(ctx.locale, { datasetId: opts.datasetId, validation: p.validation, value: opts.values.badRows, errors: opts.errors }) : null}
      <button type="submit" class="btn btn-primary">${t('publish.actions.publish')}</button></section>
  </form>`;
}

function schemaTable(ctx: PageContext, t: PublishT, p: PreviewView, values: Record<string, string>): Html {
  const profile = (name: string) => p.profile.find((c) => c.name === name);
  return html`<section aria-labelledby="schema-h"><h2 id="schema-h">${t('publish.schema.title')}</h2><p>${t('publish.schema.intro')}</p>
    <div class="table-wrap" role="region" aria-labelledby="schema-h" tabindex="0"><table id="schema">
      <caption class="muted">${t('publish.schema.caption')}</caption>
      <thead><tr><th scope="col" id="sch-h-name">${t('publish.schema.column')}</th><th scope="col" id="sch-h-type">${t('publish.schema.type')}</th>
        <th scope="col" id="sch-h-title">${t('publish.schema.fieldTitle')}</th><th scope="col" id="sch-h-description">${t('publish.schema.description')}</th>
        <th scope="col">${t('publish.schema.summary')}</th></tr></thead>
      <tbody>${p.schema.fields.map((f, i) => {
        const type = values[`type.${i}`] ?? f.type;
        const c = profile(f.name);
        return html`<tr data-column="${f.name}"><th scope="row" id="sch-c-${i}">${f.name}</th>
          <td><select id="type-${i}" name="type.${i}" aria-labelledby="sch-c-${i} sch-h-type">${FIELD_TYPES.map((ty) => html`<option value="${ty}" ${ty === type ? html`selected` : null}>${t(`publish.type.${ty}`)}</option>`)}</select></td>
          <td><input type="text" id="title-${i}" name="title.${i}" value="${values[`title.${i}`] ?? f.title ?? ''}" maxlength="200" aria-labelledby="sch-c-${i} sch-h-title"></td>
          <td><input type="text" id="description-${i}" name="description.${i}" value="${values[`description.${i}`] ?? f.description ?? ''}" maxlength="2000" aria-labelledby="sch-c-${i} sch-h-description"></td>
          <td>${c ? summary(ctx, t, c) : null}</td></tr>`;
      })}</tbody>
    </table></div></section>`;
}

function summary(ctx: PageContext, t: PublishT, c: PreviewView['profile'][number]): Html {
  const parts = [
    c.min !== null && c.max !== null ? t('publish.schema.range', { min: String(c.min), max: String(c.max) }) : null,
    t('publish.schema.nulls', { n: count(c.nulls, ctx.locale) }),
    t('publish.schema.distinct', { n: count(c.distinct, ctx.locale) }),
  ].filter((x): x is string => x !== null);
  return html`<span class="muted">${parts.join(' · ')}</span>`;
}

/** The columns of this version that are not in the previous one (renamed or new), in file order of the drift report. */
export const driftColumns = (d: HeaderDrift) => [...d.renamed.map((r) => r.current), ...d.added];
/** Earlier columns a drifted column may continue. */
const earlierColumns = (d: HeaderDrift) => [...d.renamed.map((r) => r.previous), ...d.removed];

function driftSection(t: PublishT, d: HeaderDrift, values: Record<string, string>): Html {
  const earlier = earlierColumns(d);
  return html`<section aria-labelledby="drift-h" id="header-drift"><h2 id="drift-h">${t('publish.drift.title')}</h2>
    <p>${t('publish.drift.intro', { version: d.previousVersion })}</p>
    <ul>${d.added.length ? html`<li>${t('publish.drift.added', { columns: d.added.join(', ') })}</li>` : null}
      ${d.removed.length ? html`<li>${t('publish.drift.removed', { columns: d.removed.join(', ') })}</li>` : null}</ul>
    ${driftColumns(d).map((current, j) => {
      const chosen = values[`map.${j}`] ?? d.suggestedColumnMap[current] ?? '';
      return html`<div class="form-group"><label for="map-${j}">${t('publish.drift.mapTo', { column: current })}</label>
        <select id="map-${j}" name="map.${j}"><option value="">${t('publish.drift.keepNew')}</option>
          ${earlier.map((prev) => html`<option value="${prev}" ${prev === chosen ? html`selected` : null}>${prev}${d.suggestedColumnMap[current] === prev ? ` ${t('publish.drift.suggested')}` : ''}</option>`)}
        </select></div>`;
    })}</section>`;
}

/**
 * The publisher's changes from the posted form, as publishVersion takes them: the schema only when a type, title
 * or description changed (inferred date layouts and cleaning flags kept; renamed columns under their earlier
 * names), and { new name: previous name } for the renames confirmed. Unchanged parts are left out, so
 * publishing does not read the file again for nothing.
 */
export function readPublishForm(form: Record<string, string>, schema: TableSchema, drift: HeaderDrift | null) {
  const columnMap: Record<string, string> = {};
  if (drift) {
    const earlier = new Set(earlierColumns(drift));
    driftColumns(drift).forEach((current, j) => {
      const prev = form[`map.${j}`];
      if (prev && earlier.has(prev)) columnMap[current] = prev;
    });
  }
  let edited = false;
  const fields = schema.fields.map((f, i): TableField => {
    const posted = form[`type.${i}`] ?? '';
    const type = (FIELD_TYPES as readonly string[]).includes(posted) ? (posted as TableField['type']) : f.type;
    const out: TableField = { ...f, name: columnMap[f.name] ?? f.name, type };
    if (type !== 'date' && type !== 'datetime') delete out.format;
    const title = form[`title.${i}`]?.trim() ?? f.title ?? '';
    const description = form[`description.${i}`]?.trim() ?? f.description ?? '';
    if (title) out.title = title;
    else delete out.title;
    if (description) out.description = description;
    else delete out.description;
    if (type !== f.type || (title || undefined) !== f.title || (description || undefined) !== f.description) edited = true;
    return out;
  });
  return {
    schema: edited ? { ...schema, fields } : undefined,
    columnMap: Object.keys(columnMap).length ? columnMap : undefined,
    badRows: readBadRows(form),
  };
}
