import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { outputPolicy } from '../domain/output-policy.js';
import type { OutputCheckRow } from '../store/output-tables.js';
import { getOutputCheck, publishersOf, updatePendingOutputCheck } from '../store/output.repository.js';

export const DECISIONS = ['approved', 'rejected'] as const;

/**
 * A reviewer's decision on a pending output, with a reason the analyst reads (approving too: what was checked).
 * Decided once; the decision and its reason go to the audit log. An approved output may leave the platform, and
 * its cells count, from then on, as known to every analyst in the differencing guard.
 */
export async function decideOutputCheck(services: Services, actor: Actor, id: string, input: { decision: string; reason: string }): Promise<OutputCheckRow> {
  const output = await getOutputCheck(services.db, id);
  const publishers = await publishersOf(services.db, output);
  assertAllowed(actor, outputPolicy.canReview(actor, output, publishers), 'review this output');
  const check = new Checker();
  const decision = check.oneOf('decision', input.decision, DECISIONS);
  const reason = check.text('reason', input.reason, { required: true, max: 2000 });
  check.done();
  if (output.state !== 'pending') throw new AppError('output.decided', `This output was already ${output.state}`, 409, { state: output.state });
  const at = services.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    const done = await updatePendingOutputCheck(tx, id, { state: decision, decided_by: actor.user!.id, decided_at: at, reason: reason! });
    if (!done) throw new AppError('output.decided', 'This output was decided meanwhile', 409);
    await recordAudit(tx, actor, {
      action: decision === 'approved' ? 'output.approve' : 'output.reject',
      entityType: 'data_output_check',
      entityId: id,
      before: { state: 'pending' },
      after: { state: decision, reason },
    });
  });
  return getOutputCheck(services.db, id);
}
