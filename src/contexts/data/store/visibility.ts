import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { isAdmin, membershipIn, type Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/types.js';
import { AppError, notFound } from '../../../core/errors.js';
import type { DatasetRow } from './tables.js';
import './tables.js';

/**
 * Who sees a dataset. Listed (catalogue, search, CKAN, DCAT, sitemaps): open, public, not deleted, and with a
 * first version (published, or published then withdrawn): an empty dataset is a draft, invisible until then.
 * A deleted dataset answers 410 with its tombstone everywhere; a private, restricted or draft one is seen only by
 * its organisation's members and admins (everyone else gets the same 404 as for a dataset that never existed).
 */
type DatasetQuery<O> = SelectQueryBuilder<Database, 'data_dataset', O>;

/** True when some table version of the dataset was ever published (withdrawn ones count: the fact stays listed). */
export const hasFirstVersion = (eb: ExpressionBuilder<Database, 'data_dataset'>) =>
  eb.exists(
    eb
      .selectFrom('data_version as fv')
      .innerJoin('data_resource as fr', 'fr.id', 'fv.resource_id')
      .select('fv.id')
      .whereRef('fr.dataset_id', '=', 'data_dataset.id')
      .where('fv.status', 'in', ['published', 'withdrawn']),
  );

/** Narrows a `selectFrom('data_dataset')` query to the listed datasets (use it wherever the catalogue is listed). */
export const listedOnly = <O>(query: DatasetQuery<O>): DatasetQuery<O> =>
  query
    .where('data_dataset.restricted', '=', 0)
    .where('data_dataset.private', '=', 0)
    .where('data_dataset.deleted_at', 'is', null)
    .where((eb) => hasFirstVersion(eb));

/** The catalogue's listed datasets, every column. */
export const listedDatasets = (db: DbOrTx) => listedOnly(db.selectFrom('data_dataset').selectAll());

/** Members of the publishing organisation and admins: they see the dataset whatever its state. */
export const isInsider = (actor: Actor | undefined, d: Pick<DatasetRow, 'publisher_id'>) =>
  !!actor && (isAdmin(actor) || (d.publisher_id !== null && membershipIn(actor, d.publisher_id) !== undefined));

export interface Tombstone {
  deletedAt: string;
  reason: string;
}

/** 410 Gone with the tombstone (when, why): what every page and API says of a deleted dataset. */
export const goneError = (d: Pick<DatasetRow, 'id' | 'deleted_at' | 'deleted_reason'>) =>
  new AppError('data.dataset_deleted', `Dataset "${d.id}" was deleted on ${d.deleted_at}: ${d.deleted_reason ?? ''}`, 410, {
    deletedAt: d.deleted_at ?? '',
    reason: d.deleted_reason ?? '',
  } satisfies Tombstone);

/** Why a dataset is not in a listing: 410 with its tombstone when it was deleted, else the plain 404. */
export async function missingDataset(db: DbOrTx, id: string): Promise<AppError> {
  const row = await db.selectFrom('data_dataset').select(['id', 'deleted_at', 'deleted_reason']).where('id', '=', id).executeTakeFirst();
  return row?.deleted_at ? goneError(row) : notFound('dataset');
}

export type DatasetState = 'draft' | 'listed' | 'private' | 'restricted' | 'deleted';

/** One word for the dataset's state, as the publisher's pages and the API say it. */
export async function datasetState(db: DbOrTx, d: DatasetRow): Promise<DatasetState> {
  if (d.deleted_at) return 'deleted';
  if (d.restricted) return 'restricted';
  if (d.private) return 'private';
  const first = await db
    .selectFrom('data_version as v')
    .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
    .select('v.id')
    .where('r.dataset_id', '=', d.id)
    .where('v.status', 'in', ['published', 'withdrawn'])
    .limit(1)
    .executeTakeFirst();
  return first ? 'listed' : 'draft';
}

/**
 * The dataset as `actor` may read it: 410 when deleted, 404 when it is private, restricted or a draft and the
 * actor is not an insider (its existence is not disclosed).
 */
export async function readableDataset(db: DbOrTx, id: string, actor: Actor | undefined): Promise<{ dataset: DatasetRow; state: DatasetState }> {
  const dataset = await db.selectFrom('data_dataset').selectAll().where('id', '=', id).executeTakeFirst();
  if (!dataset) throw notFound('dataset');
  const state = await datasetState(db, dataset);
  if (state === 'deleted') throw goneError(dataset);
  if (state !== 'listed' && !isInsider(actor, dataset)) throw notFound('dataset');
  return { dataset, state };
}

/** Which of these datasets are listed (public, not private, not a draft, not deleted): what other contexts may link to. */
export async function listedAmong(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set(
    (
      await listedOnly(db.selectFrom('data_dataset').select('data_dataset.id'))
        .where('data_dataset.id', 'in', [...ids])
        .execute()
    ).map((r) => r.id),
  );
}
