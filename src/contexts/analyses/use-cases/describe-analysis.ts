import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { userDisplayName, userDisplayNames } from '../../accounts/index.js';
import { latestTableVersions, withdrawnPins } from '../../data/index.js';
import { analysisPolicy } from '../domain/policy.js';
import { chartOf, getAnalysis, listComments, listVisibleAnalyses, pinsOf, resultOf } from '../store/analysis.repository.js';
import type { AnalysisRow } from '../store/tables.js';

/** The public shape of an analysis, with the datasets it is behind on (a newer published version exists). */
export async function presentAnalysis(services: Services, a: AnalysisRow) {
  const pins = pinsOf(a);
  const latest = await latestTableVersions(services.db, Object.keys(pins));
  const behind = Object.entries(pins)
    .filter(([id, v]) => (latest[id] ?? v) > v)
    .map(([datasetId, version]) => ({ datasetId, pinned: version, latest: latest[datasetId]! }));
  return {
    id: a.id,
    title: a.title,
    sql: a.sql,
    pins,
    chart: chartOf(a),
    narrative: a.narrative,
    status: a.status,
    forkedFrom: a.forked_from,
    author: { id: a.author_id, name: await userDisplayName(services.db, a.author_id) },
    result: resultOf(a),
    ranAt: a.ran_at,
    behind,
    // Pinned versions whose rows are gone (withdrawn by their publisher, or the dataset deleted): said with the reason.
    withdrawn: await withdrawnPins(services.db, pins),
    publishedAt: a.published_at,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}

/** One analysis for a reader (drafts: their author and admins only; others get "not found"). */
export async function describeAnalysis(services: Services, actor: Actor, id: string) {
  const a = await getAnalysis(services.db, id);
  if (!analysisPolicy.canRead(actor, a)) throw notFound('analysis');
  const comments = await listComments(services.db, a.id);
  const names = await userDisplayNames(
    services.db,
    comments.map((c) => c.author_id),
  );
  return {
    ...(await presentAnalysis(services, a)),
    // Comments by a user who no longer exists are left out (as the join on accounts_user did).
    comments: comments.filter((c) => names.has(c.author_id)).map((c) => ({ id: c.id, body: c.body, author: names.get(c.author_id)!, createdAt: c.created_at })),
  };
}

/** Published analyses, and the reader's own drafts. */
export async function listAnalyses(services: Services, actor: Actor, q: { limit: number; offset: number }) {
  const rows = await listVisibleAnalyses(services.db, actor.user?.id ?? null, q);
  return Promise.all(
    rows.map(async (a) => {
      const { result, sql, narrative, ...rest } = await presentAnalysis(services, a);
      return { ...rest, rowCount: result?.rowCount ?? null };
    }),
  );
}
