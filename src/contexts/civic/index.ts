/** What the civic context offers the others: the published reuses of a dataset and their section of the dataset page. */
export { reusesOfDataset, type ReuseView } from './use-cases/list-reuses.js';
export { reusesSection } from './pages/civic-view.js';
