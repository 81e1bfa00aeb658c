import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { executeSql, resolveSql, SQL_LIMITS } from '../../data/index.js';
import { SNAPSHOT_ROWS, type ResultSnapshot } from '../domain/snapshot.js';

/** A sandbox refusal naming a table the user may not read becomes a clear analysis error. */
function explain(error: unknown): unknown {
  const table = error instanceof AppError && error.code === 'data.sql_refused' ? (error.details as { table?: string } | undefined)?.table : undefined;
  return table
    ? new AppError(
        'analysis.dataset_unreadable',
        `You may not read the dataset "${table}", or it does not exist; tables are listed at /api/v1/data/sql/tables`,
        403,
        { field: 'sql', table },
      )
    : error;
}

/** The versions an analysis's SQL reads now (its latest-named views → their latest version; "<id>@vN" → N). */
export async function resolvePins(services: Services, actor: Actor, sql: string): Promise<Record<string, number>> {
  try {
    const { views } = await resolveSql(services, actor, sql);
    const pins: Record<string, number> = {};
    for (const v of views) if (!(v.use.datasetId in pins) || !v.use.view.includes('@v')) pins[v.use.datasetId] = v.use.version;
    return pins;
  } catch (error) {
    throw explain(error);
  }
}

/** Runs the SQL against the pinned versions (or the latest when `pins` is null) and returns a snapshot. */
export async function runAnalysisSql(services: Services, actor: Actor, sql: string, pins: Record<string, number> | null): Promise<ResultSnapshot> {
  try {
    const r = await executeSql(services, actor, {
      sql,
      pins: pins ?? undefined,
      maxRows: SNAPSHOT_ROWS,
      maxBytes: SQL_LIMITS.bytes,
      timeoutMs: SQL_LIMITS.timeoutMs,
      countAll: true,
    });
    const used: Record<string, number> = {};
    for (const d of r.datasets) if (!(d.datasetId in used) || !d.view.includes('@v')) used[d.datasetId] = d.version;
    return {
      columns: r.columns,
      rows: r.rows,
      rowCount: r.total ?? r.rows.length,
      truncated: r.truncated,
      suppressed: r.suppressed,
      pins: used,
      ranAt: services.now().toISOString(),
    };
  } catch (error) {
    throw explain(error);
  }
}
