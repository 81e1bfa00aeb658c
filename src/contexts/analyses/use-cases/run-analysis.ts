import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { restrictedAmong } from '../../data/index.js';
import { assertAllowed } from '../../accounts/index.js';
import { analysisPolicy } from '../domain/policy.js';
import { diffResults, type ResultDiff } from '../domain/result-diff.js';
import type { ResultSnapshot } from '../domain/snapshot.js';
import { getAnalysis, pinsOf, resultOf, updateAnalysis } from '../store/analysis.repository.js';
import { checkChartColumns } from './create-analysis.js';
import { runAnalysisSql } from './run-analysis-sql.js';

const canStore = (actor: Actor, a: { author_id: string }) => analysisPolicy.canEdit(actor, a);

/**
 * Runs an analysis against its pinned versions. Anyone who may read it and every pinned dataset may run it; the
 * snapshot is stored when the author (or an admin) runs it, and returned to anyone.
 */
export async function runAnalysis(services: Services, actor: Actor, id: string): Promise<{ result: ResultSnapshot; stored: boolean }> {
  const a = await getAnalysis(services.db, id);
  assertAllowed(actor, actor.user !== null && analysisPolicy.canRead(actor, a), 'run this analysis');
  const result = await runAnalysisSql(services, actor, a.sql, pinsOf(a));
  const stored = canStore(actor, a);
  if (stored) {
    await updateAnalysis(services.db, a.id, { result: JSON.stringify(result), ran_at: result.ranAt, updated_at: result.ranAt });
  }
  return { result, stored };
}

/**
 * Runs an analysis against the latest versions and says what changed against its pinned result. With `repin`
 * (the author), the analysis is pinned to those versions and the new result becomes its snapshot.
 */
export async function rerunAnalysis(
  services: Services,
  actor: Actor,
  id: string,
  opts: { repin?: boolean } = {},
): Promise<{ result: ResultSnapshot; diff: ResultDiff | null; repinned: boolean }> {
  const a = await getAnalysis(services.db, id);
  assertAllowed(actor, actor.user !== null && analysisPolicy.canRead(actor, a), 'run this analysis');
  if (opts.repin) assertAllowed(actor, canStore(actor, a), 're-pin this analysis');
  // A published result over restricted data is the one its output check approved: re-pinning would replace it.
  if (opts.repin && a.status === 'published' && (await restrictedAmong(services.db, Object.keys(pinsOf(a)))).length) {
    throw new AppError(
      'analysis.unpublish_first',
      'This published analysis reads restricted data: take it back to draft, re-pin it, and publish it again through the output check',
      409,
    );
  }
  const before = resultOf(a) ?? (await runAnalysisSql(services, actor, a.sql, pinsOf(a)));
  const result = await runAnalysisSql(services, actor, a.sql, null);
  const diff = diffResults(before, result);
  if (opts.repin) {
    const chart = a.chart ? JSON.parse(a.chart) : null;
    checkChartColumns(chart, result);
    await services.db.transaction().execute(async (tx) => {
      await updateAnalysis(tx, a.id, { pins: JSON.stringify(result.pins), result: JSON.stringify(result), ran_at: result.ranAt, updated_at: result.ranAt });
      await recordAudit(tx, actor, {
        action: 'analysis.repin',
        entityType: 'analyses_analysis',
        entityId: a.id,
        before: { pins: pinsOf(a) },
        after: { pins: result.pins },
      });
    });
  }
  return { result, diff, repinned: opts.repin === true };
}
