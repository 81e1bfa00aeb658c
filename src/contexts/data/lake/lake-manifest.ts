import type { Services } from '../../../core/context.js';
import { findOrganisationById } from '../../accounts/index.js';
import type { TableSchema } from '../domain/table-schema.js';
import type { DatasetRow } from '../store/tables.js';
import { DATA_FILE, manifestKey } from './lake-store.js';
import { lakeFor, literal } from './lake.js';

export const MANIFEST_FORMAT = 'open-seoul-lake-manifest/1';

/** A version's state in the lake. `published` stays so when a newer version comes out (every version is served). */
export type LakeState = 'published' | 'withdrawn' | 'deleted';
export interface LakeEvent {
  state: LakeState;
  at: string;
  reason?: string;
}

/**
 * What one dataset version's Parquet is, written to `lake/<dataset>/<resource>/_manifests/v<N>.json` when the version is published.
 * The facts never change; what happens to the version later (withdrawn, its dataset deleted) is appended to
 * `history` as a new revision of the manifest, never rewriting an earlier entry: `status` is the last entry.
 * A withdrawn version's Parquet is deleted from the lake, its manifest stays as the tombstone.
 */
export interface LakeManifest {
  format: typeof MANIFEST_FORMAT;
  datasetId: string;
  resourceId: string;
  version: number;
  title: { ko: string | null; en: string | null };
  licence: string;
  publisher: { id: string; name: { ko: string | null; en: string | null } } | null;
  /** When the version was published (ISO 8601, UTC). */
  createdAt: string;
  rows: number;
  /** The Parquet file's columns in order: Parquet (DuckDB) type, and the Table Schema type the catalogue states. */
  columns: Array<{ name: string; parquetType: string; type: string | null }>;
  /** Paths relative to the manifest's directory, with size and SHA-256 (hex) as published. */
  files: Array<{ path: string; bytes: number; sha256: string; mediaType: string }>;
  status: LakeEvent;
  history: LakeEvent[];
  /** 1 when published, one more for each event appended. */
  revision: number;
}

export interface ManifestInput {
  dataset: Pick<DatasetRow, 'id' | 'title_ko' | 'title_en' | 'licence' | 'publisher_id'>;
  resourceId: string;
  version: number;
  publishedAt: string;
  rows: number;
  schema: TableSchema;
  /** The Parquet on this machine (read for its column types) and its digest. */
  file: string;
  digest: { bytes: number; sha256: string };
}

export async function buildManifest(services: Services, input: ManifestInput): Promise<LakeManifest> {
  const org = input.dataset.publisher_id ? await findOrganisationById(services.db, input.dataset.publisher_id) : undefined;
  const connection = await lakeFor(services).connect();
  let described: Array<Record<string, unknown>>;
  try {
    described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${literal(input.file)})`)).getRowObjectsJson();
  } finally {
    connection.closeSync();
  }
  const types = new Map(input.schema.fields.map((f) => [f.name, f.type as string]));
  const published: LakeEvent = { state: 'published', at: input.publishedAt };
  return {
    format: MANIFEST_FORMAT,
    datasetId: input.dataset.id,
    resourceId: input.resourceId,
    version: input.version,
    title: { ko: input.dataset.title_ko, en: input.dataset.title_en },
    licence: input.dataset.licence,
    publisher: org ? { id: org.id, name: { ko: org.name_ko, en: org.name_en } } : null,
    createdAt: input.publishedAt,
    rows: input.rows,
    columns: described.map((d) => ({ name: String(d.column_name), parquetType: String(d.column_type), type: types.get(String(d.column_name)) ?? null })),
    files: [{ path: DATA_FILE, bytes: input.digest.bytes, sha256: input.digest.sha256, mediaType: 'application/vnd.apache.parquet' }],
    status: published,
    history: [published],
    revision: 1,
  };
}

export async function writeManifest(services: Services, manifest: LakeManifest): Promise<void> {
  await services.files.put(manifestKey(manifest.datasetId, manifest.resourceId, manifest.version), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), {
    contentType: 'application/json',
  });
}

export async function readManifest(services: Services, datasetId: string, resourceId: string, version: number): Promise<LakeManifest | null> {
  const bytes = await services.files.read(manifestKey(datasetId, resourceId, version));
  return bytes ? (JSON.parse(bytes.toString('utf8')) as LakeManifest) : null;
}

/** Appends an event to a version's manifest (a new revision); nothing when the version has none (published before the layout). */
export async function appendManifestEvent(
  services: Services,
  where: { datasetId: string; resourceId: string; version: number },
  event: LakeEvent,
): Promise<LakeManifest | null> {
  const manifest = await readManifest(services, where.datasetId, where.resourceId, where.version);
  if (!manifest) return null;
  const next: LakeManifest = { ...manifest, status: event, history: [...manifest.history, event], revision: manifest.revision + 1 };
  await writeManifest(services, next);
  return next;
}
