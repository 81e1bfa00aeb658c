import { restrictedDatasetIds } from '../../store/dataset.repository.js';
import type { Actor } from '../../../../core/auth/actor.js';
import { recordAudit } from '../../../../core/audit/audit-log.js';
import type { Services } from '../../../../core/context.js';
import { AppError, unauthenticated } from '../../../../core/errors.js';
import { approvedRestrictedDatasets } from '../../store/analyst.repository.js';
import { checkSqlTree } from './check-sql.js';
import { parseSql } from './parse-sql.js';
import { runRestrictedQuery, type RuleSuppression } from './restricted-query.js';
import { runJob } from './run-job.js';
import { fetchParquet } from './sandbox-files.js';
import { invalidateSandbox, sandboxFor, sandboxWithViews, type SandboxView } from './sandbox-pool.js';
import { latestViewName, listSandboxTables, versionViewName, type SandboxTable } from './sandbox-tables.js';
import { tableRefs } from './table-refs.js';

/**
 * One sandbox query for a user: checked on the parse tree against the tables this user may read (the public ones,
 * plus the restricted datasets they are an approved analyst of), run against the latest versions or against
 * pinned ones (`pins`: the dataset's latest-named view reads the pinned version), and, when it reads restricted
 * data, passed through the output check (output-check.ts) and recorded in the audit log whatever the outcome.
 * Public queries on the latest versions run in the shared sandbox; anything else runs in a sandbox process that
 * holds exactly the views the query reads (sandboxWithViews), so restricted Parquet files are readable only there.
 * Only the files the query names are made local first (fetched once per version on object storage).
 */
export const SQL_TEXT_LIMIT = 20_000;

export interface ExecuteSqlInput {
  sql: unknown;
  maxRows: number;
  maxBytes: number;
  timeoutMs: number;
  pins?: Record<string, number>;
  /** Count every row of the result (the rest past maxRows only counted). */
  countAll?: boolean;
}

export interface DatasetUse {
  datasetId: string;
  version: number;
  view: string;
  restricted: boolean;
}

export interface SqlExecution {
  sql: string;
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  truncated: boolean;
  total: number | null;
  datasets: DatasetUse[];
  suppressed: RuleSuppression[];
  /** Restricted data only: the differencing ledger entry of the released cells (null otherwise). */
  ledgerId: string | null;
}

export function mapSandboxError(message: string): AppError {
  if (message.startsWith('Refused:') || message.startsWith('Permission Error')) return new AppError('data.sql_refused', message, 400, { field: 'sql' });
  if (message.startsWith('Out of Memory Error') || /bad allocation/i.test(message)) return new AppError('data.sql_memory', `Stopped: ${message}`, 422);
  if (message.startsWith('INTERRUPT')) return new AppError('data.sql_timeout', 'Stopped: the query ran out of time', 422);
  return new AppError('data.sql_invalid', message, 400, { field: 'sql' });
}

export function checkSqlText(sql: unknown): string {
  if (typeof sql !== 'string' || !sql.trim()) throw new AppError('data.sql_invalid', 'Give a SQL query in "sql"', 400, { field: 'sql' });
  if (sql.length > SQL_TEXT_LIMIT) throw new AppError('data.sql_invalid', `The query is longer than ${SQL_TEXT_LIMIT} characters`, 400, { field: 'sql' });
  if (sql.includes('\0')) throw new AppError('data.sql_invalid', 'The query contains a NUL character', 400, { field: 'sql' });
  return sql;
}

/** The tables this actor's queries may read: the shared sandbox's, plus their approved restricted datasets'. */
export async function tablesFor(services: Services, actor: Actor): Promise<SandboxTable[]> {
  const approved = await approvedRestrictedDatasets(services.db, actor.user?.id);
  return approved.length ? listSandboxTables(services, { restricted: approved }) : sandboxFor(services).tables();
}

/** A view of the query before its file is made local: the version's stored key. */
export interface QueryView {
  name: string;
  key: string;
  rowId: boolean;
  use: DatasetUse;
}

/**
 * The views' files on this machine (fetched into this replica's cache on object storage, once per version); the
 * shared sandbox re-reads its views when one was not held here before, so its next query sees it.
 */
export async function localViews(services: Services, views: readonly QueryView[]): Promise<SandboxView[]> {
  const { files, fetched } = await fetchParquet(
    services,
    views.map((v) => v.key),
  );
  if (fetched) invalidateSandbox(services);
  return views.map((v) => ({ name: v.name, file: files.get(v.key)!, rowId: v.rowId }));
}

