import { getResourceRow, touchResourceAndDataset, updateVersion, versionStatus } from '../store/version.repository.js';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { datasetPolicy } from '../domain/policy.js';
import type { BadRowsChoice, ValidationReport } from '../domain/table-schema.js';
import { encodingId } from '../ingest/detect-encoding.js';
import { runIngest, type IngestOptions, type IngestResult } from '../ingest/run-ingest.js';
import { isTextFormat, type SourceFormat } from '../ingest/source-format.js';
import { lakeFor } from '../lake/lake.js';
import { isLakeKey } from '../lake/lake-store.js';
import { dropDraftDir, dropDraftFile, fetchDraftFile } from '../lake/draft-files.js';
import { storeVersion, unstoreVersion } from '../lake/store-version.js';
import { getDataset, parseJson } from '../store/dataset.repository.js';
import type { DatasetRow, VersionOptions, VersionRow } from '../store/tables.js';
import { getVersion, latestPublished, versionSchema } from '../store/version.repository.js';
import { indexDataset } from './reindex-dataset.js';
import { draftDir, versionOptions } from './stage-upload.js';
import { invalidateSandbox } from '../query/sandbox/sandbox-pool.js';

export interface PublishChanges {
  schema?: unknown;
  columnMap?: Record<string, string> | null;
  encoding?: string | null;
  /** What to do with bad rows (ragged, undecodable, invalid values): required when the file has ragged or undecodable rows. */
  badRows?: BadRowsChoice | null;
}

export interface PublishedVersion {
  versionId: string;
  version: number;
  datasetId: string;
  resourceId: string;
  status: VersionRow['status'];
  publishedAt: string;
  rows: number;
  columns: string[];
  validation: ValidationReport;
  redone: boolean;
}

export { indexDataset } from './reindex-dataset.js';

/** Open, public and not deleted: once this version is out, the dataset is listed. */
const isListed = (d: DatasetRow) => !d.restricted && !d.private && !d.deleted_at;

/**
 * A file with ragged rows or undecodable bytes is published only once the publisher has chosen what to do with
 * them (keep them as stated, or drop them; fixing means uploading a corrected file instead).
 */
