/** What the data context offers the others (more of it is still imported directly; to be moved here). */
export { outputCheckFor, restrictedAmong } from './store/output-gate.repository.js';
export { requestOutputCheck } from './use-cases/request-output-check.js';
