import type { DbOrTx } from '../../../core/db/database.js';
import { applicationsOfProfile } from '../store/call.repository.js';
import { feedbackOfProfile } from '../store/rule.repository.js';
import { callUrl, feedbackUrl } from '../store/tables.js';

/**
 * What a startup has done on the platform: its applications (for its own members: calls it applied to and
 * where they stand) and its policy feedback with the department's decision (public).
 */
export async function describeActivity(db: DbOrTx, profileId: string, opts: { withApplications: boolean }) {
  const [applications, feedback] = await Promise.all([
    opts.withApplications ? applicationsOfProfile(db, profileId) : Promise.resolve([]),
    feedbackOfProfile(db, profileId),
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
