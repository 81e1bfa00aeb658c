import type { Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { FieldError } from '../../../web/layout.js';
import type { BadRowsChoice, ValidationReport } from '../domain/table-schema.js';
import { manageT } from './manage.messages.js';

/** Rows with a problem of the file itself (ragged, undecodable): they need the publisher's choice before publishing. */
export const fileProblemCount = (v: ValidationReport) => (v.file ? v.file.raggedTooFew + v.file.raggedTooMany + v.file.replacementCells : 0);

/** The bad-rows choice read from the publish form ('' when none was made). */
export const readBadRows = (form: Record<string, string>): BadRowsChoice | undefined =>
  form.badRows === 'keep' || form.badRows === 'drop' ? form.badRows : undefined;

/** What the file's own problems are, in words, with their counts (shown above the problem table). */
export function fileProblemsNote(locale: Locale, v: ValidationReport): Html {
  if (!v.file) return null as unknown as Html;
  const m = manageT(locale);
  const f = v.file;
  return html`<div class="alert alert-danger" data-file-problems><p>${m('bad.file', { few: f.raggedTooFew, many: f.raggedTooMany, fffd: f.replacementCells })}</p></div>`;
}

/**
 * The publisher's choice for bad rows, inside the publish form: fix (upload a corrected file), drop them, or keep
 * them as stated. Required when the file has ragged or undecodable rows (the publish is refused without it).
 */
export function badRowsChoice(locale: Locale, opts: { datasetId: string; validation: ValidationReport; value?: string; errors?: FieldError[] }): Html {
  if (!fileProblemCount(opts.validation) && opts.validation.total === 0) return null as unknown as Html;
  const m = manageT(locale);
  const error = opts.errors?.find((e) => e.field === 'badRows');
  const radio = (value: BadRowsChoice, label: string) =>
    html`<label class="choice"><input type="radio" name="badRows" value="${value}" ${opts.value === value ? html`checked` : null}> ${label}</label>`;
  return html`<fieldset id="badRows" ${error ? html`class="has-error" aria-describedby="badRows-error"` : null}><legend>${m('bad.legend')}</legend>
    ${error ? html`<p class="field-error" id="badRows-error">${error.message}</p>` : null}
    <p class="hint">${m('bad.hint')}</p>
    <p><a href="/data/datasets/${opts.datasetId}/upload">${m('bad.fix')}</a></p>
    ${radio('drop', m('bad.drop'))}<br>${radio('keep', m('bad.keep'))}
  </fieldset>`;
}
