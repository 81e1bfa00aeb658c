import type { DbOrTx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { goneError, isInsider } from './visibility.js';
import type { DatasetRow, ResourceRow, VersionRow } from './tables.js';
import './tables.js';

export const getDataset = async (db: DbOrTx, id: string): Promise<DatasetRow> => {
  const row = await db.selectFrom('data_dataset').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('dataset');
  return row;
};

/** Datasets named by id, ordered by id, as other contexts show and check them (titles, publisher, restricted); unknown ids are left out. */
export const datasetSummaries = (db: DbOrTx, ids: string[]) =>
  db
    .selectFrom('data_dataset')
    .select(['id', 'title_ko', 'title_en', 'publisher_id', 'restricted'])
    .where('id', 'in', [...ids, ''])
    .orderBy('id')
    .execute();

export const listResources = (db: DbOrTx, datasetId: string): Promise<ResourceRow[]> =>
  db.selectFrom('data_resource').selectAll().where('dataset_id', '=', datasetId).orderBy('position').execute();

export interface VersionQuery {
  /** A resource id of the dataset; default: its first table resource. */
  resource?: string;
  /** A version number; default: the latest published. */
  version?: number;
  /** ISO date-time: the version that was current then. */
  asOf?: string;
  /** Who reads: members of the publisher (and admins) may read a private dataset's versions; nobody else may. */
  reader?: Actor;
}

/** 410 for a withdrawn version: its rows are gone, the fact and the reason are not. */
export const withdrawnError = (v: Pick<VersionRow, 'version' | 'withdrawn_at' | 'withdrawn_reason'>) =>
  new AppError('data.version_withdrawn', `Version ${v.version} was withdrawn on ${v.withdrawn_at}: ${v.withdrawn_reason ?? ''}`, 410, {
    version: v.version,
    withdrawnAt: v.withdrawn_at,
    reason: v.withdrawn_reason,
  });

/**
 * The published version a reader asks for: by number, as of an instant, or the latest. Drafts are never
 * returned here (they are the publisher's preview). Every API that serves rows comes through here, so this is
 * where a deleted dataset answers 410 (its tombstone), a private one 404 (unless the reader is an insider), and
 * a withdrawn version 410 with its reason when asked for by number or was the one current at `asOf` (the
 * latest skips withdrawn versions).
 */
export async function findVersion(
  db: DbOrTx,
  datasetId: string,
  q: VersionQuery = {},
): Promise<{ dataset: DatasetRow; resource: ResourceRow; version: VersionRow }> {
  const dataset = await getDataset(db, datasetId);
  if (dataset.deleted_at) throw goneError(dataset);
  if (dataset.private && !isInsider(q.reader, dataset)) throw notFound('dataset');
  const resources = await listResources(db, datasetId);
  const resource = q.resource ? resources.find((r) => r.id === q.resource) : resources.find((r) => r.kind === 'table');
  if (!resource) throw q.resource ? notFound('resource') : new AppError('data.no_table', 'This dataset has no table to read', 404);
  const asked = q.version !== undefined || q.asOf !== undefined;
  let query = db
    .selectFrom('data_version')
    .selectAll()
    .where('resource_id', '=', resource.id)
    .where('status', 'in', asked ? ['published', 'withdrawn'] : ['published']);
  if (q.version !== undefined) query = query.where('version', '=', q.version);
  if (q.asOf) query = query.where('published_at', '<=', q.asOf);
  const version = await query.orderBy('version', 'desc').executeTakeFirst();
  if (version?.status === 'withdrawn') throw withdrawnError(version);
  if (!version) {
    throw new AppError(
      'data.version_not_found',
      q.version !== undefined ? `No published version ${q.version}` : q.asOf ? `No version published by ${q.asOf}` : 'No published version yet',
      404,
    );
  }
  return { dataset, resource, version };
}

export const listVersions = (db: DbOrTx, resourceId: string) =>
  db
    .selectFrom('data_version')
    .select(['id', 'version', 'status', 'rows', 'source_name', 'encoding', 'format', 'created_at', 'published_at'])
    .where('resource_id', '=', resourceId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .execute();

/** Published and withdrawn versions, newest first: the public history (a withdrawal stays listed with its reason). */
export const listVersionHistory = (db: DbOrTx, resourceId: string) =>
  db
    .selectFrom('data_version')
    .select(['id', 'version', 'status', 'rows', 'source_name', 'encoding', 'format', 'created_at', 'published_at', 'withdrawn_at', 'withdrawn_reason'])
    .where('resource_id', '=', resourceId)
    .where('status', 'in', ['published', 'withdrawn'])
    .orderBy('version', 'desc')
    .execute();

export const parseJson = <T>(text: string | null | undefined, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export const datasetExists = async (db: DbOrTx, id: string) => !!(await db.selectFrom('data_dataset').select('id').where('id', '=', id).executeTakeFirst());

/** Deletes a dataset row made for one file that could not be read (nothing else points at it yet). */
export const deleteDatasetRow = (db: DbOrTx, id: string) => db.deleteFrom('data_dataset').where('id', '=', id).execute();

export const restrictedDatasetIds = async (db: DbOrTx) =>
  (await db.selectFrom('data_dataset').select('id').where('restricted', '=', 1).execute()).map((r) => r.id);

/** Every version of a dataset, whatever its resource and status (deletion removes their files). */
export const listDatasetVersions = (db: DbOrTx, datasetId: string) =>
  db
    .selectFrom('data_version as v')
    .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
    .select(['v.id', 'v.resource_id', 'v.version', 'v.status', 'v.parquet_path', 'v.options'])
    .where('r.dataset_id', '=', datasetId)
    .execute();

/**
 * A dataset is deleted: the row stays with who, when and why; its versions lose their files (drafts become
 * discarded; published and withdrawn versions keep their status, so their history stays readable).
 */
export async function markDatasetDeleted(db: DbOrTx, id: string, d: { at: string; reason: string; by: string | null }, versionIds: string[]) {
  await db.updateTable('data_dataset').set({ deleted_at: d.at, deleted_reason: d.reason, deleted_by: d.by, updated_at: d.at }).where('id', '=', id).execute();
  if (!versionIds.length) return;
  await db.updateTable('data_version').set({ parquet_path: null }).where('id', 'in', versionIds).execute();
  await db.updateTable('data_version').set({ status: 'discarded' }).where('id', 'in', versionIds).where('status', '=', 'draft').execute();
}

/** A table resource of a dataset anyone may read (CKAN's DataStore serves no restricted dataset). */
export const findOpenResource = (db: DbOrTx, resourceId: string) =>
  db
    .selectFrom('data_resource as r')
    .innerJoin('data_dataset as d', 'd.id', 'r.dataset_id')
    .select(['r.id', 'r.dataset_id', 'r.kind'])
    .where('r.id', '=', resourceId)
    .where('d.restricted', '=', 0)
    .executeTakeFirst();
