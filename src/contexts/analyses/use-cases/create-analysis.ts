import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { analysisPolicy } from '../domain/policy.js';
import type { ChartSpec, ResultSnapshot } from '../domain/snapshot.js';
import { insertAnalysis } from '../store/analysis.repository.js';
import { resolvePins, runAnalysisSql } from './run-analysis-sql.js';

export interface CreateAnalysisInput {
  title: string;
  sql: string;
  narrative?: string;
  chart?: { type: string; x: string; y: string } | null;
}

/** Title, narrative (Markdown, no HTML) and chart fields; the chart's columns are checked against a result. */
export function checkAnalysisFields(input: CreateAnalysisInput) {
  const check = new Checker();
  const title = check.text('title', input.title, { required: true, max: 200 });
  const narrative = check.text('narrative', input.narrative ?? '', { required: false, max: 20_000 }) ?? '';
  if (typeof input.sql !== 'string' || !input.sql.trim()) check.add('sql', 'validation.required');
  let chart: ChartSpec | null = null;
  if (input.chart && (input.chart.x || input.chart.y)) {
    const type = check.oneOf('chart.type', input.chart.type, ['bar', 'line'] as const);
    chart = { type, x: String(input.chart.x ?? ''), y: String(input.chart.y ?? '') };
  }
  check.done();
  return { title: title!, narrative, chart };
}

export function checkChartColumns(chart: ChartSpec | null, result: ResultSnapshot) {
  if (!chart) return;
  const names = result.columns.map((c) => c.name);
  const check = new Checker();
  if (!names.includes(chart.x)) check.add('chart.x', 'validation.choice');
  if (!names.includes(chart.y)) check.add('chart.y', 'validation.choice');
  check.done();
}

/**
 * Saves an analysis as a draft of its author, pinned to the versions its SQL reads now, with the result of a
 * first run. A query that does not pass the sandbox (writes, unknown or unreadable datasets, restricted output
 * refused) stores nothing.
 */
export async function createAnalysis(services: Services, actor: Actor, input: CreateAnalysisInput & { forkedFrom?: string | null }) {
  assertAllowed(actor, analysisPolicy.canCreate(actor), 'create analyses');
  const fields = checkAnalysisFields(input);
  const sql = input.sql.trim();
  const pins = await resolvePins(services, actor, sql);
  const result = await runAnalysisSql(services, actor, sql, pins);
  checkChartColumns(fields.chart, result);
  const at = services.now().toISOString();
  const row = {
    id: randomUUID(),
    author_id: actor.user!.id,
    title: fields.title,
    sql,
    pins: JSON.stringify(result.pins),
    chart: fields.chart ? JSON.stringify(fields.chart) : null,
    narrative: fields.narrative,
    status: 'draft' as const,
    forked_from: input.forkedFrom ?? null,
    result: JSON.stringify(result),
    ran_at: result.ranAt,
    published_at: null,
    created_at: at,
    updated_at: at,
  };
  await services.db.transaction().execute(async (tx) => {
    await insertAnalysis(tx, row);
    await recordAudit(tx, actor, {
      action: 'analysis.create',
      entityType: 'analyses_analysis',
      entityId: row.id,
      after: { title: row.title, pins: result.pins, forkedFrom: row.forked_from },
    });
  });
  return row;
}
