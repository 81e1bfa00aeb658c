import { datasetExists, deleteDatasetRow } from '../store/dataset.repository.js';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { removeDocument } from '../../../core/search/search-index.js';
import type { IngestOptions, IngestResult } from '../ingest/run-ingest.js';
import { createDataset, type DatasetInput } from './create-dataset.js';
import { publishVersion, type PublishedVersion } from './publish-version.js';
import { stageUpload, type UploadPreview } from './stage-upload.js';

export interface IngestFileInput {
  datasetId: string;
  file: string;
  filename: string;
  options?: IngestOptions;
  /** Catalogue entry to create when the dataset does not exist yet (the CLI and the seeds). */
  create?: Omit<DatasetInput, 'id'>;
}

/**
 * Stage and publish in one step (CLI, seeds, benchmark): no preview to confirm, so no copy of the file is
 * kept. Creates the dataset first when it is missing and `create` is given.
 */
export async function ingestFile(
  services: Services,
  actor: Actor,
  input: IngestFileInput,
): Promise<{ created: boolean; preview: UploadPreview; published: PublishedVersion; result: IngestResult }> {
  let created = false;
  if (input.create && !(await datasetExists(services.db, input.datasetId))) {
    await createDataset(services, actor, { ...input.create, id: input.datasetId });
    created = true;
  }
  try {
    const { result, ...preview } = await stageUpload(
      services,
      actor,
      { datasetId: input.datasetId, file: input.file, filename: input.filename, options: input.options },
      { keepSource: false },
    );
    // One step, no preview: bad rows are kept unless the caller said otherwise, and the report states it.
    const published = await publishVersion(services, actor, preview.versionId, { badRows: input.options?.badRows ?? 'keep' });
    return { created, preview, published, result };
  } catch (error) {
    // A dataset made for this file alone does not outlive a file that could not be read.
    if (created) {
      await services.db.transaction().execute(async (tx) => {
        await deleteDatasetRow(tx, input.datasetId);
        await removeDocument(tx, 'dataset', input.datasetId);
        await recordAudit(tx, actor, {
          action: 'data.dataset.delete',
          entityType: 'data_dataset',
          entityId: input.datasetId,
          before: { reason: 'ingest failed' },
        });
      });
    }
    throw error;
  }
}
