import type { DbOrTx } from '../../../core/db/database.js';
import { callUrl, feedbackUrl } from '../store/tables.js';

/**
 * What a startup has done on the platform: its applications (for its own members: calls it applied to and
 * where they stand) and its policy feedback with the department's decision (public).
 */
export async function describeActivity(db: DbOrTx, profileId: string, opts: { withApplications: boolean }) {
  const [applications, feedback] = await Promise.all([
    opts.withApplications
      ? db
          .selectFrom('startups_application as a')
          .innerJoin('startups_call as c', 'c.id', 'a.call_id')
          .select(['a.id', 'a.state', 'a.decision_reason', 'a.created_at', 'c.slug', 'c.kind', 'c.title_ko', 'c.title_en', 'c.apply_by'])
          .where('a.profile_id', '=', profileId)
          .orderBy('a.created_at', 'desc')
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('startups_feedback as f')
      .innerJoin('startups_rule as r', 'r.id', 'f.rule_id')
      .select(['f.id', 'f.title', 'f.decision', 'f.review_by', 'f.created_at', 'r.title_ko as rule_ko', 'r.title_en as rule_en'])
      .where('f.profile_id', '=', profileId)
      .orderBy('f.created_at', 'desc')
      .execute(),
  ]);
  return {
    applications: applications.map((a) => ({
      id: a.id,
      state: a.state,
      reason: a.decision_reason,
      url: callUrl(a),
      kind: a.kind,
      title: { ko: a.title_ko, en: a.title_en },
      applyBy: a.apply_by,
    })),
    feedback: feedback.map((f) => ({
      id: f.id,
      url: feedbackUrl(f.id),
      title: f.title,
      decision: f.decision,
      reviewBy: f.review_by,
      rule: { ko: f.rule_ko, en: f.rule_en },
    })),
  };
}
