import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { CRITERIA, MAX_WEIGHT, type RubricWeights } from '../domain/priority.js';
import { demandPolicy } from '../domain/policy.js';
import { loadRubric, saveRubric } from '../store/request.repository.js';

/** Admins change the published weights (whole numbers 0–10, not all 0); scores are computed, so every request follows. */
export async function updatePriorityRubric(services: Services, actor: Actor, input: Partial<Record<keyof RubricWeights, unknown>>) {
  assertAllowed(actor, demandPolicy.canEditRubric(actor), 'change the priority rubric');
  const c = new Checker();
  const weights = {} as RubricWeights;
  for (const criterion of CRITERIA) {
    const raw = input[criterion];
    const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_WEIGHT)
      c.add(criterion, raw === undefined || raw === '' ? 'validation.required' : 'validation.range');
    weights[criterion] = typeof n === 'number' ? n : 0;
  }
  if (!c.issues.length && CRITERIA.every((k) => weights[k] === 0)) c.add('support', 'validation.range');
  c.done();
  const before = await loadRubric(services.db);
  const at = services.now().toISOString();
  const row = {
    weight_support: weights.support,
    weight_representativeness: weights.representativeness,
    weight_feasibility: weights.feasibility,
    weight_reuse: weights.reuse,
    updated_by: actor.user?.id ?? null,
    updated_at: at,
  };
  await services.db.transaction().execute(async (tx) => {
    await saveRubric(tx, row);
    await recordAudit(tx, actor, { action: 'demand.update_rubric', entityType: 'demand_rubric', entityId: 'current', before, after: weights });
  });
  return { ...weights, updatedAt: at };
}
