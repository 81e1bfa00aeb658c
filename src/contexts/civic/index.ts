/** What the civic context offers the others: the published reuses of a dataset (their section of the dataset page is added through data's port, from civic's manifest). */
export { reusesOfDataset, type ReuseView } from './use-cases/list-reuses.js';
