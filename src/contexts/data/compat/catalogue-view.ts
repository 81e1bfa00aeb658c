import type { DbOrTx } from '../../../core/db/database.js';
import type { OrganisationRow } from '../../accounts/index.js';
import type { TableSchema } from '../domain/table-schema.js';
import { parseJson } from '../store/dataset.repository.js';
import type { DatasetRow, ResourceRow } from '../store/tables.js';
import { listedOnly, missingDataset } from '../store/visibility.js';

/**
 * The read model every compatibility format is built from (CKAN packages, DCAT, datapackage.json): public
 * datasets with their resources, each table resource's latest published version, and the publisher.
 * Restricted datasets are never exported. Three queries for any number of datasets; the catalogue is
 * small enough (thousands, not millions) to filter and facet in memory.
 */
export interface PublishedVersion {
  version: number;
  rows: number;
  format: string;
  encoding: string | null;
  sourceName: string;
  sourceBytes: number;
  sourceSha256: string;
  schema: TableSchema;
  publishedAt: string | null;
}

export interface CatalogueResource {
  row: ResourceRow;
  /** Table resources: the latest published version, or null while nothing is published. */
  latest: PublishedVersion | null;
}

export interface CatalogueEntry {
  dataset: DatasetRow;
  topics: string[];
  keywords: string[];
  resources: CatalogueResource[];
  publisher: OrganisationRow | null;
  /** The later of the catalogue entry's change and its latest publication: what harvesters compare. */
  modified: string;
}

/** Ids of every public dataset, sorted. */
export async function listPublicDatasetIds(db: DbOrTx): Promise<string[]> {
  const rows = await listedOnly(db.selectFrom('data_dataset').select('id')).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** `unlisted`: also private, restricted and draft datasets (for their insiders; the caller checked who reads). */
export async function loadCatalogue(db: DbOrTx, opts: { ids?: string[]; publisherId?: string; unlisted?: boolean } = {}): Promise<CatalogueEntry[]> {
  if (opts.ids && opts.ids.length === 0) return [];
  let datasets = opts.unlisted
    ? db.selectFrom('data_dataset').selectAll().where('deleted_at', 'is', null)
    : listedOnly(db.selectFrom('data_dataset').selectAll());
  if (opts.ids) datasets = datasets.where('id', 'in', opts.ids);
  if (opts.publisherId) datasets = datasets.where('publisher_id', '=', opts.publisherId);
  const rows = await datasets.orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((d) => d.id);
  const resources = await db.selectFrom('data_resource').selectAll().where('dataset_id', 'in', ids).orderBy('dataset_id').orderBy('position').execute();
  const latest = await latestVersions(db, ids);
  const publisherIds = [...new Set(rows.map((d) => d.publisher_id).filter((id): id is string => id !== null))];
  const publishers = publisherIds.length ? await db.selectFrom('accounts_organisation').selectAll().where('id', 'in', publisherIds).execute() : [];
  const byOrg = new Map(publishers.map((o) => [o.id, o]));
  return rows.map((dataset) => {
    const own = resources.filter((r) => r.dataset_id === dataset.id).map((row) => ({ row, latest: latest.get(row.id) ?? null }));
    const published = own.map((r) => r.latest?.publishedAt).filter((at): at is string => !!at);
    return {
      dataset,
      topics: parseJson<string[]>(dataset.topics, []),
      keywords: parseJson<string[]>(dataset.keywords, []),
      resources: own,
      publisher: dataset.publisher_id ? (byOrg.get(dataset.publisher_id) ?? null) : null,
      modified: [dataset.updated_at, ...published].sort().at(-1)!,
    };
  });
}

/**
 * One listed dataset, or `dataset.not_found` (also for restricted, private and draft ones: their existence is not
 * disclosed), or 410 `data.dataset_deleted` with the tombstone for a deleted one.
 */
export async function loadEntry(db: DbOrTx, id: string, opts: { unlisted?: boolean } = {}): Promise<CatalogueEntry> {
  const [entry] = await loadCatalogue(db, { ids: [id], unlisted: opts.unlisted });
  if (!entry) throw await missingDataset(db, id);
  return entry;
}

async function latestVersions(db: DbOrTx, datasetIds: string[]): Promise<Map<string, PublishedVersion>> {
  const newest = db
    .selectFrom('data_version as v0')
    .innerJoin('data_resource as r0', 'r0.id', 'v0.resource_id')
    .select(['v0.resource_id', (eb) => eb.fn.max('v0.version').as('version')])
    .where('v0.status', '=', 'published')
    .where('r0.dataset_id', 'in', datasetIds)
    .groupBy('v0.resource_id');
  const rows = await db
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
  return new Map(
    rows.map((v) => [
      v.resource_id,
      {
        version: Number(v.version),
        rows: Number(v.rows),
        format: v.format,
        encoding: v.encoding,
        sourceName: v.source_name,
        sourceBytes: Number(v.source_bytes),
        sourceSha256: v.source_sha256,
        schema: parseJson<TableSchema>(v.schema, { fields: [] }),
        publishedAt: v.published_at,
      },
    ]),
  );
}

/** Title and description in Korean, else English (the platform's primary language first). */
export const koFirst = (ko: string | null, en: string | null) => ko ?? en ?? null;
