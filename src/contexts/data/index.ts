/** What other contexts may use of the data context. */
export { outputCheckFor, restrictedAmong } from './store/output-gate.repository.js';
export { requestOutputCheck } from './use-cases/request-output-check.js';
export { withdrawnPins, type WithdrawnPin } from './use-cases/find-withdrawn-pins.js';
export { listedAmong } from './store/visibility.js';
