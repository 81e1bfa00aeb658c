import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
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

export const organisationsById = async (db: DbOrTx, ids: string[]) =>
  new Map(
    (ids.length ? await db.selectFrom('accounts_organisation').select(['id', 'slug', 'name_ko', 'name_en']).where('id', 'in', ids).execute() : []).map((o) => [
      o.id,
      o,
    ]),
  );

export const findDepartment = (db: DbOrTx, idOrSlug: string) =>
  db
    .selectFrom('accounts_organisation')
    .select(['id', 'slug', 'name_ko', 'name_en', 'type'])
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .where('type', 'in', ['city_department', 'transit_operator'])
    .executeTakeFirst();

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
