import type { DbOrTx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import type { DatasetRow, ResourceRow, VersionRow } from './tables.js';
import './tables.js';

export const getDataset = async (db: DbOrTx, id: string): Promise<DatasetRow> => {
  const row = await db.selectFrom('data_dataset').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('dataset');
  return row;
};

export const listResources = (db: DbOrTx, datasetId: string): Promise<ResourceRow[]> =>
  db.selectFrom('data_resource').selectAll().where('dataset_id', '=', datasetId).orderBy('position').execute();

export interface VersionQuery {
  /** A resource id of the dataset; default: its first table resource. */
  resource?: string;
  /** A version number; default: the latest published. */
  version?: number;
  /** ISO date-time: the version that was current then. */
  asOf?: string;
}

/**
 * The published version a reader asks for: by number, as of an instant, or the latest. Drafts are never
 * returned here (they are the publisher's preview).
 */
export async function findVersion(db: DbOrTx, datasetId: string, q: VersionQuery = {}): Promise<{ dataset: DatasetRow; resource: ResourceRow; version: VersionRow }> {
  const dataset = await getDataset(db, datasetId);
  const resources = await listResources(db, datasetId);
  const resource = q.resource ? resources.find((r) => r.id === q.resource) : resources.find((r) => r.kind === 'table');
  if (!resource) throw q.resource ? notFound('resource') : new AppError('data.no_table', 'This dataset has no table to read', 404);
  let query = db.selectFrom('data_version').selectAll().where('resource_id', '=', resource.id).where('status', '=', 'published');
  if (q.version !== undefined) query = query.where('version', '=', q.version);
  if (q.asOf) query = query.where('published_at', '<=', q.asOf);
  const version = await query.orderBy('version', 'desc').executeTakeFirst();
  if (!version) {
    throw new AppError('data.version_not_found', q.version !== undefined ? `No published version ${q.version}` : q.asOf ? `No version published by ${q.asOf}` : 'No published version yet', 404);
  }
  return { dataset, resource, version };
}

export const listVersions = (db: DbOrTx, resourceId: string) =>
  db.selectFrom('data_version').select(['id', 'version', 'status', 'rows', 'source_name', 'encoding', 'format', 'created_at', 'published_at'])
    .where('resource_id', '=', resourceId).where('status', '=', 'published').orderBy('version', 'desc').execute();

export const parseJson = <T>(text: string | null | undefined, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};
