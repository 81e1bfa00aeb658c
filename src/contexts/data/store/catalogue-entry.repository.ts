import type { DbOrTx } from '../../../core/db/database.js';
import './tables.js';
import { listedOnly } from './visibility.js';

// The reads behind the catalogue's read model (compat/catalogue-view.ts): datasets, their resources, and each
// resource's latest published version, in three queries for any number of datasets.

/** Ids of every listed dataset, sorted. */
export const listedDatasetIds = async (db: DbOrTx): Promise<string[]> =>
  (await listedOnly(db.selectFrom('data_dataset').select('id')).orderBy('id').execute()).map((r) => r.id);

/** Datasets by id, ordered by id: listed ones, or (`unlisted`) every one not deleted; of one publisher when given. */
export function catalogueDatasets(db: DbOrTx, opts: { ids?: string[]; publisherId?: string; unlisted?: boolean }) {
  let datasets = opts.unlisted
    ? db.selectFrom('data_dataset').selectAll().where('deleted_at', 'is', null)
    : listedOnly(db.selectFrom('data_dataset').selectAll());
  if (opts.ids) datasets = datasets.where('id', 'in', opts.ids);
  if (opts.publisherId) datasets = datasets.where('publisher_id', '=', opts.publisherId);
  return datasets.orderBy('id').execute();
}

/** The resources of these datasets, by dataset and position. */
export const resourcesOfDatasets = (db: DbOrTx, datasetIds: string[]) =>
  db.selectFrom('data_resource').selectAll().where('dataset_id', 'in', datasetIds).orderBy('dataset_id').orderBy('position').execute();

/** Each resource's latest published version (of these datasets' resources). */
export function latestPublishedVersions(db: DbOrTx, datasetIds: string[]) {
  const newest = db
    .selectFrom('data_version as v0')
    .innerJoin('data_resource as r0', 'r0.id', 'v0.resource_id')
    .select(['v0.resource_id', (eb) => eb.fn.max('v0.version').as('version')])
    .where('v0.status', '=', 'published')
    .where('r0.dataset_id', 'in', datasetIds)
    .groupBy('v0.resource_id');
  return db
    .selectFrom('data_version as v')
    .innerJoin(newest.as('m'), (j) => j.onRef('m.resource_id', '=', 'v.resource_id').onRef('m.version', '=', 'v.version'))
    .select([
      'v.resource_id',
      'v.version',
      'v.rows',
      'v.format',
      'v.encoding',
      'v.source_name',
      'v.source_bytes',
      'v.source_sha256',
      'v.schema',
      'v.published_at',
    ])
    .where('v.status', '=', 'published')
    .execute();
}

/** Published and withdrawn versions of these datasets, by resource and version (DCAT's version history). */
export const publicVersionsOf = (db: DbOrTx, datasetIds: string[]) =>
  db
    .selectFrom('data_version as v')
    .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
    .select(['r.dataset_id', 'v.resource_id', 'v.version', 'v.published_at', 'v.rows', 'v.parquet_path', 'v.status', 'v.withdrawn_at', 'v.withdrawn_reason'])
    .where('v.status', 'in', ['published', 'withdrawn'])
    .where('r.dataset_id', 'in', datasetIds)
    .orderBy('v.resource_id')
    .orderBy('v.version')
    .execute();

/** How many listed datasets each publisher has (CKAN's package_count). */
export async function listedCountsByPublisher(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await listedOnly(db.selectFrom('data_dataset').select(['publisher_id', (eb) => eb.fn.countAll<number>().as('n')]))
    .where('publisher_id', 'is not', null)
    .groupBy('publisher_id')
    .execute();
  return new Map(rows.map((r) => [r.publisher_id!, Number(r.n)]));
}

/** The dataset a resource belongs to. */
export const datasetIdOfResource = async (db: DbOrTx, resourceId: string) =>
  (await db.selectFrom('data_resource').select('dataset_id').where('id', '=', resourceId).executeTakeFirst())?.dataset_id;
