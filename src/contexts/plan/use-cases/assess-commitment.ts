import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/domain/policy.js';
import { planPolicy } from '../domain/policy.js';
import { findCommitment } from '../store/plan.repository.js';

/** The OGP Independent Reporting Mechanism's fields, as commitment pages show them. */
export const IRM_SCALES = {
  verifiable: ['yes', 'no'],
  potentialImpact: ['none', 'minor', 'moderate', 'transformative'],
  completion: ['not_started', 'limited', 'substantial', 'complete'],
  openedGovernment: ['worsened', 'did_not_change', 'marginal', 'major', 'outstanding'],
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
}

export const EMPTY_IRM: IrmAssessment = { verifiable: null, relevance: [], potentialImpact: null, completion: null, openedGovernment: null, note: null, assessedAt: null };

export async function assessCommitment(services: Services, actor: Actor, input: { commitment: string } & Record<string, unknown>) {
  assertAllowed(actor, planPolicy.canAssess(actor), 'assess commitments');
  const commitment = await findCommitment(services.db, input.commitment);
  const c = new Checker();
  const pick = (field: keyof typeof IRM_SCALES) => (input[field] ? c.oneOf(field, input[field], IRM_SCALES[field]) : null);
  const relevanceRaw = ([] as unknown[]).concat(input.relevance ?? []);
  const relevance = relevanceRaw.map((v) => c.oneOf('relevance', v, OGP_VALUES));
  const assessment: IrmAssessment = {
    verifiable: pick('verifiable'), relevance, potentialImpact: pick('potentialImpact'), completion: pick('completion'),
    openedGovernment: pick('openedGovernment'), note: c.text('note', input.note, { max: 5000, required: false }), assessedAt: nowIso(),
  };
  c.done();
  await services.db.transaction().execute(async (tx) => {
    await tx.updateTable('plan_commitment').set({ irm: JSON.stringify(assessment), updated_at: nowIso() }).where('id', '=', commitment.id).execute();
    await recordAudit(tx, actor, { action: 'plan.assess', entityType: 'plan_commitment', entityId: commitment.id, before: JSON.parse(commitment.irm), after: assessment });
  });
  return assessment;
}
