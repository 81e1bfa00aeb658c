import type { Actor } from '../../../core/auth/actor.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { organisationNames } from '../../accounts/index.js';
import type { ColumnProfile, TableSchema, ValidationReport } from '../domain/table-schema.js';
import type { Detection } from '../ingest/detect-encoding.js';
import { findVersion, listResources, listVersionHistory, parseJson, type VersionQuery } from '../store/dataset.repository.js';
import { readableDataset, type DatasetState } from '../store/visibility.js';
import { accessOf, accessPolicyOf, type AccessLevel, type AccessPolicy } from './set-dataset-access.js';

/** A version's encoding detection; null for files that had none to detect (Parquet, or written by a fixture). */
const detectionOf = (text: string) => {
  const d = parseJson<Detection | null>(text, null);
  return d?.encoding ? d : null;
};

export interface DatasetDescription {
  id: string;
  title: { ko: string | null; en: string | null };
  description: { ko: string | null; en: string | null };
  publisher: { id: string; slug: string; name: { ko: string | null; en: string | null } } | null;
  topics: string[];
  keywords: string[];
  licence: string;
  frequency: string;
  temporal: { start: string | null; end: string | null };
  spatial: string | null;
  contact: { name: string | null; email: string | null };
  sourceUrl: string | null;
  attribution: string | null;
  createdAt: string;
  updatedAt: string;
  /** draft (no version yet: unlisted), listed, private or restricted; only insiders see the last three but listed. */
  state: Exclude<DatasetState, 'deleted'>;
  access: AccessLevel;
  /** A restricted dataset's policy as its publisher stated it (null otherwise, or when none was stated). */
  accessPolicy: AccessPolicy | null;
  resources: Array<{ id: string; name: string; kind: string; format: string | null; url: string | null; latestVersion: number | null }>;
  /** Published and withdrawn versions, newest first (a withdrawn version's rows are no longer served; the reason is public). */
  versions: Array<{
    version: number;
    status: 'published' | 'withdrawn';
    rows: number;
    format: string;
    encoding: string | null;
    sourceName: string;
    publishedAt: string | null;
    withdrawn: { at: string | null; reason: string | null } | null;
  }>;
  /** The version asked for (latest published by default), or null while nothing is published. */
  version: null | {
    version: number;
    resourceId: string;
    publishedAt: string | null;
    rows: number;
    format: string;
    encoding: string | null;
    detection: Detection | null;
    schema: TableSchema;
    profile: ColumnProfile[];
    validation: ValidationReport;
  };
}

/**
 * One dataset for readers: catalogue entry, resources, versions (withdrawn ones with their reason), and one
 * version's schema and profile. Deleted: 410 with the tombstone. Private, restricted and draft datasets: their
 * organisation's members and admins only (404 for everyone else, as for a dataset that never existed).
 */
export async function describeDataset(db: DbOrTx, id: string, q: VersionQuery = {}, reader?: Actor): Promise<DatasetDescription> {
  const { dataset: d, state } = await readableDataset(db, id, reader);
  const resources = await listResources(db, id);
  const table = resources.find((r) => r.kind === 'table');
  const versions = table ? await listVersionHistory(db, table.id) : [];
  let version: DatasetDescription['version'] = null;
  const asked = q.version !== undefined || q.asOf !== undefined;
  if (table && (versions.some((v) => v.status === 'published') || asked)) {
    const found = await findVersion(db, id, { ...q, reader });
    const v = found.version;
    version = {
      version: v.version,
      resourceId: found.resource.id,
      publishedAt: v.published_at,
      rows: v.rows,
      format: v.format,
      encoding: v.encoding,
      detection: detectionOf(v.detection),
      schema: parseJson<TableSchema>(v.schema, { fields: [] }),
      profile: parseJson<ColumnProfile[]>(v.profile, []),
      validation: parseJson<ValidationReport>(v.problems, { total: 0, byColumn: {}, problems: [] }),
    };
  }
  const [org] = d.publisher_id ? await organisationNames(db, [d.publisher_id]) : [];
  return {
    id: d.id,
    title: { ko: d.title_ko, en: d.title_en },
    description: { ko: d.description_ko, en: d.description_en },
    publisher: org ? { id: org.id, slug: org.slug, name: { ko: org.name_ko, en: org.name_en } } : null,
    topics: parseJson<string[]>(d.topics, []),
    keywords: parseJson<string[]>(d.keywords, []),
    licence: d.licence,
    frequency: d.frequency,
    temporal: { start: d.temporal_start, end: d.temporal_end },
    spatial: d.spatial,
    contact: { name: d.contact_name, email: d.contact_email },
    sourceUrl: d.source_url,
    attribution: d.attribution,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    state: state === 'deleted' ? 'listed' : state,
    access: accessOf(d),
    accessPolicy: d.restricted ? accessPolicyOf(d) : null,
    resources: resources.map((r) => ({ id: r.id, name: r.name, kind: r.kind, format: r.format, url: r.url, latestVersion: r.latest_version })),
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status as 'published' | 'withdrawn',
      rows: v.rows,
      format: v.format,
      encoding: v.encoding,
      sourceName: v.source_name,
      publishedAt: v.published_at,
      withdrawn: v.status === 'withdrawn' ? { at: v.withdrawn_at ?? null, reason: v.withdrawn_reason ?? null } : null,
    })),
    version,
  };
}
