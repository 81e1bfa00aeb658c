import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { notFound, unauthenticated } from '../../../core/errors.js';
import { userDisplayName } from '../../accounts/index.js';
import { outputPolicy } from '../domain/output-policy.js';
import type { OutputCheckRow } from '../store/output-tables.js';
import { datasetsOf, getOutputCheck, ledgerFacts, listOutputsIn, listOutputsOf, publishersOf } from '../store/output.repository.js';
import type { RuleResult } from './request-output-check.js';

const nameOf = async (services: Services, id: string | null) => (id ? userDisplayName(services.db, id) : null);

/** An output as its analyst and its reviewers see it: the checked result, the rules' results, the ledger's facts. */
export async function presentOutput(services: Services, o: OutputCheckRow) {
  return {
    id: o.id,
    kind: o.kind,
    analysisId: o.analysis_id,
    title: o.title,
    purpose: o.purpose,
    sql: o.sql,
    datasets: datasetsOf(o),
    result: JSON.parse(o.result) as {
      columns: Array<{ name: string; type: string }>;
      rows: unknown[][];
      total: number | null;
      truncated: boolean;
      suppressed: Array<{ row: number; columns: string[]; rule?: string; reason: string }>;
    },
    rules: JSON.parse(o.rules) as RuleResult[],
    ledger: await ledgerFacts(services.db, o),
    state: o.state,
    requestedAt: o.requested_at,
    requester: { id: o.user_id, name: (await nameOf(services, o.user_id)) ?? '' },
    decidedAt: o.decided_at,
    decidedBy: await nameOf(services, o.decided_by),
    reason: o.reason,
  };
}
export type OutputView = Awaited<ReturnType<typeof presentOutput>>;

/** The signed-in analyst's own outputs, newest first. */
export async function listMyOutputs(services: Services, actor: Actor): Promise<OutputView[]> {
  if (!actor.user) throw unauthenticated();
  return Promise.all((await listOutputsOf(services.db, actor.user.id)).map((o) => presentOutput(services, o)));
}

/** The pending outputs this reviewer may decide, oldest first. */
export async function listReviewQueue(services: Services, actor: Actor): Promise<OutputView[]> {
  if (!actor.user) throw unauthenticated();
  const mine: OutputCheckRow[] = [];
  for (const o of await listOutputsIn(services.db, 'pending')) if (outputPolicy.canReview(actor, o, await publishersOf(services.db, o))) mine.push(o);
  return Promise.all(mine.map((o) => presentOutput(services, o)));
}

export async function describeOutput(services: Services, actor: Actor, id: string): Promise<OutputView & { canReview: boolean }> {
  const o = await getOutputCheck(services.db, id);
  const publishers = await publishersOf(services.db, o);
  if (!outputPolicy.canRead(actor, o, publishers)) throw notFound('output');
  return { ...(await presentOutput(services, o)), canReview: o.state === 'pending' && outputPolicy.canReview(actor, o, publishers) };
}
