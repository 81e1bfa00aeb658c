import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { assertAllowed } from '../../accounts/index.js';
import { analysisPolicy } from '../domain/policy.js';
import { getAnalysis, insertAnalysis } from '../store/analysis.repository.js';

/** Copies an analysis (same SQL, pins, chart, narrative and result) to the forker as a draft. */
export async function forkAnalysis(services: Services, actor: Actor, id: string) {
  const a = await getAnalysis(services.db, id);
  assertAllowed(actor, analysisPolicy.canFork(actor, a), 'fork this analysis');
  const at = services.now().toISOString();
  const row = {
    ...a,
    id: randomUUID(),
    author_id: actor.user!.id,
    status: 'draft' as const,
    forked_from: a.id,
    published_at: null,
    created_at: at,
    updated_at: at,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertAnalysis(tx, row);
    await recordAudit(tx, actor, { action: 'analysis.fork', entityType: 'analyses_analysis', entityId: row.id, after: { forkedFrom: a.id } });
  });
  return row;
}
