import { pageFormRunner, type FormOutcome } from '../../../web/forms.js';
import { civicT, type CivicKey } from '../messages.js';

/** Refusals a form shows next to a field instead of the error page. */
const FORM_REFUSALS: Record<string, { field: string; message: CivicKey }> = {
  'civic.already_member': { field: 'role', message: 'join.already' },
};

export type { FormOutcome };
export { formList } from '../../../web/forms.js';

/** Validation problems (422) and the refusals above come back as field errors; anything else goes to the error page. */
export const runForm = pageFormRunner(FORM_REFUSALS, civicT);
