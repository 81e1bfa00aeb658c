/** What other contexts may use of the data context. */
export { outputCheckFor, restrictedAmong } from './store/output-gate.repository.js';
export { requestOutputCheck } from './use-cases/request-output-check.js';
export { withdrawnPins, type WithdrawnPin } from './use-cases/find-withdrawn-pins.js';
export { listedAmong } from './store/visibility.js';
/** The read-only SQL sandbox (learn's lessons run in it) and where the open-data seed files are. */
export { executeSql } from './query/sandbox/execute-sql.js';
export { SEED_DIR } from './seeds/open-data.seed.js';
