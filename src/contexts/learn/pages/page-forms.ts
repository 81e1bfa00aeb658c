import { pageFormRunner, type FormOutcome } from '../../../web/forms.js';
import { learnT, type LearnKey } from '../messages.js';

/** Refusals a form shows on the page (as a problem of the form) instead of the error page. */
const FORM_REFUSALS: Record<string, { field: string; message: LearnKey }> = {
  'learn.already_registered': { field: 'register', message: 'register.already' },
  'learn.registration_closed': { field: 'register', message: 'register.closed' },
  'learn.already_applied': { field: 'motivation', message: 'apply.already' },
};

export type { FormOutcome };
export { formList } from '../../../web/forms.js';

/** Validation problems (422) and the refusals above come back as field errors; anything else goes to the error page. */
export const runForm = pageFormRunner(FORM_REFUSALS, learnT);
