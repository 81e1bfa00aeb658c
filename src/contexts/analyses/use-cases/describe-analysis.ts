import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { withdrawnPins } from '../../data/index.js';
import { analysisPolicy } from '../domain/policy.js';
import { chartOf, getAnalysis, latestVersions, pinsOf, resultOf } from '../store/analysis.repository.js';
import type { AnalysisRow } from '../store/tables.js';

const authorName = async (services: Services, id: string) =>
  (await services.db.selectFrom('accounts_user').select('display_name').where('id', '=', id).executeTakeFirst())?.display_name ?? '';

/** The public shape of an analysis, with the datasets it is behind on (a newer published version exists). */
export async function presentAnalysis(services: Services, a: AnalysisRow) {
  const pins = pinsOf(a);
  const latest = await latestVersions(services.db, Object.keys(pins));
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
    author: { id: a.author_id, name: await authorName(services, a.author_id) },
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
  const comments = await services.db
    .selectFrom('analyses_comment as c')
    .innerJoin('accounts_user as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.body', 'c.created_at', 'u.display_name'])
    .where('c.analysis_id', '=', a.id)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return {
    ...(await presentAnalysis(services, a)),
    comments: comments.map((c) => ({ id: c.id, body: c.body, author: c.display_name, createdAt: c.created_at })),
  };
}

/** Published analyses, and the reader's own drafts. */
export async function listAnalyses(services: Services, actor: Actor, q: { limit: number; offset: number }) {
  let query = services.db.selectFrom('analyses_analysis').selectAll();
  query = actor.user
    ? query.where((eb) => eb.or([eb('status', '=', 'published'), eb('author_id', '=', actor.user!.id)]))
    : query.where('status', '=', 'published');
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute();
  return Promise.all(
    rows.map(async (a) => {
      const { result, sql, narrative, ...rest } = await presentAnalysis(services, a);
      return { ...rest, rowCount: result?.rowCount ?? null };
    }),
  );
}
