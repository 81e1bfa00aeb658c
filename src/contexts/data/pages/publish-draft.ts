import { getResourceRow, previousPublished } from '../store/version.repository.js';
import { randomUUID } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { assertAllowed } from '../../accounts/index.js';
import { datasetPolicy } from '../domain/policy.js';
import type { ColumnProfile, TableSchema, ValidationReport } from '../domain/table-schema.js';
import type { Detection } from '../ingest/detect-encoding.js';
import { queryRows } from '../ingest/duck.js';
import { compareHeaders } from '../ingest/header-drift.js';
import { SAMPLE_ROWS_SHOWN } from '../ingest/run-ingest.js';
import type { SourceFormat } from '../ingest/source-format.js';
import { ident, lakeFor, literal } from '../lake/lake.js';
import { localParquet } from '../lake/lake-store.js';
import { getDataset, parseJson } from '../store/dataset.repository.js';
import type { DatasetRow, VersionOptions, VersionRow } from '../store/tables.js';
import { getVersion, versionSchema } from '../store/version.repository.js';
import { discardUpload } from '../use-cases/discard-upload.js';
import { draftDir, stageUpload } from '../use-cases/stage-upload.js';
import type { PreviewView } from './publish-preview.js';

/**
 * What the preview page reads of an upload after the request that staged it: the stored report (detection,
 * schema, profile, problems), the first rows from its Parquet file, and the header drift against the latest
 * published version, recomputed (it is not stored). Only those who may publish the dataset see it.
 */
export async function loadUpload(
  services: Services,
  actor: Actor,
  versionId: string,
): Promise<{ dataset: DatasetRow; version: VersionRow; preview: PreviewView }> {
  const version = await getVersion(services.db, versionId);
  const resource = await getResourceRow(services.db, version.resource_id);
  const dataset = await getDataset(services.db, resource.dataset_id);
  assertAllowed(actor, datasetPolicy.canPublish(actor, dataset), 'data.version.preview');
  const schema = versionSchema(version) as TableSchema;
  const columns = schema.fields.map((f) => f.name);
  const previous = version.status === 'draft' ? await previousPublished(services.db, resource.id, version.version) : undefined;
  const preview: PreviewView = {
    versionId: version.id,
    version: version.version,
    status: version.status,
    sourceName: version.source_name,
    format: version.format as SourceFormat,
    rows: version.rows,
    columns,
    detection: parseJson<Detection | null>(version.detection, null),
    schema,
    profile: parseJson<ColumnProfile[]>(version.profile, []),
    validation: parseJson<ValidationReport>(version.problems, { total: 0, byColumn: {}, problems: [] }),
    sampleRows: version.status === 'discarded' ? [] : await firstRows(services, version, columns),
    headerDrift: previous
      ? compareHeaders(
          versionSchema(previous).fields.map((f) => f.name),
          columns,
          previous.version,
        )
      : null,
  };
  return { dataset, version, preview };
}

async function firstRows(services: Services, version: VersionRow, columns: string[]) {
  if (!version.parquet_path || !columns.length) return [];
  const file = await localParquet(services, version.parquet_path);
  const conn = await lakeFor(services).connect();
  try {
    const select = columns.map((c) => `CAST(${ident(c)} AS VARCHAR) AS ${ident(c)}`).join(', ');
    return await queryRows(conn, `SELECT ${select} FROM read_parquet(${literal(file)}) LIMIT ${SAMPLE_ROWS_SHOWN}`);
  } finally {
    conn.closeSync();
  }
}

/**
 * Reads a draft again before anything is published, so the publisher sees the result of a correction: with
 * another encoding (the schema is inferred again, as the header may read differently), or with an edited
 * schema and confirmed renames (validated against them). A new draft is staged from the kept copy of the file
 * and the old one discarded; the version number moves on, as numbers are never reused. Null when the draft
 * kept no copy or is no longer a draft.
 */
export async function restageDraft(
  services: Services,
  actor: Actor,
  versionId: string,
  changes: { encoding?: string; schema?: TableSchema; columnMap?: Record<string, string> },
) {
  const { dataset, version } = await loadUpload(services, actor, versionId);
  const stored = parseJson<VersionOptions | null>(version.options, null);
  if (!stored?.draft || version.status !== 'draft') return null;
  const file = path.join(draftDir(services, stored.draft.dir), stored.draft.source);
  const copy = path.join(lakeFor(services).tmpDir, 'uploads', `${randomUUID()}${path.extname(stored.draft.source)}`);
  await fsp.mkdir(path.dirname(copy), { recursive: true });
  await fsp.copyFile(file, copy); // the old draft's folder goes when it is discarded
  const reread = changes.encoding !== undefined;
  try {
    const staged = await stageUpload(services, actor, {
      datasetId: dataset.id,
      file: copy,
      filename: version.source_name,
      options: {
        format: stored.format,
        delimiter: stored.delimiter,
        encoding: reread ? changes.encoding : stored.encoding,
        schema: reread ? undefined : (changes.schema ?? (stored.schemaEdited ? versionSchema(version) : undefined)),
        columnMap: reread ? stored.columnMap : (changes.columnMap ?? stored.columnMap),
      },
    });
    await discardUpload(services, actor, versionId);
    return staged.versionId;
  } finally {
    await fsp.rm(copy, { force: true });
  }
}

/** Stages an uploaded file held in memory: written to the lake's temporary folder, read, then removed. */
export async function stageBuffer(
  services: Services,
  actor: Actor,
  input: { datasetId: string; data: Buffer; filename: string; options: Record<string, string | undefined> },
) {
  const file = path.join(
    lakeFor(services).tmpDir,
    'uploads',
    `${randomUUID()}${path
      .extname(input.filename)
      .toLowerCase()
      .replace(/[^a-z0-9.]/g, '')}`,
  );
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, input.data);
  try {
    return await stageUpload(services, actor, { datasetId: input.datasetId, file, filename: input.filename, options: input.options });
  } finally {
    await fsp.rm(file, { force: true });
  }
}
