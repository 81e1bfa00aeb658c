import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import type { ColumnProfile, TableSchema } from '../domain/table-schema.js';
import { parseJson } from './dataset.repository.js';
import type { VersionRow } from './tables.js';
import './tables.js';

export const getVersion = async (db: DbOrTx, id: string): Promise<VersionRow> => {
  const row = await db.selectFrom('data_version').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('data.version_not_found', 'No such upload', 404);
  return row;
};

/** Numbers are never reused: drafts and discarded uploads keep theirs. */
export async function nextVersionNumber(db: DbOrTx, resourceId: string): Promise<number> {
  const row = await db
    .selectFrom('data_version')
    .select((eb) => eb.fn.max<number>('version').as('v'))
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

/** The latest published version of a resource, if any (for header drift). */
export const latestPublished = (db: DbOrTx, resourceId: string) =>
  db
    .selectFrom('data_version')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export const versionSchema = (v: Pick<VersionRow, 'schema'>) => parseJson<TableSchema>(v.schema, { fields: [] });
export const versionProfile = (v: Pick<VersionRow, 'profile'>) => parseJson<ColumnProfile[]>(v.profile, []);

/** The resource a version belongs to (the version exists, so its resource does). */
export const getResourceRow = (db: DbOrTx, resourceId: string) =>
  db.selectFrom('data_resource').selectAll().where('id', '=', resourceId).executeTakeFirstOrThrow();

export const insertVersion = (db: DbOrTx, row: VersionRow) => db.insertInto('data_version').values(row).execute();

/** A draft is discarded: its file is gone (the row stays, so its number is never reused). Only a draft changes. */
export const markDraftDiscarded = (db: DbOrTx, versionId: string) =>
  db.updateTable('data_version').set({ status: 'discarded', parquet_path: null }).where('id', '=', versionId).where('status', '=', 'draft').execute();

/** Which of these ids are versions still in draft (the orphan sweep keeps their folders). */
export const draftIdsAmong = async (db: DbOrTx, ids: string[]) =>
  (await db.selectFrom('data_version').select('id').where('id', 'in', ids).where('status', '=', 'draft').execute()).map((r) => r.id);

/** A dataset's table resources, in their order. */
export const tableResourceIds = async (db: DbOrTx, datasetId: string) =>
  (await db.selectFrom('data_resource').select('id').where('dataset_id', '=', datasetId).where('kind', '=', 'table').orderBy('position').execute()).map(
    (r) => r.id,
  );

/** A resource's version by number. */
export const findVersionByNumber = (db: DbOrTx, resourceId: string, version: number) =>
  db.selectFrom('data_version').selectAll().where('resource_id', '=', resourceId).where('version', '=', version).executeTakeFirst();

/** A published version becomes withdrawn (its file is gone); false when it was no longer published. */
export async function markWithdrawn(db: DbOrTx, versionId: string, w: { at: string; reason: string; by: string | null }): Promise<boolean> {
  const moved = await db
    .updateTable('data_version')
    .set({ status: 'withdrawn', withdrawn_at: w.at, withdrawn_reason: w.reason, withdrawn_by: w.by, parquet_path: null })
    .where('id', '=', versionId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1;
}

/** The number of a resource's newest published version, or null. */
export const newestPublishedNumber = async (db: DbOrTx, resourceId: string) =>
  (
    await db
      .selectFrom('data_version')
      .select('version')
      .where('resource_id', '=', resourceId)
      .where('status', '=', 'published')
      .orderBy('version', 'desc')
      .executeTakeFirst()
  )?.version ?? null;

/** The published version just before this one (a draft's preview compares its columns with it). */
export const previousPublished = (db: DbOrTx, resourceId: string, before: number) =>
  db
    .selectFrom('data_version')
    .select(['version', 'schema'])
    .where('resource_id', '=', resourceId)
    .where('status', '=', 'published')
    .where('version', '<', before)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export const versionStatus = async (db: DbOrTx, versionId: string) =>
  (await db.selectFrom('data_version').select('status').where('id', '=', versionId).executeTakeFirst())?.status;

export const updateVersion = (db: DbOrTx, versionId: string, set: Partial<VersionRow>) =>
  db.updateTable('data_version').set(set).where('id', '=', versionId).execute();

/** A resource's newest version and format after a publish or withdrawal, and its dataset's change time. */
export async function touchResourceAndDataset(
  db: DbOrTx,
  ids: { resourceId: string; datasetId: string },
  set: { latest_version: number | null; format?: string; updated_at: string },
) {
  await db.updateTable('data_resource').set(set).where('id', '=', ids.resourceId).execute();
  await db.updateTable('data_dataset').set({ updated_at: set.updated_at }).where('id', '=', ids.datasetId).execute();
}

/** Drafts of a resource not yet published or discarded, newest first (a publisher may have left one half-way). */
export const draftsOf = (db: DbOrTx, resourceId: string) =>
  db
    .selectFrom('data_version')
    .select(['id', 'version', 'source_name', 'rows', 'created_at'])
    .where('resource_id', '=', resourceId)
    .where('status', '=', 'draft')
    .orderBy('version', 'desc')
    .execute();

/** The dataset an upload belongs to. */
export const datasetOfVersion = async (db: DbOrTx, versionId: string) =>
  (
    await db
      .selectFrom('data_version as v')
      .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
      .select('r.dataset_id')
      .where('v.id', '=', versionId)
      .executeTakeFirstOrThrow()
  ).dataset_id;

/**
 * The published table versions the SQL sandbox shows: of datasets neither private nor deleted, and not restricted
 * unless named in `restricted` (an approved analyst's); by dataset, resource position, newest version first.
 */
export const sandboxVersionRows = (db: DbOrTx, restricted: string[]) =>
  db
    .selectFrom('data_version as v')
    .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
    .innerJoin('data_dataset as d', 'd.id', 'r.dataset_id')
    .select(['d.id as dataset_id', 'd.restricted', 'r.id as resource_id', 'r.position', 'v.version', 'v.parquet_path'])
    .where('v.status', '=', 'published')
    .where('r.kind', '=', 'table')
    .where((eb) => (restricted.length ? eb.or([eb('d.restricted', '=', 0), eb('d.id', 'in', restricted)]) : eb('d.restricted', '=', 0)))
    .where('v.parquet_path', 'is not', null)
    // Private datasets (their organisation only) and deleted ones are never in the shared sandbox.
    .where('d.private', '=', 0)
    .where('d.deleted_at', 'is', null)
    .orderBy('d.id')
    .orderBy('r.position')
    .orderBy('r.id')
    .orderBy('v.version', 'desc')
    .execute();

/** Every file path a version names (published versions' lake keys; drafts' local paths): withdrawn and deleted name none. */
export const namedParquetPaths = async (db: DbOrTx) =>
  new Set((await db.selectFrom('data_version').select('parquet_path').where('parquet_path', 'is not', null).execute()).map((r) => r.parquet_path as string));

/** Every published version's file (a lake key, or for versions published before the layout a path), with its dataset. */
export const publishedVersionFiles = (db: DbOrTx) =>
  db
    .selectFrom('data_version as v')
    .innerJoin('data_resource as r', 'r.id', 'v.resource_id')
    .select(['v.id', 'v.version', 'v.resource_id', 'v.parquet_path', 'v.published_at', 'v.rows', 'v.schema', 'r.dataset_id'])
    .where('v.status', '=', 'published')
    .where('v.parquet_path', 'is not', null)
    .orderBy('r.dataset_id')
    .orderBy('v.resource_id')
    .orderBy('v.version')
    .execute();

/** Points a version at another file, only if it still names `from` (false when someone changed it meanwhile). */
export async function moveVersionFile(db: DbOrTx, versionId: string, from: string, to: string): Promise<boolean> {
  const r = await db.updateTable('data_version').set({ parquet_path: to }).where('id', '=', versionId).where('parquet_path', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