function assertBadRowsDecided(version: VersionRow, changes: PublishChanges) {
  const stored = parseJson<VersionOptions | null>(version.options, null);
  const file = parseJson<ValidationReport>(version.problems, { total: 0, byColumn: {}, problems: [] }).file;
  const bad = file ? file.raggedTooFew + file.raggedTooMany + file.replacementCells : 0;
  if (bad > 0 && !(changes.badRows ?? stored?.badRows)) {
    throw new AppError(
      'data.bad_rows_undecided',
      `The file has ${file!.raggedTooFew + file!.raggedTooMany} ragged rows and ${file!.replacementCells} cells with undecodable bytes: choose badRows "keep" or "drop", or upload a corrected file`,
      409,
      { field: 'badRows', ...file },
    );
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Reads the draft's kept files again with the publisher's corrections; null when nothing changed. */
async function redo(services: Services, version: VersionRow, changes: PublishChanges): Promise<IngestResult | null> {
  const stored = parseJson<VersionOptions>(version.options, {
    format: version.format,
    encoding: null,
    delimiter: null,
    columnMap: null,
    schemaEdited: false,
    dropped: [],
  });
  const encoding = changes.encoding ? encodingId(changes.encoding) : null;
  const encodingChanged = encoding !== null && encoding !== version.encoding;
  const schemaChanged = changes.schema !== undefined && changes.schema !== null && !sameJson(changes.schema, versionSchema(version));
  const mapChanged = changes.columnMap !== undefined && !sameJson(changes.columnMap, stored.columnMap);
  const badRows = changes.badRows ?? stored.badRows ?? null;
  const dropChanged = (badRows === 'drop') !== (stored.badRows === 'drop');
  if (!encodingChanged && !schemaChanged && !mapChanged && !dropChanged) return null;
  const draft = stored.draft;
  if (!draft) throw new AppError('data.draft_source_gone', 'This upload kept no copy of its file; upload it again to change how it is read', 409);
  if (encodingChanged && !isTextFormat(version.format as SourceFormat))
    throw new AppError('data.encoding_not_text', `A ${version.format} file has no text encoding to change`, 422, { field: 'encoding' });
  const dir = draftDir(services, draft.dir);
  const options: IngestOptions = {
    format: encodingChanged ? version.format : draft.readFormat,
    encoding: encodingChanged ? encoding : isTextFormat(draft.readFormat as SourceFormat) ? 'utf-8' : null,
    delimiter: stored.delimiter,
    schema: schemaChanged ? changes.schema : stored.schemaEdited ? versionSchema(version) : undefined,
    columnMap: mapChanged ? (changes.columnMap ?? null) : stored.columnMap,
    badRows,
  };
  const previous = await latestPublished(services.db, version.resource_id);
  const file = path.join(dir, encodingChanged || !draft.utf8 ? draft.source : draft.utf8);
  if (!(await fetchDraftFile(services, file))) throw new AppError('data.draft_source_gone', 'The kept copy of this upload is gone; upload it again', 409);
  return runIngest(lakeFor(services), {
    file,
    filename: version.source_name,
    options,
    workDir: dir,
    previous: previous ? { version: previous.version, columns: versionSchema(previous).fields.map((f) => f.name) } : null,
  });
}

/**
 * Makes a draft public: redone first if the publisher corrected the encoding, schema or column names, then
 * published, the resource's latest version moved, the dataset re-indexed with its columns, and audited.
 */
export async function publishVersion(services: Services, actor: Actor, versionId: string, changes: PublishChanges = {}): Promise<PublishedVersion> {
  let version = await getVersion(services.db, versionId);
  const resource = await getResourceRow(services.db, version.resource_id);
  const dataset = await getDataset(services.db, resource.dataset_id);
  assertAllowed(actor, datasetPolicy.canPublish(actor, dataset), 'data.version.publish');
  if (version.status !== 'draft') throw new AppError('data.version_not_draft', `Version ${version.version} is ${version.status}, not a draft`, 409);
  assertBadRowsDecided(version, changes);
  const result = await redo(services, version, changes);
  const parquet = path.resolve(services.config.dataDir, version.parquet_path ?? '');
  const stored = parseJson<VersionOptions>(version.options, {
    format: version.format,
    encoding: null,
    delimiter: null,
    columnMap: null,
    schemaEdited: false,
    dropped: [],
  });
  const at = services.now().toISOString();
  // The finished Parquet goes to the file store (the lake layout, with its manifest) before the commit: once
  // published, any replica can read it. The draft's file stays until the commit, so a failed publish changes nothing.
  const where = { datasetId: dataset.id, resourceId: resource.id, version: version.version };
  if (!result && !(await fetchDraftFile(services, parquet)))
    throw new AppError('data.draft_file_gone', `The table file of draft version ${version.version} is gone; upload the file again`, 409);
  const lakeFile = await storeVersion(services, {
    dataset,
    resourceId: resource.id,
    version: version.version,
    publishedAt: at,
    file: result ? result.parquet : parquet,
    rows: result ? result.rows : version.rows,
    schema: result ? result.schema : versionSchema(version),
  });
  try {
    await services.db.transaction().execute(async (tx) => {
      const current = await versionStatus(tx, versionId);
      if (current !== 'draft') throw new AppError('data.version_not_draft', `Version ${version.version} is ${current}, not a draft`, 409);
      const update: Partial<VersionRow> = { status: 'published', published_at: at, parquet_path: lakeFile.key };
      const choice = changes.badRows ?? stored.badRows ?? null;
      if (!result && choice) {
        // Kept as read: the report says so (the choice is part of what readers are told about the version).
        const report = parseJson<ValidationReport>(version.problems, { total: 0, byColumn: {}, problems: [] });
        if (report.total > 0) update.problems = JSON.stringify({ ...report, badRows: { choice, droppedRows: 0 } });
        update.options = JSON.stringify({ ...stored, badRows: choice });
      }
      if (result) {
        const encodingChanged = Boolean(changes.encoding) && result.detection?.encoding !== version.encoding;
        Object.assign(update, {
          rows: result.rows,
          schema: JSON.stringify(result.schema),
          profile: JSON.stringify(result.profile),
          problems: JSON.stringify(result.validation),
          options: JSON.stringify({
            ...versionOptions(result, { ...changes, encoding: changes.encoding ?? stored.encoding }, stored.draft),
            format: version.format,
          }),
          ...(encodingChanged ? { encoding: result.detection?.encoding ?? null, detection: JSON.stringify(result.detection) } : {}),
        });
      }
      await updateVersion(tx, versionId, update);
      await touchResourceAndDataset(
        tx,
        { resourceId: resource.id, datasetId: dataset.id },
        { latest_version: Math.max(resource.latest_version ?? 0, version.version), format: version.format, updated_at: at },
      );
      const columns = result ? result.schema.fields.map((f) => f.name) : versionSchema(version).fields.map((f) => f.name);
      // Listed datasets only: a private or restricted dataset's first version does not put it in search.
      if (isListed(dataset)) await indexDataset(tx, { ...dataset, updated_at: at }, columns);
      await recordAudit(tx, actor, {
        action: 'data.version.publish',
        entityType: 'data_version',
        entityId: versionId,
        before: { status: 'draft' },
        after: { status: 'published', version: version.version, redone: Boolean(result), changes, file: lakeFile.key },
      });
    });
  } catch (error) {
    // Another publish of this draft may have won meanwhile: its objects are the same keys, so only a draft still
    // unpublished takes them back.
    if ((await versionStatus(services.db, versionId)) !== 'published') await unstoreVersion(services, where).catch(() => undefined);
    if (result) await fsp.rm(result.parquet, { force: true });
    throw error;
  }
  if (version.parquet_path && !isLakeKey(version.parquet_path)) await dropDraftFile(services, parquet); // the draft's copy, here and shared
  if (result) await fsp.rm(result.parquet, { force: true });
  if (stored.draft) await dropDraftDir(services, draftDir(services, stored.draft.dir));
  invalidateSandbox(services);
  version = await getVersion(services.db, versionId);
  const validation = parseJson<ValidationReport>(version.problems, { total: 0, byColumn: {}, problems: [] });
  return {
    versionId,
    version: version.version,
    datasetId: dataset.id,
    resourceId: resource.id,
    status: version.status,
    publishedAt: at,
    rows: version.rows,
    columns: versionSchema(version).fields.map((f) => f.name),
    validation,
    redone: Boolean(result),
  };
}
