import type { DbOrTx } from '../../../core/db/database.js';
import type { DatasetRow, ResourceRow } from './tables.js';
import './tables.js';

// Catalogue entries as the catalogue's use cases write and read them: a dataset's row and its resources.

export const insertDataset = (db: DbOrTx, row: DatasetRow) => db.insertInto('data_dataset').values(row).execute();

export const insertResource = (db: DbOrTx, row: ResourceRow) => db.insertInto('data_resource').values(row).execute();

export const updateDatasetRow = (db: DbOrTx, id: string, changes: Partial<Omit<DatasetRow, 'id'>>) =>
  db.updateTable('data_dataset').set(changes).where('id', '=', id).execute();

/** The id of a dataset's first table resource (by position), if it has one. */
export const firstTableResourceId = async (db: DbOrTx, datasetId: string): Promise<string | undefined> =>
  (await db.selectFrom('data_resource').select('id').where('dataset_id', '=', datasetId).where('kind', '=', 'table').orderBy('position').executeTakeFirst())
    ?.id;

/** The deleted datasets among these ids, with when and why. */
export const deletedAmong = (db: DbOrTx, ids: string[]) =>
  db.selectFrom('data_dataset').select(['id', 'deleted_at', 'deleted_reason']).where('id', 'in', ids).where('deleted_at', 'is not', null).execute();

/** The withdrawn versions of these datasets, with when and why. */
export const withdrawnVersionsOf = (db: DbOrTx, datasetIds: string[]) =>
  db
    .selectFrom('data_version as v')
    .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
    .select(['r.dataset_id', 'v.version', 'v.withdrawn_at', 'v.withdrawn_reason'])
    .where('r.dataset_id', 'in', datasetIds)
    .where('v.status', '=', 'withdrawn')
    .execute();
