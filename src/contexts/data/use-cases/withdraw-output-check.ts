import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { outputPolicy } from '../domain/output-policy.js';
import type { OutputCheckRow } from '../store/output-tables.js';
import { getOutputCheck, updatePendingOutputCheck } from '../store/output.repository.js';

/** The analyst takes back a request still pending (it leaves the reviewers' queue); audited. */
export async function withdrawOutputCheck(services: Services, actor: Actor, id: string): Promise<OutputCheckRow> {
  const output = await getOutputCheck(services.db, id);
  assertAllowed(actor, outputPolicy.canWithdraw(actor, output), 'withdraw this output');
  if (output.state !== 'pending') throw new AppError('output.decided', `This output was already ${output.state}`, 409, { state: output.state });
  await services.db.transaction().execute(async (tx) => {
    await updatePendingOutputCheck(tx, id, { state: 'withdrawn', decided_at: services.now().toISOString() });
    await recordAudit(tx, actor, {
      action: 'output.withdraw',
      entityType: 'data_output_check',
      entityId: id,
      before: { state: 'pending' },
      after: { state: 'withdrawn' },
    });
  });
  return getOutputCheck(services.db, id);
}
