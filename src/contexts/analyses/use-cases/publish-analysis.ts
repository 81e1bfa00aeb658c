import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/domain/policy.js';
import { analysisPolicy } from '../domain/policy.js';
import { getAnalysis, resultOf } from '../store/analysis.repository.js';

/**
 * Publishes an analysis (everyone may read it and its stored result) or takes it back to draft. Only a result
 * that passed the sandbox can be stored, so a published result over restricted data has passed the output check.
 */
export async function publishAnalysis(services: Services, actor: Actor, id: string, input: { published: boolean }) {
  const a = await getAnalysis(services.db, id);
  assertAllowed(actor, analysisPolicy.canEdit(actor, a), 'publish this analysis');
  if (input.published && !resultOf(a)) throw new AppError('analysis.not_run', 'Run the analysis before publishing it', 409);
  const at = services.now().toISOString();
  const status = input.published ? 'published' as const : 'draft' as const;
  await services.db.transaction().execute(async (tx) => {
    await tx.updateTable('analyses_analysis').set({ status, published_at: input.published ? (a.published_at ?? at) : null, updated_at: at }).where('id', '=', a.id).execute();
    await recordAudit(tx, actor, { action: input.published ? 'analysis.publish' : 'analysis.unpublish', entityType: 'analyses_analysis', entityId: a.id, before: { status: a.status }, after: { status } });
  });
  return getAnalysis(services.db, id);
}
