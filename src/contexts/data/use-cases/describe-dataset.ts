import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import type { ColumnProfile, TableSchema, ValidationReport } from '../domain/table-schema.js';
import type { Detection } from '../ingest/detect-encoding.js';
import { findVersion, getDataset, listResources, listVersions, parseJson, type VersionQuery } from '../store/dataset.repository.js';

export interface DatasetDescription {
  id: string; title: { ko: string | null; en: string | null }; description: { ko: string | null; en: string | null };
  publisher: { id: string; slug: string; name: { ko: string | null; en: string | null } } | null;
  topics: string[]; keywords: string[]; licence: string; frequency: string;
  temporal: { start: string | null; end: string | null }; spatial: string | null;
  contact: { name: string | null; email: string | null }; sourceUrl: string | null; attribution: string | null;
  createdAt: string; updatedAt: string;
  resources: Array<{ id: string; name: string; kind: string; format: string | null; url: string | null; latestVersion: number | null }>;
  versions: Array<{ version: number; rows: number; format: string; encoding: string | null; sourceName: string; publishedAt: string | null }>;
  /** The version asked for (latest published by default), or null while nothing is published. */
  version: null | {
    version: number; resourceId: string; publishedAt: string | null; rows: number; format: string; encoding: string | null;
    detection: Detection | null; schema: TableSchema; profile: ColumnProfile[]; validation: ValidationReport;
  };
}

/** One dataset for readers: catalogue entry, resources, published versions, and one version's schema and profile. */
export async function describeDataset(db: DbOrTx, id: string, q: VersionQuery = {}): Promise<DatasetDescription> {
  const d = await getDataset(db, id);
  if (d.restricted) throw new AppError('dataset.not_found', 'dataset not found', 404);
  const resources = await listResources(db, id);
  const table = resources.find((r) => r.kind === 'table');
  const versions = table ? await listVersions(db, table.id) : [];
  let version: DatasetDescription['version'] = null;
  const asked = q.version !== undefined || q.asOf !== undefined;
  if (table && (versions.length || asked)) {
    const found = await findVersion(db, id, q);
    const v = found.version;
    version = {
      version: v.version, resourceId: found.resource.id, publishedAt: v.published_at, rows: v.rows, format: v.format, encoding: v.encoding,
      detection: parseJson<Detection | null>(v.detection, null), schema: parseJson<TableSchema>(v.schema, { fields: [] }),
      profile: parseJson<ColumnProfile[]>(v.profile, []), validation: parseJson<ValidationReport>(v.problems, { total: 0, byColumn: {}, problems: [] }),
    };
  }
  const org = d.publisher_id ? await db.selectFrom('accounts_organisation').select(['id', 'slug', 'name_ko', 'name_en']).where('id', '=', d.publisher_id).executeTakeFirst() : undefined;
  return {
    id: d.id, title: { ko: d.title_ko, en: d.title_en }, description: { ko: d.description_ko, en: d.description_en },
    publisher: org ? { id: org.id, slug: org.slug, name: { ko: org.name_ko, en: org.name_en } } : null,
    topics: parseJson<string[]>(d.topics, []), keywords: parseJson<string[]>(d.keywords, []), licence: d.licence, frequency: d.frequency,
    temporal: { start: d.temporal_start, end: d.temporal_end }, spatial: d.spatial, contact: { name: d.contact_name, email: d.contact_email },
    sourceUrl: d.source_url, attribution: d.attribution, createdAt: d.created_at, updatedAt: d.updated_at,
    resources: resources.map((r) => ({ id: r.id, name: r.name, kind: r.kind, format: r.format, url: r.url, latestVersion: r.latest_version })),
    versions: versions.map((v) => ({ version: v.version, rows: v.rows, format: v.format, encoding: v.encoding, sourceName: v.source_name, publishedAt: v.published_at })),
    version,
  };
}
