import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { RowsField } from '../query/query-rows.js';
import { inLang, numberFormat } from '../../../web/text.js';
import { catalogueMessages } from './catalogue.messages.js';

const isNumeric = (f: RowsField) => f.type === 'integer' || f.type === 'number';

export function cellText(value: unknown, field: RowsField, locale: Locale): string {
  if (typeof value === 'number' && isNumeric(field)) return numberFormat(locale).format(value);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * A page of rows as an accessible table (caption, column headers with their type, numbers aligned right),
 * inside a scrollable region that keyboards can reach. Used by the preview, the query builder and the charts.
 */
export function rowsTable(opts: { id: string; caption: string | Html; fields: RowsField[]; rows: Array<Record<string, unknown>>; locale: Locale }): Html {
  const t = translator(catalogueMessages, opts.locale);
  return html`<div class="table-wrap data-table" role="region" aria-labelledby="${opts.id}-caption" tabindex="0">
    <table id="${opts.id}"><caption id="${opts.id}-caption">${opts.caption}</caption>
      <thead><tr>${opts.fields.map((f) => html`<th scope="col"${isNumeric(f) ? html` class="num"` : null}>${inLang(f.name)} <span class="col-type">${t(`field.${f.type}`)}</span></th>`)}</tr></thead>
      <tbody>${opts.rows.map(
        (row) =>
          html`<tr>${opts.fields.map((f) => {
            const v = row[f.name];
            if (v === null || v === undefined) return html`<td class="null"><span class="visually-hidden">${t('value.null')}</span></td>`;
            return isNumeric(f) ? html`<td class="num">${cellText(v, f, opts.locale)}</td>` : html`<td>${inLang(cellText(v, f, opts.locale))}</td>`;
          })}</tr>`,
      )}</tbody>
    </table></div>`;
}
