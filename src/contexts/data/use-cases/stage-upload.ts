import { insertVersion } from '../store/version.repository.js';
import { randomUUID } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { datasetPolicy } from '../domain/policy.js';
import type { Detection } from '../ingest/detect-encoding.js';
import type { HeaderDrift } from '../ingest/header-drift.js';
import { runIngest, type IngestOptions, type IngestResult } from '../ingest/run-ingest.js';
import { lakeFor } from '../lake/lake.js';
import { shareDraftFiles } from '../lake/draft-files.js';
import { getDataset, listResources } from '../store/dataset.repository.js';
import type { VersionOptions, VersionRow } from '../store/tables.js';
import { latestPublished, nextVersionNumber, versionSchema } from '../store/version.repository.js';
import type { ColumnProfile, TableSchema, ValidationReport } from '../domain/table-schema.js';

export interface StageUploadInput {
  datasetId: string;
  /** Absolute path of the uploaded file; it is read, never moved or deleted. */
  file: string;
  filename: string;
  options?: IngestOptions;
  /** A table resource of the dataset; default: its first. */
  resourceId?: string;
}

export interface UploadPreview {
  versionId: string;
  version: number;
  datasetId: string;
  resourceId: string;
  status: VersionRow['status'];
  detection: Detection | null;
  format: string;
  delimiter: string | null;
  rows: number;
  columns: string[];
  dropped: string[];
  sampleRows: Array<Record<string, string | null>>;
  schema: TableSchema;
  validation: ValidationReport;
  profile: ColumnProfile[];
  headerDrift: HeaderDrift | null;
}

export const draftDir = (services: Services, versionId: string) => path.join(lakeFor(services).tmpDir, 'drafts', versionId);

/** A hard link when the upload is on the lake's file system (instant), else a copy. */
async function keepCopy(file: string, to: string) {
  await fsp.link(file, to).catch(() => fsp.copyFile(file, to));
}

export const versionOptions = (result: IngestResult, options: IngestOptions, draft: VersionOptions['draft']): VersionOptions => ({
  format: result.format,
  encoding: options.encoding ?? null,
  delimiter: result.delimiter,
  columnMap: options.columnMap ?? null,
  schemaEdited: options.schema !== undefined && options.schema !== null,
  dropped: result.dropped,
  draft,
  badRows: options.badRows ?? null,
});

export const previewOf = (row: Pick<VersionRow, 'id' | 'version' | 'status'>, datasetId: string, resourceId: string, r: IngestResult): UploadPreview => ({
  versionId: row.id,
  version: row.version,
  datasetId,
  resourceId,
  status: row.status,
  detection: r.detection,
  format: r.format,
  delimiter: r.delimiter,
  rows: r.rows,
  columns: r.columns,
  dropped: r.dropped,
  sampleRows: r.sampleRows,
  schema: r.schema,
  validation: r.validation,
  profile: r.profile,
  headerDrift: r.headerDrift,
});

/**
 * Reads an upload into a draft version: decoded, typed, validated and profiled, its Parquet file already in the
 * lake, shown to the publisher as a preview before anything is public. With `keepSource` the original (and its
 * UTF-8 text) stay in the draft's folder, so publishing with another encoding, schema or column map can redo the
 * work; a one-step ingest does not keep them. A failure leaves no row, no Parquet file and no folder behind.
 */
export async function stageUpload(
  services: Services,
  actor: Actor,
  input: StageUploadInput,
  opts: { keepSource?: boolean } = {},
): Promise<UploadPreview & { result: IngestResult }> {
  const keepSource = opts.keepSource ?? true;
  const dataset = await getDataset(services.db, input.datasetId);
  assertAllowed(actor, datasetPolicy.canPublish(actor, dataset), 'data.version.stage');
  const resources = await listResources(services.db, dataset.id);
  const resource = input.resourceId ? resources.find((r) => r.id === input.resourceId && r.kind === 'table') : resources.find((r) => r.kind === 'table');
  if (!resource) throw new AppError('data.no_table', 'This dataset has no table resource to upload into', 404);
  const options = input.options ?? {};
  const lake = lakeFor(services);
  const versionId = randomUUID();
  const dir = draftDir(services, versionId);
  let finalParquet: string | null = null;
  try {
    await fsp.mkdir(dir, { recursive: true });
    const ext =
      path
        .extname(input.filename)
        .toLowerCase()
        .replace(/[^a-z0-9.]/g, '') || '.bin';
    const source = keepSource ? path.join(dir, `source${ext}`) : input.file;
    if (keepSource) await keepCopy(input.file, source);
    const previous = await latestPublished(services.db, resource.id);
    const result = await runIngest(lake, {
      file: source,
      filename: input.filename,
      options,
      workDir: dir,
      previous: previous ? { version: previous.version, columns: versionSchema(previous).fields.map((f) => f.name) } : null,
    });
    const draft: VersionOptions['draft'] = keepSource
      ? {
          dir: versionId,
          source: path.basename(source),
          utf8: result.utf8File === source ? null : path.basename(result.utf8File),
          readFormat: result.format === 'xlsx' ? 'csv' : result.format,
        }
      : null;
    const at = services.now().toISOString();
    let row!: VersionRow;
    for (let attempt = 0; ; attempt++) {
      finalParquet = null;
      try {
        await services.db.transaction().execute(async (tx) => {
          const version = await nextVersionNumber(tx, resource.id);
          row = {
            id: versionId,
            resource_id: resource.id,
            version,
            status: 'draft',
            source_name: input.filename.slice(0, 255),
            source_bytes: result.bytes,
            source_sha256: result.sha256,
            format: result.format,
            encoding: result.detection?.encoding ?? null,
            detection: JSON.stringify(result.detection),
            options: JSON.stringify(versionOptions(result, options, draft)),
            rows: result.rows,
            schema: JSON.stringify(result.schema),
            profile: JSON.stringify(result.profile),
            problems: JSON.stringify(result.validation),
            parquet_path: path.relative(services.config.dataDir, lake.parquetPath(dataset.id, resource.id, version)),
            created_by: actor.user?.id ?? null,
            created_at: at,
            published_at: null,
          };
          await insertVersion(tx, row);
          await recordAudit(tx, actor, {
            action: 'data.version.stage',
            entityType: 'data_version',
            entityId: versionId,
            after: { ...row, schema: undefined, profile: undefined, problems: undefined },
          });
          const target = lake.parquetPath(dataset.id, resource.id, version);
          await fsp.mkdir(path.dirname(target), { recursive: true });
          await fsp.rename(result.parquet, target);
          finalParquet = target; // ours from here: removed again if the commit fails
        });
        break;
      } catch (error) {
        if (finalParquet) await fsp.rename(finalParquet, result.parquet).catch(() => fsp.rm(finalParquet!, { force: true }));
        // Two uploads to one resource at once: the later takes the next number.
        if (isUniqueViolation(error) && attempt < 3) continue;
        throw error;
      }
    }
    // A draft to preview and publish later may be published through another replica: on object storage its files are shared.
    if (keepSource && finalParquet) {
      const kept = [finalParquet, source, ...(result.utf8File !== source ? [result.utf8File] : [])];
      await shareDraftFiles(services, kept).catch((error: unknown) =>
        services.log.error({ err: error, versionId }, 'data: draft not shared with the file store (publish it through this replica)'),
      );
    }
    if (!keepSource) await fsp.rm(dir, { recursive: true, force: true });
    return { ...previewOf(row, dataset.id, resource.id, result), result };
  } catch (error) {
    await fsp.rm(dir, { recursive: true, force: true });
    throw error;
  }
}
