import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { planPolicy } from '../domain/policy.js';
import { assessmentsOf, findCommitment, insertAssessment, setLatestAssessment } from '../store/plan.repository.js';

/** The OGP Independent Reporting Mechanism's fields, as commitment pages show them. */
export const IRM_SCALES = {
  verifiable: ['yes', 'no'],
  potentialImpact: ['none', 'minor', 'moderate', 'transformative'],
  completion: ['not_started', 'limited', 'substantial', 'complete'],
  openedGovernment: ['worsened', 'did_not_change', 'marginal', 'major', 'outstanding'],
  ambition: ['low', 'moderate', 'high'],
  reportStatus: ['pending_irm_review', 'design_report', 'results_report'],
} as const;
export const OGP_VALUES = ['transparency', 'accountability', 'citizen_participation', 'technology_innovation'] as const;

export interface IrmAssessment {
  verifiable: string | null;
  relevance: string[];
  potentialImpact: string | null;
  completion: string | null;
  openedGovernment: string | null;
  note: string | null;
  assessedAt: string | null;
  /** Ambition of the design (the OGP page's "Ambition"); null when not given. */
  ambition?: string | null;
  /** Where the IRM's review stands (the OGP page's "IRM Report"). */
  reportStatus?: string | null;
  /** Who gave these values: a reviewer on this platform, or the OGP page (with the file it was copied from). */
  source?: { kind: 'reviewer' | 'ogp_page'; ref: string | null };
}

export const EMPTY_IRM: IrmAssessment = {
  verifiable: null,
  relevance: [],
  potentialImpact: null,
  completion: null,
  openedGovernment: null,
  note: null,
  assessedAt: null,
};

/** Keeps an assessment: a new row in the history (never replacing an older one) and the commitment's current values. */
export async function keepAssessment(db: DbOrTx, commitmentId: string, assessment: IrmAssessment, authorId: string | null) {
  await insertAssessment(db, {
    id: randomUUID(),
    commitment_id: commitmentId,
    recorded_at: nowIso(),
    source: assessment.source?.kind ?? 'reviewer',
    data: JSON.stringify(assessment),
    author_id: authorId,
  });
  await setLatestAssessment(db, commitmentId, JSON.stringify(assessment), nowIso());
}

/** Every assessment of the commitments, newest first. */
export async function assessmentHistory(db: DbOrTx, commitmentIds: string[]) {
  const rows = await assessmentsOf(db, commitmentIds);
  return rows.map((r) => ({ commitmentId: r.commitment_id, recordedAt: r.recorded_at, ...(JSON.parse(r.data) as IrmAssessment) }));
}

export async function assessCommitment(services: Services, actor: Actor, input: { commitment: string } & Record<string, unknown>) {
  assertAllowed(actor, planPolicy.canAssess(actor), 'assess commitments');
  const commitment = await findCommitment(services.db, input.commitment);
  const c = new Checker();
  const pick = (field: keyof typeof IRM_SCALES) => (input[field] ? c.oneOf(field, input[field], IRM_SCALES[field]) : null);
  const relevanceRaw = ([] as unknown[]).concat(input.relevance ?? []);
  const relevance = relevanceRaw.map((v) => c.oneOf('relevance', v, OGP_VALUES));
  const assessment: IrmAssessment = {
    verifiable: pick('verifiable'),
    relevance,
    potentialImpact: pick('potentialImpact'),
    completion: pick('completion'),
    openedGovernment: pick('openedGovernment'),
    note: c.text('note', input.note, { max: 5000, required: false }),
    assessedAt: nowIso(),
    ambition: pick('ambition'),
    reportStatus: pick('reportStatus'),
    source: { kind: 'reviewer', ref: null },
  };
  c.done();
  await services.db.transaction().execute(async (tx) => {
    await keepAssessment(tx, commitment.id, assessment, actor.user?.id ?? null);
    await recordAudit(tx, actor, {
      action: 'plan.assess',
      entityType: 'plan_commitment',
      entityId: commitment.id,
      before: JSON.parse(commitment.irm),
      after: assessment,
    });
  });
  return assessment;
}
