import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { outputCheckFor, requestOutputCheck, restrictedAmong } from '../../data/index.js';
import { analysisPolicy } from '../domain/policy.js';
import { getAnalysis, pinsOf, resultOf, updateAnalysis } from '../store/analysis.repository.js';
import type { AnalysisRow } from '../store/tables.js';

/**
 * Publishes an analysis (everyone may read it and its stored result) or takes it back to draft. An analysis
 * that reads restricted data is published only after the human output check: the first attempt asks for one
 * (409 analysis.output_check_pending, with its id), and publishing succeeds once a reviewer of the data owner
 * approved the same SQL on the same pinned versions.
 */
export async function publishAnalysis(services: Services, actor: Actor, id: string, input: { published: boolean }) {
  const a = await getAnalysis(services.db, id);
  assertAllowed(actor, analysisPolicy.canEdit(actor, a), 'publish this analysis');
  if (input.published && !resultOf(a)) throw new AppError('analysis.not_run', 'Run the analysis before publishing it', 409);
  if (input.published && a.status !== 'published') await requireOutputCheck(services, actor, a);
  const at = services.now().toISOString();
  const status = input.published ? ('published' as const) : ('draft' as const);
  await services.db.transaction().execute(async (tx) => {
    await updateAnalysis(tx, a.id, { status, published_at: input.published ? (a.published_at ?? at) : null, updated_at: at });
    await recordAudit(tx, actor, {
      action: input.published ? 'analysis.publish' : 'analysis.unpublish',
      entityType: 'analyses_analysis',
      entityId: a.id,
      before: { status: a.status },
      after: { status },
    });
  });
  return getAnalysis(services.db, id);
}

async function requireOutputCheck(services: Services, actor: Actor, a: AnalysisRow) {
  const pins = pinsOf(a);
  if (!(await restrictedAmong(services.db, Object.keys(pins))).length) return;
  let check = await outputCheckFor(services.db, a.id, a.sql, pins);
  if (check?.state === 'approved') return;
  check ??= await requestOutputCheck(services, actor, { sql: a.sql, pins, title: a.title, purpose: a.narrative.trim() || a.title, analysisId: a.id });
  throw new AppError(
    'analysis.output_check_pending',
    'This analysis reads restricted data: it is published once a reviewer of the data owner approves its result (output check)',
    409,
    { outputCheck: check.id, state: check.state },
  );
}
