import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { assertAllowed } from '../../accounts/index.js';
import { datasetPolicy } from '../domain/policy.js';
import { updateDatasetRow } from '../store/catalogue.repository.js';
import { getDataset, parseJson } from '../store/dataset.repository.js';
import type { DatasetRow } from '../store/tables.js';
import { goneError } from '../store/visibility.js';
import { checkDataset, describedColumns, type DatasetInput } from './create-dataset.js';
import { reindexDataset } from './reindex-dataset.js';

/** The catalogue fields a publisher may edit (the id and the publisher stay). Absent fields keep their value. */
export type DatasetChanges = Omit<DatasetInput, 'id' | 'publisherId'>;

const EDITABLE: Array<[keyof DatasetChanges, keyof DatasetRow]> = [
  ['titleKo', 'title_ko'],
  ['titleEn', 'title_en'],
  ['descriptionKo', 'description_ko'],
  ['descriptionEn', 'description_en'],
  ['topics', 'topics'],
  ['keywords', 'keywords'],
  ['licence', 'licence'],
  ['frequency', 'frequency'],
  ['temporalStart', 'temporal_start'],
  ['temporalEnd', 'temporal_end'],
  ['spatial', 'spatial'],
  ['contactName', 'contact_name'],
  ['contactEmail', 'contact_email'],
  ['sourceUrl', 'source_url'],
  ['attribution', 'attribution'],
];

/**
 * Edits a dataset's catalogue entry in both languages: every field checked as on creation (all problems at
 * once), only the changed fields stored and audited (before and after), the search entry rewritten.
 */
export async function updateDataset(services: Services, actor: Actor, id: string, changes: DatasetChanges): Promise<DatasetRow> {
  const current = await getDataset(services.db, id);
  assertAllowed(actor, datasetPolicy.canPublish(actor, current), 'data.dataset.update');
  if (current.deleted_at) throw goneError(current);
  const merged: DatasetInput = { id };
  for (const [key, column] of EDITABLE) {
    const stored = current[column];
    const now = key === 'topics' || key === 'keywords' ? parseJson<string[]>(stored as string, []) : (stored ?? undefined);
    merged[key] = changes[key] === undefined ? now : changes[key];
  }
  const d = checkDataset(merged, { requireId: false });
  // The publisher is not changed here (moving a dataset is the CKAN API's package_update, with its own check).
  const { publisher_id: _publisher, ...described } = describedColumns(d);
  const next: Partial<DatasetRow> = described;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(next) as Array<[keyof DatasetRow, unknown]>) {
    if ((current[column] ?? null) !== (value ?? null)) {
      before[column] = current[column];
      after[column] = value;
    }
  }
  if (Object.keys(after).length === 0) return current;
  const at = services.now().toISOString();
  const updated = { ...current, ...next, updated_at: at } as DatasetRow;
  await services.db.transaction().execute(async (tx) => {
    await updateDatasetRow(tx, id, { ...next, updated_at: at });
    await reindexDataset(tx, updated);
    await recordAudit(tx, actor, { action: 'data.dataset.update', entityType: 'data_dataset', entityId: id, before, after });
  });
  return updated;
}
