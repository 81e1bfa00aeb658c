import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { planPolicy } from '../domain/policy.js';
import { findCall, findCommitment, findSuggestion } from '../store/plan.repository.js';
import { SUGGESTION_OUTCOMES, type SuggestionOutcome } from '../store/tables.js';
import { updateSuggestion } from '../store/call.repository.js';

/** Officials record what became of a suggestion: adopted as a commitment, merged, declined (with a reason) or withdrawn. */
export async function recordSuggestionOutcome(
  services: Services,
  actor: Actor,
  input: { suggestionId: string; outcome: unknown; reason: unknown; commitment?: unknown; mergedInto?: unknown },
) {
  const s = await findSuggestion(services.db, input.suggestionId);
  const call = await findCall(services.db, s.call_id);
  assertAllowed(actor, planPolicy.canRecordOutcome(actor, call), 'record outcomes for this call');
  const c = new Checker();
  const outcome = c.oneOf<SuggestionOutcome>(
    'outcome',
    input.outcome,
    SUGGESTION_OUTCOMES.filter((o) => o !== 'pending'),
  );
  const reason = c.text('reason', input.reason, { max: 3000, required: outcome === 'declined' || outcome === 'merged' });
  let commitmentId: string | null = null;
  if (outcome === 'adopted') {
    const commitment = typeof input.commitment === 'string' && input.commitment ? await findCommitment(services.db, input.commitment).catch(() => null) : null;
    if (!commitment) c.add('commitment', 'validation.choice');
    commitmentId = commitment?.id ?? null;
  }
  let mergedInto: string | null = null;
  if (outcome === 'merged') {
    const target = typeof input.mergedInto === 'string' && input.mergedInto ? await findSuggestion(services.db, input.mergedInto).catch(() => null) : null;
    if (!target || target.id === s.id) c.add('mergedInto', 'validation.choice');
    mergedInto = target?.id ?? null;
  }
  c.done();
  await services.db.transaction().execute(async (tx) => {
    const after = { outcome, outcome_reason: reason, commitment_id: commitmentId, merged_into_id: mergedInto, updated_at: nowIso() };
    await updateSuggestion(tx, s.id, after);
    await recordAudit(tx, actor, {
      action: 'plan.record_outcome',
      entityType: 'plan_suggestion',
      entityId: s.id,
      before: { outcome: s.outcome, outcome_reason: s.outcome_reason },
      after,
    });
  });
}
