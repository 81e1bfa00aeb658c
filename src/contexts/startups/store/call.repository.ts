import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { CallKind } from '../domain/vocabularies.js';
import type { ApplicationRow } from './tables.js';
import './tables.js';

export async function findCall(db: DbOrTx, slugOrId: string, kind?: 'body' | 'opportunity') {
  let q = db
    .selectFrom('startups_call')
    .selectAll()
    .where((eb) => eb.or([eb('slug', '=', slugOrId), eb('id', '=', slugOrId)]));
  if (kind === 'body') q = q.where('kind', '=', 'body');
  if (kind === 'opportunity') q = q.where('kind', '!=', 'body');
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(kind === 'body' ? 'call' : 'opportunity');
  return row;
}

export const listCalls = (db: DbOrTx, kinds: readonly CallKind[]) =>
  db
    .selectFrom('startups_call')
    .selectAll()
    .where('kind', 'in', [...kinds])
    .orderBy('apply_by', 'desc')
    .orderBy('slug')
    .limit(500)
    .execute();

export const applicationsOf = (db: DbOrTx, callIds: string[]) =>
  callIds.length
    ? db
        .selectFrom('startups_application as a')
        .innerJoin('startups_profile as p', 'p.id', 'a.profile_id')
        .selectAll('a')
        .select(['p.slug', 'p.name_ko', 'p.name_en'])
        .where('a.call_id', 'in', callIds)
        .orderBy('a.created_at')
        .execute()
    : Promise.resolve([]);

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow> {
  const row = await db.selectFrom('startups_application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('application');
  return row;
}
