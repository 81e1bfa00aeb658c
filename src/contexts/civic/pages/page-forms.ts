import type { Locale } from '../../../core/i18n/messages.js';
import { runPageForm, type FormOutcome } from '../../../web/forms.js';
import { civicT, type CivicKey } from '../messages.js';

/** Refusals a form shows next to a field instead of the error page. */
const FORM_REFUSALS: Record<string, { field: string; message: CivicKey }> = {
  'civic.already_member': { field: 'role', message: 'join.already' },
};

export type { FormOutcome };
export { formList } from '../../../web/forms.js';

/** Validation problems (422) and the refusals above come back as field errors; anything else goes to the error page. */
export function runForm<T>(locale: Locale, run: () => Promise<T>): Promise<FormOutcome<T>> {
  return runPageForm(locale, run, {
    refusal: (error) => {
      const known = FORM_REFUSALS[error.code];
      return known ? { field: known.field, message: civicT(locale)(known.message) } : null;
    },
  });
}
