import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { outputPolicy } from '../domain/output-policy.js';
import type { OutputRule } from '../domain/disclosure-rules.js';
import { executeSql } from '../query/sandbox/execute-sql.js';
import { SQL_LIMITS } from '../query/sandbox/run-sql.js';
import { approvedRestrictedDatasets } from '../store/analyst.repository.js';
import type { OutputCheckRow } from '../store/output-tables.js';
import { getOutputCheck, insertOutputCheck } from '../store/output.repository.js';

export interface RequestOutputInput {
  sql: string;
  title: string;
  purpose: string;
  /** An analysis's pinned versions; default the latest. */
  pins?: Record<string, number>;
  /** Set by the analyses context when an analysis over restricted data is to be published. */
  analysisId?: string | null;
}

export interface RuleResult {
  rule: OutputRule;
  outcome: 'passed' | 'suppressed';
  rows?: number;
}
export const OUTPUT_ROWS = 1000;

/**
 * Asks for a result over restricted data to leave: the query runs again through every automatic rule (a
 * refusal stops here, 400 data.sql_refused), and the checked result waits, pending, for a reviewer of the data
 * owner. Public data needs no check (409 output.not_restricted).
 */
export async function requestOutputCheck(services: Services, actor: Actor, input: RequestOutputInput): Promise<OutputCheckRow> {
  if (!actor.user) throw unauthenticated();
  assertAllowed(
    actor,
    outputPolicy.canRequest(actor, (await approvedRestrictedDatasets(services.db, actor.user.id)).length),
    'ask for an output check (approved analysts of restricted data)',
  );
  const check = new Checker();
  const title = check.text('title', input.title, { required: true, max: 200 });
  const purpose = check.text('purpose', input.purpose, { required: true, max: 4000 });
  if (typeof input.sql !== 'string' || !input.sql.trim()) check.add('sql', 'validation.required');
  check.done();
  const answer = await executeSql(services, actor, {
    sql: input.sql.trim(),
    pins: input.pins,
    maxRows: OUTPUT_ROWS,
    maxBytes: SQL_LIMITS.bytes,
    timeoutMs: SQL_LIMITS.timeoutMs,
    countAll: true,
  });
  const restricted = answer.datasets.filter((d) => d.restricted);
  if (!restricted.length) throw new AppError('output.not_restricted', 'This query reads no restricted data: its result needs no output check', 409);
  const count = (rule: 'threshold' | 'dominance') => answer.suppressed.filter((s) => s.rule === rule).length;
  const rules: RuleResult[] = [
    { rule: 'identifying', outcome: 'passed' },
    { rule: 'shape', outcome: 'passed' },
    { rule: 'aggregate', outcome: 'passed' },
    ...(['threshold', 'dominance'] as const).map(
      (rule): RuleResult => (count(rule) ? { rule, outcome: 'suppressed', rows: count(rule) } : { rule, outcome: 'passed' }),
    ),
    { rule: 'near_unique', outcome: 'passed' },
    { rule: 'tracker', outcome: 'passed' },
    { rule: 'differencing', outcome: 'passed' },
  ];
  const row: OutputCheckRow = {
    id: randomUUID(),
    user_id: actor.user!.id,
    kind: input.analysisId ? 'analysis' : 'query',
    analysis_id: input.analysisId ?? null,
    title: title!,
    purpose: purpose!,
    sql: answer.sql,
    datasets: JSON.stringify(restricted.map((d) => ({ datasetId: d.datasetId, version: d.version }))),
    result: JSON.stringify({ columns: answer.columns, rows: answer.rows, total: answer.total, truncated: answer.truncated, suppressed: answer.suppressed }),
    rules: JSON.stringify(rules),
    disclosure_query_id: answer.ledgerId,
    state: 'pending',
    requested_at: services.now().toISOString(),
    decided_by: null,
    decided_at: null,
    reason: null,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertOutputCheck(tx, row);
    await recordAudit(tx, actor, {
      action: 'output.request',
      entityType: 'data_output_check',
      entityId: row.id,
      after: { title: row.title, datasets: restricted, analysisId: row.analysis_id, ledgerId: answer.ledgerId },
    });
  });
  return getOutputCheck(services.db, row.id);
}
