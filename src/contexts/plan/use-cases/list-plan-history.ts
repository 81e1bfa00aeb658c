import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { isContentEntity } from '../domain/content-fields.js';
import { listEdits } from '../store/content.repository.js';

/** The public history of the plan's content, newest first, for everything or for one entity. */
export async function listPlanHistory(db: DbOrTx, q: { entity?: string; id?: string; limit?: number; offset?: number }) {
  if (q.entity !== undefined && q.entity !== '' && !isContentEntity(q.entity))
    throw new AppError('plan.unknown_entity', `No editable content of kind ${q.entity}`, 400);
  const entity = q.entity && isContentEntity(q.entity) ? q.entity : undefined;
  if (q.id && !entity) throw new AppError('plan.history_needs_entity', 'Name the kind of entity (entity=…) with its id', 400);
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  return { limit, offset, edits: await listEdits(db, { ...(entity ? { entity } : {}), ...(q.id ? { entityId: q.id } : {}), limit, offset }) };
}
