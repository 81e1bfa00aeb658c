import type { Locale } from '../../../core/i18n/messages.js';
import { AppError } from '../../../core/errors.js';
import { ValidationFailed } from '../../../core/validation/checker.js';
import { translateIssues } from '../../../web/forms.js';
import type { FieldError } from '../../../web/layout.js';
import { learnT, type LearnKey } from '../messages.js';

/** Refusals a form shows on the page (as a problem of the form) instead of the error page. */
const FORM_REFUSALS: Record<string, { field: string; message: LearnKey }> = {
  'learn.already_registered': { field: 'register', message: 'register.already' },
  'learn.registration_closed': { field: 'register', message: 'register.closed' },
  'learn.already_applied': { field: 'motivation', message: 'apply.already' },
};

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; status: number };

export async function runForm<T>(locale: Locale, run: () => Promise<T>): Promise<FormOutcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ValidationFailed) return { ok: false, errors: translateIssues(locale, error), status: 422 };
    const known = error instanceof AppError ? FORM_REFUSALS[error.code] : undefined;
    if (error instanceof AppError && known) return { ok: false, errors: [{ field: known.field, message: learnT(locale)(known.message) }], status: error.status };
    throw error;
  }
}

/** A field sent several times (checkboxes), as one list. */
export function formList(body: unknown, name: string): string[] {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
}
