import { AppError } from '../../../core/errors.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, type FieldError, type Page, type PageContext } from '../../../web/layout.js';
import { ENCODINGS } from '../ingest/detect-encoding.js';
import { FORMATS } from '../ingest/source-format.js';
import type { DatasetRow } from '../store/tables.js';
import { selectField } from '../../../web/forms.js';
import { count, datasetTitle, publishT, type PublishT } from './publish-view.js';

/** How encodings are named to people: EUC-KR is read as its superset CP949, which is how Korean offices know it. */
export const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  cp949: 'CP949 (EUC-KR)',
  latin1: 'Latin-1 (ISO-8859-1)',
  'windows-1252': 'Windows-1252',
};
export const encodingLabel = (id: string) => ENCODING_LABELS[id] ?? id;

/** Delimiters offered by name (the form sends the name; the page turns it into the character). */
export const DELIMITERS = { comma: ',', tab: '\t', semicolon: ';', pipe: '|' } as const;

export const FORMAT_ACCEPT = '.csv,.tsv,.tab,.txt,.json,.ndjson,.jsonl,.xlsx,.parquet,.pq,text/csv,application/json';

interface Version {
  id: string;
  version: number;
  rows: number;
  source_name: string;
  published_at?: string | null;
  created_at: string;
}

/** `/data/datasets/:id/upload`: one file, with optional hints on how to read it, and the dataset's versions so far. */
export function uploadForm(opts: {
  dataset: DatasetRow;
  versions: Version[];
  drafts: Version[];
  limitMb: number;
  values?: Record<string, string>;
  errors?: FieldError[];
  notice?: 'created' | 'discarded';
  /** The reader's own words about a file it could not read (English, technical), shown under the problem. */
  detail?: string;
}) {
  return (ctx: PageContext): Page => {
    const t = publishT(ctx.locale);
    const values = opts.values ?? {};
    const title = datasetTitle(opts.dataset, ctx.locale);
    const fileError = opts.errors?.find((e) => e.field === 'file');
    const auto = { value: '', label: t('publish.upload.auto') };
    return {
      title: `${t('publish.upload.title')}: ${title.text}`,
      body: html`<p class="muted"><a href="/data/datasets/${opts.dataset.id}" lang="${title.lang}">${title.text}</a></p>
        <h1>${t('publish.upload.title')}</h1>
        ${opts.notice ? html`<div class="alert alert-success" role="status"><p>${t(opts.notice === 'created' ? 'publish.upload.created' : 'publish.upload.discarded')}</p></div>` : null}
        <p>${t('publish.upload.intro')}</p>
        ${errorSummary(ctx.locale, opts.errors)}
        <form method="post" action="/data/datasets/${opts.dataset.id}/upload" enctype="multipart/form-data" novalidate>${csrfField(ctx)}
          <div class="form-group${fileError ? ' has-error' : ''}"><label for="f-file">${t('publish.upload.file')} <span class="req">(${t('publish.upload.fileHint', { mb: opts.limitMb })})</span></label>
            ${fileError ? html`<p class="field-error" id="f-file-error">${fileError.message}</p>` : null}
            ${fileError && opts.detail ? html`<p class="hint">${t('publish.error.detail', { detail: '' })}<code lang="en">${opts.detail}</code></p>` : null}
            <input id="f-file" name="file" type="file" accept="${FORMAT_ACCEPT}" required ${fileError ? html`aria-invalid="true" aria-describedby="f-file-error"` : null}></div>
          <fieldset><legend>${t('publish.upload.options')}</legend>
            ${selectField({
              name: 'format',
              label: t('publish.upload.format'),
              value: values.format,
              errors: opts.errors,
              options: [auto, ...FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))],
            })}
            ${selectField({
              name: 'encoding',
              label: t('publish.upload.encoding'),
              hint: t('publish.upload.encodingHint'),
              value: values.encoding,
              errors: opts.errors,
              options: [auto, ...ENCODINGS.map((e) => ({ value: e, label: encodingLabel(e) }))],
            })}
            ${selectField({
              name: 'delimiter',
              label: t('publish.upload.delimiter'),
              value: values.delimiter,
              errors: opts.errors,
              options: [auto, ...Object.keys(DELIMITERS).map((d) => ({ value: d, label: t(`publish.delimiter.${d as keyof typeof DELIMITERS}`) }))],
            })}
          </fieldset>
          <button type="submit" class="btn btn-primary">${t('publish.upload.submit')}</button>
        </form>
        ${opts.drafts.length ? html`<h2>${t('publish.preview.draft')}</h2>${versionList(t, opts.drafts, ctx.locale)}` : null}
        <h2>${t('publish.upload.versions')}</h2>
        ${opts.versions.length ? versionList(t, opts.versions, ctx.locale) : html`<p>${t('publish.upload.noVersions')}</p>`}`,
    };
  };
}

/** Problems with an upload as field errors in the reader's language; null for errors that are not about the form. */
export function uploadErrors(t: PublishT, error: unknown, limitMb: number): FieldError[] | null {
  if (!(error instanceof AppError)) return null;
  const file = (key: Parameters<PublishT>[0]) => [{ field: 'file', message: t(key, { mb: limitMb }) }];
  switch (error.code) {
    case 'data.file_missing':
      return file('publish.error.fileMissing');
    case 'data.file_empty':
      return file('publish.error.fileEmpty');
    case 'data.file_invalid':
    case 'data.file_binary':
      return file('publish.error.fileInvalid');
    case 'data.file_unreadable':
      return file('publish.error.fileUnreadable');
    case 'data.no_rows':
      return file('publish.error.noRows');
    case 'data.file_too_large':
      return file('publish.error.fileTooLarge');
    case 'data.format_unknown':
      return [{ field: 'format', message: t('publish.error.format') }];
    case 'data.encoding_unknown':
      return [{ field: 'encoding', message: t('publish.error.encoding') }];
    case 'validation.failed': {
      const fields = Array.isArray(error.details) ? (error.details as Array<{ field?: string }>).map((d) => d.field) : [];
      return fields.includes('delimiter') ? [{ field: 'delimiter', message: t('publish.error.delimiter') }] : null;
    }
    default:
      return null;
  }
}

/** The reader's message about a file it could not read, without server paths or the SQL it ran. */
export function unreadableDetail(error: unknown): string | undefined {
  if (!(error instanceof AppError) || error.code !== 'data.file_unreadable') return undefined;
  return error.message
    .replace(/\s*LINE \d+:[\s\S]*$/, '')
    .replace(/["']?\/[^\s"',]+["']?/g, '(file)')
    .slice(0, 300);
}

function versionList(t: PublishT, versions: Version[], locale: PageContext['locale']) {
  return html`<ul>${versions.map(
    (v) => html`<li><a href="/data/uploads/${v.id}">${t('publish.upload.version', { n: v.version })}</a>:
    ${t('publish.upload.versionLine', { rows: count(v.rows, locale), file: v.source_name, date: (v.published_at ?? v.created_at).slice(0, 10) })}</li>`,
  )}</ul>`;
}
