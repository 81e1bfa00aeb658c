import type { DbOrTx } from '../../../core/db/database.js';
import { organisationsByIds } from '../../accounts/index.js';
import { isLate, ogpCompletion, rollUp } from '../domain/progress.js';
import { listCommitments, milestonesOf, progressOf } from '../store/plan.repository.js';
import type { CommitmentRow } from '../store/tables.js';
import type { Evidence } from './add-progress-update.js';
import { assessmentHistory, type IrmAssessment } from './assess-commitment.js';
import { translationMarks } from '../store/content.repository.js';
import { withAuthorNames } from './name-authors.js';

const loc = (row: object, name: string) => {
  const r = row as Record<string, string | null>;
  return { ko: r[`${name}_ko`] ?? null, en: r[`${name}_en`] ?? null };
};

/** The public model of the plan: every commitment with its milestones, progress, roll-up and assessment. */
export async function describePlan(db: DbOrTx, today: string, only?: (c: CommitmentRow) => boolean) {
  const commitments = (await listCommitments(db)).filter(only ?? (() => true));
  const milestones = await milestonesOf(
    db,
    commitments.map((c) => c.id),
  );
  const progress = await withAuthorNames(
    db,
    await progressOf(
      db,
      milestones.map((m) => m.id),
    ),
  );
  const history = await assessmentHistory(
    db,
    commitments.map((c) => c.id),
  );
  const orgIds = commitments.map((c) => c.organisation_id).filter((id): id is string => !!id);
  const orgs = await organisationsByIds(db, orgIds);
  const [marks, milestoneMarks, orgMarks] = await Promise.all([
    translationMarks(
      db,
      'commitment',
      commitments.map((c) => c.id),
    ),
    translationMarks(
      db,
      'milestone',
      milestones.map((m) => m.id),
    ),
    translationMarks(db, 'organisation', orgIds),
  ]);
  return commitments.map((c) => {
    const ms = milestones.filter((m) => m.commitment_id === c.id);
    const percent = rollUp(ms);
    const org = orgs.find((o) => o.id === c.organisation_id);
    return {
      id: c.id,
      number: c.number,
      slug: c.slug,
      title: loc(c, 'title'),
      outline: loc(c, 'outline'),
      objectives: loc(c, 'objectives'),
      statusQuo: loc(c, 'status_quo'),
      description: loc(c, 'description'),
      responsible: {
        department: c.department,
        contactName: c.contact_name,
        phone: c.contact_phone,
        email: c.contact_email,
        organisation: org ? { slug: org.slug, name: { ko: org.name_ko, en: org.name_en }, translated: orgMarks.get(org.id) ?? [] } : null,
      },
      translated: marks.get(c.id) ?? [],
      otherActors: JSON.parse(c.other_actors) as { government: string[]; civilSociety: string[] },
      ogpValues: JSON.parse(c.ogp_values) as string[],
      policyAreas: JSON.parse(c.policy_areas) as string[],
      progress: percent,
      completion: ogpCompletion(
        percent,
        ms.some((m) => m.status !== 'not_started'),
      ),
      assessment: JSON.parse(c.irm) as IrmAssessment,
      assessments: history.filter((a) => a.commitmentId === c.id).map(({ commitmentId: _c, ...a }) => a),
      milestones: ms.map((m) => ({
        id: m.id,
        number: m.number,
        title: loc(m, 'title'),
        activities: loc(m, 'activities'),
        newOrOngoing: m.new_or_ongoing,
        start: m.start_month,
        end: m.end_month,
        status: m.status,
        completion: m.status === 'completed' ? 100 : m.completion,
        weight: m.weight,
        late: isLate(m, today),
        translated: milestoneMarks.get(m.id) ?? [],
        updates: progress
          .filter((p) => p.milestone_id === m.id)
          .map((p) => ({
            id: p.id,
            reportedOn: p.reported_on,
            text: p.text,
            completion: p.completion,
            status: p.status,
            author: p.author,
            evidence: JSON.parse(p.evidence) as Evidence[],
          })),
      })),
    };
  });
}
export type PlanModel = Awaited<ReturnType<typeof describePlan>>;
