import type { DbOrTx } from '../../../core/db/database.js';
import type { SeoulServiceRow } from './tables.js';
import './tables.js';

/** The Seoul Open Data Plaza alias of a dataset, if it has one. */
export const seoulServiceOf = (db: DbOrTx, datasetId: string) =>
  db.selectFrom('data_seoul_service').selectAll().where('dataset_id', '=', datasetId).executeTakeFirst();

/** Which dataset holds a Plaza service name, if any. */
export const seoulServiceHolder = (db: DbOrTx, service: string) =>
  db.selectFrom('data_seoul_service').select('dataset_id').where('service', '=', service).executeTakeFirst();

export const removeSeoulService = (db: DbOrTx, datasetId: string) => db.deleteFrom('data_seoul_service').where('dataset_id', '=', datasetId).execute();

/** Sets a dataset's alias (the one it had is replaced). */
export async function replaceSeoulService(db: DbOrTx, row: SeoulServiceRow) {
  await removeSeoulService(db, row.dataset_id);
  await db.insertInto('data_seoul_service').values(row).execute();
}

/** A Plaza alias of a public (not restricted) dataset, by service name. */
export const publicSeoulAlias = (db: DbOrTx, service: string) =>
  db
    .selectFrom('data_seoul_service as s')
    .innerJoin('data_dataset as d', 'd.id', 's.dataset_id')
    .select(['s.dataset_id', 's.fields', 's.params'])
    .where('s.service', '=', service)
    .where('d.restricted', '=', 0)
    .executeTakeFirst();

/** A dataset's id if it exists and is not restricted. */
export const unrestrictedDatasetId = async (db: DbOrTx, id: string) =>
  (await db.selectFrom('data_dataset').select(['id']).where('id', '=', id).where('restricted', '=', 0).executeTakeFirst())?.id;

/** The schema of a dataset's latest published table version (first table by position). */
export const latestPublishedSchema = (db: DbOrTx, datasetId: string) =>
  db
    .selectFrom('data_version as v')
    .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
    .select(['v.schema'])
    .where('r.dataset_id', '=', datasetId)
    .where('r.kind', '=', 'table')
    .where('v.status', '=', 'published')
    .orderBy('r.position')
    .orderBy('v.version', 'desc')
    .executeTakeFirst();
