import type { DbOrTx } from '../../../core/db/database.js';
import type { KindRow } from './tables.js';
import './tables.js';

/** Every kind of input, by id. */
export const listKinds = (db: DbOrTx) => db.selectFrom('accountability_kind').selectAll().orderBy('id').execute();

/** The kinds of the given ids (unknown ids are left out). */
export const kindsByIds = (db: DbOrTx, ids: string[]) =>
  db
    .selectFrom('accountability_kind')
    .selectAll()
    .where('id', 'in', [...new Set(ids), ''])
    .execute();

export const kindExists = async (db: DbOrTx, id: string) => !!(await db.selectFrom('accountability_kind').select('id').where('id', '=', id).executeTakeFirst());

export const insertKind = (db: DbOrTx, row: KindRow) => db.insertInto('accountability_kind').values(row).execute();

export const updateKind = (db: DbOrTx, id: string, changes: Partial<Omit<KindRow, 'id'>>) =>
  db.updateTable('accountability_kind').set(changes).where('id', '=', id).execute();