/** Parses and checks `sql` for this actor; returns the tree, its table references and the datasets they resolve to (no file is fetched). */
export async function resolveSql(services: Services, actor: Actor, sqlText: unknown, pins: Record<string, number> = {}) {
  if (!actor.user) throw unauthenticated();
  const sql = checkSqlText(sqlText);
  const tables = await tablesFor(services, actor);
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  const tree = await parseSql(sql);
  try {
    checkSqlTree(tree, new Set(byName.keys()));
  } catch (error) {
    await auditDenied(services, actor, sql, error);
    throw error;
  }
  const refs = tableRefs(tree);
  const views = new Map<string, QueryView>();
  for (const ref of refs) {
    const t = byName.get(ref.name)!;
    const pinned = t.latest ? pins[t.datasetId] : undefined;
    const target = pinned === undefined || pinned === t.version ? t : byName.get(versionViewName(t.datasetId, pinned).toLowerCase());
    if (!target)
      throw new AppError('data.version_unavailable', `Version ${pinned} of dataset ${t.datasetId} is not published`, 409, {
        dataset: t.datasetId,
        version: pinned,
      });
    views.set(ref.name, {
      name: ref.name,
      key: target.key,
      rowId: t.restricted,
      use: { datasetId: t.datasetId, version: target.version, view: ref.name, restricted: t.restricted },
    });
  }
  return { sql, tree, refs, views: [...views.values()], byName };
}

export async function executeSql(services: Services, actor: Actor, input: ExecuteSqlInput): Promise<SqlExecution> {
  const { sql, tree, refs, views, byName } = await resolveSql(services, actor, input.sql, input.pins);
  const restrictedRefs = refs.filter((r) => byName.get(r.name)!.restricted);
  const datasets = dedupe(views.map((v) => v.use));
  const restricted = datasets.filter((d) => d.restricted);
  try {
    const shared = !restrictedRefs.length && views.every((v) => byName.get(v.name)!.key === v.key);
    const local = await localViews(services, views);
    const pool = shared ? sandboxFor(services) : sandboxWithViews(services, local);
    const job = { maxRows: input.maxRows, maxBytes: input.maxBytes, timeoutMs: input.timeoutMs, countAll: input.countAll };
    if (!restrictedRefs.length) {
      const raw = await runJob(pool, { ...job, sql });
      return { sql, columns: raw.columns, rows: raw.rows, truncated: raw.truncated, total: raw.total, datasets, suppressed: [], ledgerId: null };
    }
    const viewOf = new Map(views.map((v) => [v.name, v]));
    const fileOf = new Map(local.map((v) => [v.name, v.file]));
    const out = await runRestrictedQuery(services, actor, {
      sql,
      tree,
      pool,
      job,
      restricted: restrictedRefs.map((ref) => ({
        ref,
        file: fileOf.get(ref.name)!,
        datasetId: viewOf.get(ref.name)!.use.datasetId,
        version: viewOf.get(ref.name)!.use.version,
      })),
    });
    await recordAudit(services.db, actor, {
      action: 'data.restricted_query',
      entityType: 'data_dataset',
      entityId: restricted.map((d) => d.datasetId).join(','),
      after: {
        outcome: 'answered',
        sql,
        datasets,
        rows: out.total ?? out.rows.length,
        ledgerId: out.ledgerId,
        suppressedCells: out.suppressed.reduce((n, s) => n + s.columns.length, 0),
        suppressedRows: out.suppressed.length,
        rules: Object.fromEntries(['threshold', 'dominance'].map((r) => [r, out.suppressed.filter((x) => x.rule === r).length])),
      },
    });
    return {
      sql,
      columns: out.columns,
      rows: out.rows,
      truncated: out.truncated,
      total: out.total,
      datasets,
      suppressed: out.suppressed,
      ledgerId: out.ledgerId,
    };
  } catch (error) {
    if (restricted.length) {
      await recordAudit(services.db, actor, {
        action: 'data.restricted_query',
        entityType: 'data_dataset',
        entityId: restricted.map((d) => d.datasetId).join(','),
        after: {
          outcome: 'refused',
          sql,
          datasets,
          reason: error instanceof Error ? error.message : String(error),
          rule: error instanceof AppError ? ((error.details as { check?: string } | undefined)?.check ?? null) : null,
        },
      });
    }
    throw error;
  }
}

const dedupe = (uses: DatasetUse[]) => {
  const seen = new Map<string, DatasetUse>();
  for (const u of uses) if (!seen.has(`${u.datasetId}@${u.version}`)) seen.set(`${u.datasetId}@${u.version}`, u);
  return [...seen.values()];
};

/** A query naming a restricted dataset its author may not read is refused as an unknown table, and audited. */
async function auditDenied(services: Services, actor: Actor, sql: string, error: unknown) {
  const table = error instanceof AppError ? String((error.details as Record<string, unknown> | undefined)?.table ?? '').toLowerCase() : '';
  if (!table) return;
  const restricted = await restrictedDatasetIds(services.db);
  const hit = restricted.find((id) => table === latestViewName(id) || table.startsWith(`${id}@v`));
  if (hit)
    await recordAudit(services.db, actor, {
      action: 'data.restricted_query',
      entityType: 'data_dataset',
      entityId: hit,
      after: { outcome: 'denied', sql, reason: 'not an approved analyst' },
    });
}
