import { pageFormRunner, type FormOutcome } from '../../../web/forms.js';
import { demandT, type DemandKey } from '../messages.js';

/** Refusals a form shows next to a field, in the reader's language, instead of the error page. */
export const FORM_REFUSALS: Record<string, { field: string; message: DemandKey }> = {
  'demand.already_supported': { field: 'district', message: 'support.already' },
  'demand.dataset_unknown': { field: 'datasetId', message: 'error.datasetUnknown' },
  'demand.dataset_restricted': { field: 'datasetId', message: 'error.datasetRestricted' },
  'demand.already_published': { field: 'datasetId', message: 'error.alreadyPublished' },
  'demand.not_disputable': { field: 'reason', message: 'error.notDisputable' },
  'demand.not_awaiting_answer': { field: 'decision', message: 'error.notAwaiting' },
  'demand.duplicate_request': { field: 'title', message: 'duplicate.own' },
};

export type { FormOutcome };
export { formList } from '../../../web/forms.js';

/** Validation problems (422) and the refusals above (409, 422) come back as field errors; everything else (401, 403, 404…) goes to the error page. */
export const runForm = pageFormRunner(FORM_REFUSALS, demandT);
