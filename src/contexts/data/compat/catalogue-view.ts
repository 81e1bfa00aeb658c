import type { DbOrTx } from '../../../core/db/database.js';
import { organisationsByIds, type OrganisationRow } from '../../accounts/index.js';
import type { TableSchema } from '../domain/table-schema.js';
import { parseJson } from '../store/dataset.repository.js';
import type { DatasetRow, ResourceRow } from '../store/tables.js';
import { catalogueDatasets, latestPublishedVersions, listedDatasetIds, resourcesOfDatasets } from '../store/catalogue-entry.repository.js';
import { missingDataset } from '../store/visibility.js';

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
  return listedDatasetIds(db);
}

/** `unlisted`: also private, restricted and draft datasets (for their insiders; the caller checked who reads). */
export async function loadCatalogue(db: DbOrTx, opts: { ids?: string[]; publisherId?: string; unlisted?: boolean } = {}): Promise<CatalogueEntry[]> {
  if (opts.ids && opts.ids.length === 0) return [];
  const rows = await catalogueDatasets(db, opts);
  if (rows.length === 0) return [];
  const ids = rows.map((d) => d.id);
  const resources = await resourcesOfDatasets(db, ids);
  const latest = await latestVersions(db, ids);
  const publisherIds = [...new Set(rows.map((d) => d.publisher_id).filter((id): id is string => id !== null))];
  const publishers = await organisationsByIds(db, publisherIds);
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
  const rows = await latestPublishedVersions(db, datasetIds);
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
