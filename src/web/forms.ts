import { translator, type Locale } from '../core/i18n/messages.js';
import { AppError } from '../core/errors.js';
import { ValidationFailed } from '../core/validation/checker.js';
import { validationMessages } from '../core/validation/messages.js';
import { html, type Html } from './html.js';
import type { FieldError } from './layout.js';

/** Field errors in the reader's language, from a ValidationFailed thrown by a use case. */
export function translateIssues(locale: Locale, error: ValidationFailed): FieldError[] {
  const t = translator(validationMessages, locale);
  return error.issues.map((i) => ({ field: i.field, message: t(i.code) }));
}

const isMultipartField = (v: unknown): v is { type: 'field'; value: string } =>
  typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'field' && typeof (v as { value?: unknown }).value === 'string';

/** Reads a urlencoded (or multipart) body as plain strings (a missing body reads as empty). */
export function formBody(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (typeof v === 'string') out[k] = v;
      else if (isMultipartField(v)) out[k] = v.value; // multipart/form-data text fields
    }
  }
  return out;
}

/**
 * Runs a form's use case. Validation problems come back as field errors for the form to show again;
 * every other error goes to the platform's error handler.
 */
export async function submitForm<T>(locale: Locale, run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; errors: FieldError[] }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ValidationFailed) return { ok: false, errors: translateIssues(locale, error) };
    throw error;
  }
}

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; status: number; error?: AppError };

/**
 * Runs a page form's use case. Validation problems (422) come back as field errors for the form to show
 * again, and so does a refusal the page knows how to show (`refusal` turns the error into a field error, or
 * returns null); every other error goes to the platform's error page.
 */
export async function runPageForm<T>(
  locale: Locale,
  run: () => Promise<T>,
  opts: { refusal?: (error: AppError) => FieldError | null; field?: (name: string) => string } = {},
): Promise<FormOutcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ValidationFailed) {
      const rename = opts.field ?? ((f: string) => f);
      return { ok: false, errors: translateIssues(locale, error).map((e) => ({ ...e, field: rename(e.field) })), status: 422 };
    }
    const known = error instanceof AppError && opts.refusal ? opts.refusal(error) : null;
    if (known) return { ok: false, errors: [known], status: (error as AppError).status, error: error as AppError };
    throw error;
  }
}

/**
 * A context's `runForm`: runPageForm with the refusals its pages show next to a field (error code → the field and the
 * message key), in the reader's language.
 */
export function pageFormRunner<K extends string>(
  refusals: Record<string, { field: string; message: K }>,
  translate: (locale: Locale) => (key: K) => string,
): <T>(locale: Locale, run: () => Promise<T>) => Promise<FormOutcome<T>> {
  return (locale, run) =>
    runPageForm(locale, run, {
      refusal: (error) => {
        const known = refusals[error.code];
        return known ? { field: known.field, message: translate(locale)(known.message) } : null;
      },
    });
}

/** A field sent several times (checkboxes), as one list; formBody keeps only single values. */
export function formList(body: unknown, name: string): string[] {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
}

/** A choice of a select: its label may be markup, and carries `lang` when it is not in the page's language. */
export interface SelectOption {
  value: string;
  label: string | Html;
  lang?: string;
}

/**
 * A labelled <select> in the KRDS form style, its hint and problem tied to it for screen readers (as textField
 * does for inputs); `placeholder` adds an empty first choice, `id` replaces `f-<name>` (several forms on a page).
 */
export function selectField(opts: {
  name: string;
  label: string;
  options: SelectOption[];
  value?: string;
  hint?: string;
  errors?: FieldError[];
  placeholder?: string;
  required?: boolean;
  id?: string;
}): Html {
  const id = opts.id ?? `f-${opts.name}`;
  const error = opts.errors?.find((e) => e.field === opts.name);
  const describedBy = [opts.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="form-group${error ? ' has-error' : ''}"><label for="${id}">${opts.label}</label>
    ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : null}
    ${error ? html`<p class="field-error" id="${id}-error">${error.message}</p>` : null}
    <select id="${id}" name="${opts.name}"${opts.required ? html` required` : null}${error ? html` aria-invalid="true"` : null}${describedBy ? html` aria-describedby="${describedBy}"` : null}>
      ${opts.placeholder !== undefined ? html`<option value="">${opts.placeholder}</option>` : null}
      ${opts.options.map((o) => html`<option value="${o.value}"${o.lang ? html` lang="${o.lang}"` : null}${o.value === (opts.value ?? '') ? html` selected` : null}>${o.label}</option>`)}</select></div>`;
}
