import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { DEFAULT_WEIGHTS, type RubricWeights } from '../domain/priority.js';
import { HOLDER_TYPES } from '../domain/vocabularies.js';
import type { DataRequestRow } from './tables.js';
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

/** Departments that may hold data: city departments and transit operators, by name. */
export const listHolders = (db: DbOrTx) =>
  db
    .selectFrom('accounts_organisation')
    .select(['id', 'slug', 'type', 'name_ko', 'name_en'])
    .where('type', 'in', [...HOLDER_TYPES])
    .orderBy('name_en')
    .orderBy('slug')
    .execute();

export const findHolder = (db: DbOrTx, idOrSlug: string) =>
  db
    .selectFrom('accounts_organisation')
    .select(['id', 'slug', 'type', 'name_ko', 'name_en'])
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .where('type', 'in', [...HOLDER_TYPES])
    .executeTakeFirst();

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
