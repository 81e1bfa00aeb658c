/** What other contexts may use of the data context. */
export { outputCheckFor, restrictedAmong } from './store/output-gate.repository.js';
export { requestOutputCheck } from './use-cases/request-output-check.js';
export { withdrawnPins, type WithdrawnPin } from './use-cases/find-withdrawn-pins.js';
export { listedAmong } from './store/visibility.js';
export { datasetSummaries } from './store/dataset.repository.js';
export { latestTableVersions } from './store/resource.repository.js';
export { datasetChoices } from './store/dataset-choices.read-model.js';
/** The port through which another context adds a section to a dataset page (civic adds the dataset's reuses). */
export { addDatasetPageSection, type DatasetPageSection } from './pages/dataset-page-sections.js';
/** The SQL sandbox, for analyses that run their SQL against the catalogue: resolve, run, its limits, its tables. */
export { executeSql, resolveSql, type SqlExecution } from './query/sandbox/execute-sql.js';
export { listSqlTables, SQL_LIMITS } from './query/sandbox/run-sql.js';
/** After a restore: the lake's Parquet files the restored database does not name are removed. */
export { dropUnnamedLakeFiles } from './use-cases/drop-unnamed-lake-files.js';
/** Where the open-data seed files are. */
export { SEED_DIR } from './seeds/open-data.seed.js';
