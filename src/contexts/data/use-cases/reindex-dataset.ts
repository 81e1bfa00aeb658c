import type { DbOrTx } from '../../../core/db/database.js';
import { indexDocument, removeDocument } from '../../../core/search/search-index.js';
import type { DatasetRow } from '../store/tables.js';
import { latestPublished, versionSchema } from '../store/version.repository.js';
import { firstTableResourceId } from '../store/catalogue.repository.js';
import { datasetState } from '../store/visibility.js';
import { datasetSearchDoc } from './create-dataset.js';

/** The dataset's search entry: its catalogue text plus the column names of its latest table, as keywords. */
export async function indexDataset(db: DbOrTx, dataset: DatasetRow, columns: string[]) {
  const doc = datasetSearchDoc(dataset);
  await indexDocument(db, { ...doc, body: [doc.body, ...columns].filter(Boolean).join(' ') });
}

/**
 * The dataset's search entry as its state says: listed datasets are indexed (catalogue text and the columns of
 * the latest version); drafts, private, restricted and deleted ones are taken out of search.
 */
export async function reindexDataset(db: DbOrTx, dataset: DatasetRow): Promise<void> {
  if ((await datasetState(db, dataset)) !== 'listed') return removeDocument(db, 'dataset', dataset.id);
  const tableId = await firstTableResourceId(db, dataset.id);
  const latest = tableId ? await latestPublished(db, tableId) : undefined;
  await indexDataset(db, dataset, latest ? versionSchema(latest).fields.map((f) => f.name) : []);
}
