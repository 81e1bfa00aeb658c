import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import './tables.js';

export const listCommitments = (db: DbOrTx) => db.selectFrom('plan_commitment').selectAll().orderBy('number').execute();

export async function findCommitment(db: DbOrTx, idOrSlug: string) {
  const row = await db
    .selectFrom('plan_commitment')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();
  if (!row) throw notFound('commitment');
  return row;
}

export const milestonesOf = (db: DbOrTx, commitmentIds: string[]) =>
  commitmentIds.length
    ? db.selectFrom('plan_milestone').selectAll().where('commitment_id', 'in', commitmentIds).orderBy('commitment_id').orderBy('number').execute()
    : Promise.resolve([]);

export async function findMilestone(db: DbOrTx, id: string) {
  const row = await db.selectFrom('plan_milestone').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('milestone');
  return row;
}

export const progressOf = (db: DbOrTx, milestoneIds: string[]) =>
  milestoneIds.length
    ? db
        .selectFrom('plan_progress as p')
        .innerJoin('accounts_user as u', 'u.id', 'p.author_id')
        .selectAll('p')
        .select('u.display_name as author')
        .where('p.milestone_id', 'in', milestoneIds)
        .orderBy('p.reported_on', 'desc')
        .orderBy('p.created_at', 'desc')
        .execute()
    : Promise.resolve([]);

export async function findCall(db: DbOrTx, id: string) {
  const row = await db.selectFrom('plan_call').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('call');
  return row;
}

export async function findSuggestion(db: DbOrTx, id: string) {
  const row = await db.selectFrom('plan_suggestion').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('suggestion');
  return row;
}

export const suggestionsOfCall = (db: DbOrTx, callId: string) =>
  db
    .selectFrom('plan_suggestion as s')
    .innerJoin('accounts_user as u', 'u.id', 's.author_id')
    .select([
      's.id',
      's.title',
      's.outcome',
      's.created_at',
      'u.display_name as author',
      (eb) =>
        eb
          .selectFrom('plan_support')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('plan_support.suggestion_id', '=', 's.id')
          .as('supports'),
    ])
    .where('s.call_id', '=', callId)
    .orderBy('s.created_at', 'desc')
    .execute();
