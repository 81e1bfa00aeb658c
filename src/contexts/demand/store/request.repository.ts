import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { DEFAULT_WEIGHTS, type RubricWeights } from '../domain/priority.js';
import type { DataRequestRow, RubricRow, SupportRow } from './tables.js';
import './tables.js';

export const insertRequest = (db: DbOrTx, row: DataRequestRow) => db.insertInto('demand_request').values(row).execute();

export async function findRequest(db: DbOrTx, id: string) {
  const row = await db.selectFrom('demand_request').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('demand_request');
  return row;
}

export const updateRequest = (db: DbOrTx, id: string, changes: Partial<DataRequestRow>) =>
  db.updateTable('demand_request').set(changes).where('id', '=', id).execute();

/** Every request, newest first (ranked and filtered in memory: fine at today's size, the place to change if it grows). */
export const listRequestRows = (db: DbOrTx, opts: { ids?: string[]; organisationId?: string } = {}) => {
  let q = db.selectFrom('demand_request').selectAll();
  if (opts.ids) q = q.where('id', 'in', opts.ids.length ? opts.ids : ['']);
  if (opts.organisationId) q = q.where('organisation_id', '=', opts.organisationId);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(5000).execute();
};

export const supportsOf = (db: DbOrTx, requestIds: string[]) =>
  requestIds.length
    ? db.selectFrom('demand_support').select(['request_id', 'user_id', 'district', 'supporter_group']).where('request_id', 'in', requestIds).execute()
    : Promise.resolve([]);

export const findSupport = (db: DbOrTx, requestId: string, userId: string) =>
  db.selectFrom('demand_support').selectAll().where('request_id', '=', requestId).where('user_id', '=', userId).executeTakeFirst();

export async function loadRubric(db: DbOrTx): Promise<RubricWeights & { updatedAt: string | null }> {
  const row = await db.selectFrom('demand_rubric').selectAll().where('id', '=', 'current').executeTakeFirst();
  if (!row) return { ...DEFAULT_WEIGHTS, updatedAt: null };
  return {
    support: row.weight_support,
    representativeness: row.weight_representativeness,
    feasibility: row.weight_feasibility,
    reuse: row.weight_reuse,
    updatedAt: row.updated_at,
  };
}

/** The request this author already made under this title (its normalised key), if any. */
export const findOwnRequest = (db: DbOrTx, authorId: string, titleKey: string) =>
  db.selectFrom('demand_request').select('id').where('author_id', '=', authorId).where('title_key', '=', titleKey).executeTakeFirst();

/** Marks the linked dataset as disputed, only if it is still the one linked and not disputed yet; true when it did. */
export async function markLinkDisputed(db: DbOrTx, id: string, datasetId: string, changes: Partial<DataRequestRow>): Promise<boolean> {
  const changed = await db
    .updateTable('demand_request')
    .set(changes)
    .where('id', '=', id)
    .where('disputed_at', 'is', null)
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) === 1;
}

/**
 * Links a published dataset, only if no dataset is linked (or, when `replacing`, if the linked one is disputed);
 * true when it did, false when someone linked one meanwhile.
 */
export async function linkDataset(db: DbOrTx, id: string, replacing: boolean, changes: Partial<DataRequestRow>): Promise<boolean> {
  const changed = await db
    .updateTable('demand_request')
    .set(changes)
    .where('id', '=', id)
    .where((eb) => (replacing ? eb('disputed_at', 'is not', null) : eb('dataset_id', 'is', null)))
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) === 1;
}

/** Marks the request as changed (a new supporter). */
export const touchRequest = (db: DbOrTx, id: string, at: string) => db.updateTable('demand_request').set({ updated_at: at }).where('id', '=', id).execute();

export const insertSupport = (db: DbOrTx, row: SupportRow) => db.insertInto('demand_support').values(row).execute();

/** Replaces the published weights (one row, `current`). */
export const saveRubric = (db: DbOrTx, row: Omit<RubricRow, 'id'>) =>
  db
    .insertInto('demand_rubric')
    .values({ id: 'current', ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
