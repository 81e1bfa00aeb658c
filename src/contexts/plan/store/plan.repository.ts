import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { Database } from '../../../core/db/types.js';
import type { MilestoneRow, ProgressRow } from './tables.js';
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

/** The progress updates of the milestones, newest first, with their author's id. */
export const progressOf = (db: DbOrTx, milestoneIds: string[]) =>
  milestoneIds.length
    ? db
        .selectFrom('plan_progress')
        .selectAll()
        .where('milestone_id', 'in', milestoneIds)
        .orderBy('reported_on', 'desc')
        .orderBy('created_at', 'desc')
        .execute()
    : Promise.resolve([]);

export const insertProgress = (db: DbOrTx, row: ProgressRow) => db.insertInto('plan_progress').values(row).execute();

export const setMilestoneProgress = (db: DbOrTx, id: string, set: Pick<MilestoneRow, 'completion' | 'status' | 'updated_at'>) =>
  db.updateTable('plan_milestone').set(set).where('id', '=', id).execute();

/** A commitment's slug by its id (undefined for an unknown id). */
export const findCommitmentSlug = async (db: DbOrTx, id: string) =>
  (await db.selectFrom('plan_commitment').select('slug').where('id', '=', id).executeTakeFirst())?.slug;

/** The organisation answerable for a commitment (undefined for an unknown id). */
export const findCommitmentOrganisation = (db: DbOrTx, id: string) =>
  db.selectFrom('plan_commitment').select('organisation_id').where('id', '=', id).executeTakeFirst();

/** A commitment's id by its slug or its id, without a 404 (forms check the choice themselves). */
export const findCommitmentId = async (db: DbOrTx, slugOrId: string) =>
  (
    await db
      .selectFrom('plan_commitment')
      .select('id')
      .where((eb) => eb.or([eb('slug', '=', slugOrId), eb('id', '=', slugOrId)]))
      .executeTakeFirst()
  )?.id;

/** A commitment's id by its slug only. */
export const findCommitmentIdBySlug = async (db: DbOrTx, slug: string) =>
  (await db.selectFrom('plan_commitment').select('id').where('slug', '=', slug).executeTakeFirst())?.id;

export const insertAssessment = (db: DbOrTx, row: Database['plan_irm_assessment']) => db.insertInto('plan_irm_assessment').values(row).execute();

/** The commitment's `irm` column: its latest assessment. */
export const setLatestAssessment = (db: DbOrTx, commitmentId: string, irm: string, at: string) =>
  db.updateTable('plan_commitment').set({ irm, updated_at: at }).where('id', '=', commitmentId).execute();

/** Every assessment of the commitments, newest first. */
export const assessmentsOf = (db: DbOrTx, commitmentIds: string[]) =>
  db
    .selectFrom('plan_irm_assessment')
    .selectAll()
    .where('commitment_id', 'in', [...commitmentIds, ''])
    .orderBy('recorded_at', 'desc')
    .orderBy('id')
    .execute();

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

/** A call's suggestions, newest first, with their author's id and how many support each. */
export const suggestionsOfCall = (db: DbOrTx, callId: string) =>
  db
    .selectFrom('plan_suggestion as s')
    .select([
      's.id',
      's.title',
      's.outcome',
      's.created_at',
      's.author_id',
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
