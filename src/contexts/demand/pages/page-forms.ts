import type { Locale } from '../../../core/i18n/messages.js';
import { AppError } from '../../../core/errors.js';
import { ValidationFailed } from '../../../core/validation/checker.js';
import { translateIssues } from '../../../web/forms.js';
import type { FieldError } from '../../../web/layout.js';
import { demandT, type DemandKey } from '../messages.js';

/** Refusals a form shows next to a field, in the reader's language, instead of the error page. */
export const FORM_REFUSALS: Record<string, { field: string; message: DemandKey }> = {
  'demand.already_supported': { field: 'district', message: 'support.already' },
  'demand.dataset_unknown': { field: 'datasetId', message: 'error.datasetUnknown' },
  'demand.dataset_restricted': { field: 'datasetId', message: 'error.datasetRestricted' },
  'demand.already_published': { field: 'datasetId', message: 'error.alreadyPublished' },
  'demand.not_awaiting_answer': { field: 'decision', message: 'error.notAwaiting' },
  'demand.duplicate_request': { field: 'title', message: 'duplicate.own' },
};

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; status: number; error?: AppError };

/**
 * Runs a page form's use case: validation problems (422) and the refusals above (409, 422) come back as field
 * errors for the form; everything else (401, 403, 404…) goes to the platform's error page.
 */
export async function runForm<T>(locale: Locale, run: () => Promise<T>): Promise<FormOutcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ValidationFailed) return { ok: false, errors: translateIssues(locale, error), status: 422 };
    const known = error instanceof AppError ? FORM_REFUSALS[error.code] : undefined;
    if (error instanceof AppError && known) return { ok: false, errors: [{ field: known.field, message: demandT(locale)(known.message) }], status: error.status, error };
    throw error;
  }
}
