import { listedAmong } from '../../data/index.js';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { reusePolicy } from '../domain/policy.js';
import { datasetIdList } from '../domain/project-input.js';
import { REUSE_TYPES, type ReuseType } from '../domain/vocabularies.js';
import { insertReuse, insertReuseDatasets } from '../store/reuse.repository.js';
import type { ReuseRow } from '../store/tables.js';

export interface ReuseInput {
  title: unknown;
  type: unknown;
  url: unknown;
  description: unknown;
  imageUrl?: unknown;
  author?: unknown;
  datasets: unknown;
}

/** Anyone signed in submits a reuse of one or more public datasets; it waits for an admin's moderation. */
export async function submitReuse(services: Services, actor: Actor, input: ReuseInput): Promise<ReuseRow> {
  assertAllowed(actor, reusePolicy.canSubmit(actor), 'submit a reuse');
  const c = new Checker();
  const title = c.text('title', input.title, { min: 3, max: 200 }) ?? '';
  const type = c.oneOf<ReuseType>('type', input.type, REUSE_TYPES);
  const url = c.url('url', input.url);
  if (!url) c.add('url', 'validation.required');
  const description = c.text('description', input.description, { max: 3000 }) ?? '';
  const imageUrl = c.url('imageUrl', input.imageUrl);
  const author = c.text('author', input.author, { max: 200, required: false }) ?? actor.user!.displayName;
  const datasetIds = datasetIdList(input.datasets);
  if (!datasetIds.length) c.add('datasets', 'validation.required');
  else if (datasetIds.length > 20) c.add('datasets', 'validation.tooLong');
  else {
    // Only listed datasets (public, published, not private or deleted): the showcase links from their pages.
    const listed = await listedAmong(services.db, datasetIds);
    if (datasetIds.some((id) => !listed.has(id))) c.add('datasets', 'validation.choice');
  }
  c.done();
  const at = services.now().toISOString();
  const row: ReuseRow = {
    id: randomUUID(),
    title,
    type,
    url: url!,
    description,
    image_url: imageUrl,
    author,
    submitted_by: actor.user!.id,
    state: 'pending',
    reject_reason: null,
    moderated_by: null,
    moderated_at: null,
    created_at: at,
    updated_at: at,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertReuse(tx, row);
    await insertReuseDatasets(tx, row.id, datasetIds);
    await recordAudit(tx, actor, { action: 'civic.submit_reuse', entityType: 'civic_reuse', entityId: row.id, after: { ...row, datasets: datasetIds } });
  });
  return row;
}
