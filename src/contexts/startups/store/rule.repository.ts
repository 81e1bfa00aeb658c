import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { FeedbackRow, RuleRow, RuleVersionRow } from './tables.js';
import './tables.js';

export async function findRule(db: DbOrTx, slugOrId: string) {
  const row = await db
    .selectFrom('startups_rule')
    .selectAll()
    .where((eb) => eb.or([eb('slug', '=', slugOrId), eb('id', '=', slugOrId)]))
    .executeTakeFirst();
  if (!row) throw notFound('rule');
  return row;
}

export const listRules = (db: DbOrTx, ids?: string[]) => {
  let q = db.selectFrom('startups_rule').selectAll();
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
  return q.orderBy('title_en').limit(1000).execute();
};

export const versionsOf = (db: DbOrTx, ruleIds: string[]) =>
  ruleIds.length
    ? db.selectFrom('startups_rule_version').selectAll().where('rule_id', 'in', ruleIds).orderBy('version', 'desc').execute()
    : Promise.resolve([]);

export const ruleSlugTaken = async (db: DbOrTx, slug: string) =>
  Boolean(await db.selectFrom('startups_rule').select('id').where('slug', '=', slug).executeTakeFirst());

export const insertRule = (db: DbOrTx, row: RuleRow) => db.insertInto('startups_rule').values(row).execute();

export const insertRuleVersion = (db: DbOrTx, row: RuleVersionRow) => db.insertInto('startups_rule_version').values(row).execute();

export const touchRule = (db: DbOrTx, id: string, at: string) => db.updateTable('startups_rule').set({ updated_at: at }).where('id', '=', id).execute();

/** The ids of the feedback on a department's rules. */
export const feedbackIdsForDepartment = async (db: DbOrTx, organisationId: string) =>
  (
    await db
      .selectFrom('startups_feedback as f')
      .innerJoin('startups_rule as r', 'r.id', 'f.rule_id')
      .select('f.id')
      .where('r.organisation_id', '=', organisationId)
      .execute()
  ).map((r) => r.id);

/** A startup's feedback with the rules it is on, newest first. */
export const feedbackOfProfile = (db: DbOrTx, profileId: string) =>
  db
    .selectFrom('startups_feedback as f')
    .innerJoin('startups_rule as r', 'r.id', 'f.rule_id')
    .select(['f.id', 'f.title', 'f.decision', 'f.review_by', 'f.created_at', 'r.title_ko as rule_ko', 'r.title_en as rule_en'])
    .where('f.profile_id', '=', profileId)
    .orderBy('f.created_at', 'desc')
    .execute();

/** The feedback a startup already sent on a rule under this (normalised) title, if any. */
export const findFeedbackByTitle = (db: DbOrTx, ruleId: string, profileId: string, titleKey: string) =>
  db
    .selectFrom('startups_feedback')
    .select('id')
    .where('rule_id', '=', ruleId)
    .where('profile_id', '=', profileId)
    .where('title_key', '=', titleKey)
    .executeTakeFirst();

export const insertFeedback = (db: DbOrTx, row: FeedbackRow) => db.insertInto('startups_feedback').values(row).execute();

export const setFeedbackDecision = (db: DbOrTx, id: string, decision: Pick<FeedbackRow, 'decision' | 'review_by' | 'decided_at' | 'updated_at'>) =>
  db.updateTable('startups_feedback').set(decision).where('id', '=', id).execute();

export const hasEndorsed = async (db: DbOrTx, feedbackId: string, userId: string) =>
  Boolean(await db.selectFrom('startups_endorsement').select('user_id').where('feedback_id', '=', feedbackId).where('user_id', '=', userId).executeTakeFirst());

export const insertEndorsement = (db: DbOrTx, row: { feedback_id: string; user_id: string; created_at: string }) =>
  db.insertInto('startups_endorsement').values(row).execute();

export const feedbackOn = (db: DbOrTx, opts: { ruleId?: string; ids?: string[] }) => {
  let q = db
    .selectFrom('startups_feedback as f')
    .innerJoin('startups_profile as p', 'p.id', 'f.profile_id')
    .selectAll('f')
    .select(['p.slug as startup_slug', 'p.name_ko as startup_name_ko', 'p.name_en as startup_name_en']);
  if (opts.ruleId) q = q.where('f.rule_id', '=', opts.ruleId);
  if (opts.ids) q = q.where('f.id', 'in', opts.ids.length ? opts.ids : ['']);
  return q.orderBy('f.created_at', 'desc').limit(1000).execute();
};

export async function findFeedback(db: DbOrTx, id: string) {
  const [row] = await feedbackOn(db, { ids: [id] });
  if (!row) throw notFound('feedback');
  return row;
}

export const endorsementCounts = async (db: DbOrTx, ids: string[]) =>
  new Map(
    (ids.length
      ? await db
          .selectFrom('startups_endorsement')
          .select(['feedback_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('feedback_id', 'in', ids)
          .groupBy('feedback_id')
          .execute()
      : []
    ).map((r) => [r.feedback_id, Number(r.n)]),
  );
