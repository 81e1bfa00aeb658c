import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, organisationNames } from '../../accounts/index.js';
import { FREQUENCIES, LICENCES, TOPICS, type FrequencyId, type LicenceId } from '../domain/catalogue.js';
import { datasetPolicy } from '../domain/policy.js';
import { insertDataset, insertResource } from '../store/catalogue.repository.js';
import type { DatasetRow } from '../store/tables.js';

/** Dataset ids are stable URL segments: lower-case letters, digits and dashes, 3–80 characters. */
export const DATASET_ID = /^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$/;

export interface DatasetInput {
  id: unknown;
  titleKo?: unknown;
  titleEn?: unknown;
  descriptionKo?: unknown;
  descriptionEn?: unknown;
  publisherId?: unknown;
  topics?: unknown;
  keywords?: unknown;
  licence?: unknown;
  frequency?: unknown;
  temporalStart?: unknown;
  temporalEnd?: unknown;
  spatial?: unknown;
  contactName?: unknown;
  contactEmail?: unknown;
  sourceUrl?: unknown;
  attribution?: unknown;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []).map((x) => String(x).trim()).filter(Boolean);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Checks catalogue fields; every problem at once, by field. */
export function checkDataset(input: DatasetInput, opts: { requireId: boolean }) {
  const c = new Checker();
  const id = typeof input.id === 'string' ? input.id.trim() : '';
  if (opts.requireId && !DATASET_ID.test(id)) c.add('id', 'validation.choice');
  const titleKo = c.text('titleKo', input.titleKo, { max: 200, required: false });
  const titleEn = c.text('titleEn', input.titleEn, { max: 200, required: false });
  if (!titleKo && !titleEn) c.add('titleKo', 'validation.required');
  const topics = list(input.topics);
  for (const t of topics) if (!(t in TOPICS)) c.add('topics', 'validation.choice');
  const keywords = list(input.keywords).slice(0, 30);
  const licence = (input.licence ?? 'KOGL-1') as LicenceId;
  if (!(licence in LICENCES)) c.add('licence', 'validation.choice');
  const frequency = (input.frequency ?? 'irregular') as FrequencyId;
  if (!(frequency in FREQUENCIES)) c.add('frequency', 'validation.choice');
  const temporalStart = c.text('temporalStart', input.temporalStart, { max: 10, required: false });
  const temporalEnd = c.text('temporalEnd', input.temporalEnd, { max: 10, required: false });
  if (temporalStart && !DATE.test(temporalStart)) c.add('temporalStart', 'validation.choice');
  if (temporalEnd && !DATE.test(temporalEnd)) c.add('temporalEnd', 'validation.choice');
  const contactEmail = typeof input.contactEmail === 'string' && input.contactEmail.trim() ? c.email('contactEmail', input.contactEmail) : null;
  const out = {
    id,
    titleKo,
    titleEn,
    descriptionKo: c.text('descriptionKo', input.descriptionKo, { max: 5000, required: false }),
    descriptionEn: c.text('descriptionEn', input.descriptionEn, { max: 5000, required: false }),
    publisherId: typeof input.publisherId === 'string' && input.publisherId ? input.publisherId : null,
    topics: [...new Set(topics)],
    keywords: [...new Set(keywords)],
    licence,
    frequency,
    temporalStart,
    temporalEnd,
    spatial: c.text('spatial', input.spatial, { max: 200, required: false }),
    contactName: c.text('contactName', input.contactName, { max: 200, required: false }),
    contactEmail,
    sourceUrl: c.url('sourceUrl', input.sourceUrl),
    attribution: c.text('attribution', input.attribution, { max: 500, required: false }),
  };
  c.done();
  return out;
}

export const datasetSearchDoc = (d: Pick<DatasetRow, 'id' | 'title_ko' | 'title_en' | 'description_ko' | 'description_en' | 'keywords'>) => ({
  type: 'dataset',
  id: d.id,
  url: `/data/datasets/${d.id}`,
  title: { ko: d.title_ko, en: d.title_en },
  summary: { ko: d.description_ko?.slice(0, 300) ?? null, en: d.description_en?.slice(0, 300) ?? null },
  body: (JSON.parse(d.keywords) as string[]).join(' '),
});

/** The dataset row's columns a checked description sets (on creation, and on an update through CKAN's API). */
export const describedColumns = (d: ReturnType<typeof checkDataset>) => ({
  title_ko: d.titleKo,
  title_en: d.titleEn,
  description_ko: d.descriptionKo,
  description_en: d.descriptionEn,
  publisher_id: d.publisherId,
  topics: JSON.stringify(d.topics),
  keywords: JSON.stringify(d.keywords),
  licence: d.licence,
  frequency: d.frequency,
  temporal_start: d.temporalStart,
  temporal_end: d.temporalEnd,
  spatial: d.spatial,
  contact_name: d.contactName,
  contact_email: d.contactEmail,
  source_url: d.sourceUrl,
  attribution: d.attribution,
});

/** Creates a dataset (catalogue entry) with one table resource, audited; a draft until its first version. */
export async function createDataset(services: Services, actor: Actor, input: DatasetInput, tx?: DbOrTx): Promise<DatasetRow> {
  const d = checkDataset(input, { requireId: true });
  assertAllowed(actor, datasetPolicy.canCreate(actor, d.publisherId), 'data.dataset.create');
  const at = services.now().toISOString();
  const row: DatasetRow = {
    id: d.id,
    ...describedColumns(d),
    restricted: 0,
    created_by: actor.user?.id ?? null,
    created_at: at,
    updated_at: at,
  };
  const work = async (db: DbOrTx) => {
    if (d.publisherId && !(await organisationNames(db, [d.publisherId])).length) {
      throw new AppError('validation.failed', 'publisherId: unknown organisation', 422, [
        { field: 'publisherId', code: 'validation.choice', message: 'Unknown organisation' },
      ]);
    }
    try {
      await insertDataset(db, row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('data.dataset_exists', `A dataset with id "${d.id}" already exists`, 409, { field: 'id' });
      throw error;
    }
    await insertResource(db, {
      id: `${d.id}--table`,
      dataset_id: d.id,
      name: row.title_ko ?? row.title_en ?? d.id,
      kind: 'table',
      url: null,
      format: null,
      description: null,
      position: 0,
      latest_version: null,
      created_at: at,
      updated_at: at,
    });
    // Not indexed yet: an empty dataset is a draft, found by nobody until its first version is published.
    await recordAudit(db, actor, { action: 'data.dataset.create', entityType: 'data_dataset', entityId: d.id, after: { ...row } });
  };
  if (tx) await work(tx);
  else await services.db.transaction().execute(work);
  return row;
}
