import { Readable } from 'node:stream';
import type { Actor } from '../../../../core/auth/actor.js';
import type { Services } from '../../../../core/context.js';
import { AppError, unauthenticated } from '../../../../core/errors.js';
import type { Download } from '../download-rows.js';
import { tableColumns } from './table-columns.js';
import { checkSqlTree } from './check-sql.js';
import { executeSql, mapSandboxError, tablesFor, type SqlExecution } from './execute-sql.js';
import { parseSql } from './parse-sql.js';
import { fetchParquet } from './sandbox-files.js';
import { invalidateSandbox, sandboxFor, type JobControl } from './sandbox-pool.js';
import { tableRefs } from './table-refs.js';
import { takeUserSlot } from './user-slots.js';

/**
 * Read-only SQL over the lake for signed-in users (POST /api/v1/data/sql), in the sandbox: the text is checked
 * on DuckDB's parse tree (check-sql.ts), then run in a sandbox process (sandbox-pool.ts) with a time limit, a
 * memory limit and a row cap; past the cap the answer links to the same query as a streamed CSV download.
 */
export const SQL_LIMITS = {
  maxChars: 20_000,
  rows: 1000,
  bytes: 8 * 1024 * 1024,
  timeoutMs: 5000,
  downloadRows: 1_000_000,
  downloadTimeoutMs: 60_000,
  urlChars: 6000,
};

export interface SqlAnswer {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  truncated: boolean;
  elapsedMs: number;
  /** The full result as CSV (same sandbox, up to SQL_LIMITS.downloadRows rows); null when the text is too long for a URL. */
  download: string | null;
}

const mapError = mapSandboxError;

function requireSignedIn(actor: Actor) {
  if (!actor.user) throw unauthenticated();
}

/**
 * Length, one SELECT, known tables, no denied functions; throws 400 `data.sql_refused` / `data.sql_invalid`. The
 * tables it names are then made local for the shared sandbox (fetched once per version on object storage).
 */
export async function checkSql(services: Services, sql: unknown): Promise<string> {
  if (typeof sql !== 'string' || !sql.trim()) throw new AppError('data.sql_invalid', 'Give a SQL query in "sql"', 400, { field: 'sql' });
  if (sql.length > SQL_LIMITS.maxChars)
    throw new AppError('data.sql_invalid', `The query is longer than ${SQL_LIMITS.maxChars} characters`, 400, { field: 'sql' });
  if (sql.includes('\0')) throw new AppError('data.sql_invalid', 'The query contains a NUL character', 400, { field: 'sql' });
  const tables = await sandboxFor(services).tables();
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  const tree = await parseSql(sql);
  checkSqlTree(tree, new Set(byName.keys()));
  const { fetched } = await fetchParquet(
    services,
    tableRefs(tree).map((r) => byName.get(r.name)!.key),
  );
  if (fetched) invalidateSandbox(services);
  return sql;
}

export function sqlDownloadUrl(services: Services, sql: string): string | null {
  const url = `${services.config.publicUrl}/api/v1/data/sql/download.csv?q=${encodeURIComponent(sql)}`;
  return url.length <= SQL_LIMITS.urlChars ? url : null;
}

/**
 * Restricted datasets: an approved analyst's query that reads one goes through the output check (aggregates only,
 * small groups suppressed and listed in `suppressed`) and the audit log, in a sandbox process of its own.
 */
export async function runSql(
  services: Services,
  actor: Actor,
  input: { sql: unknown; limit?: number },
): Promise<SqlAnswer & { suppressed: SqlExecution['suppressed'] }> {
  requireSignedIn(actor);
  const maxRows = Math.min(Math.max(1, input.limit ?? SQL_LIMITS.rows), SQL_LIMITS.rows);
  const release = await takeUserSlot(services, actor.user!.id); // one query at a time per person (user-slots.ts)
  const started = performance.now();
  let answer: SqlExecution;
  try {
    answer = await executeSql(services, actor, { sql: input.sql, maxRows, maxBytes: SQL_LIMITS.bytes, timeoutMs: SQL_LIMITS.timeoutMs });
  } finally {
    release();
  }
  // Downloads read the shared sandbox only: restricted results leave through the checked answer, never as a file.
  const restricted = answer.datasets.some((d) => d.restricted);
  return {
    columns: answer.columns,
    rows: answer.rows,
    truncated: answer.truncated,
    suppressed: answer.suppressed,
    elapsedMs: Math.round(performance.now() - started),
    download: answer.truncated && !restricted ? sqlDownloadUrl(services, answer.sql) : null,
  };
}

/** The whole result of a sandbox query as CSV (UTF-8 with BOM), streamed from the sandbox process with flow control. */
export async function downloadSql(services: Services, actor: Actor, input: { sql: unknown }): Promise<Download> {
  requireSignedIn(actor);
  const sql = await checkSql(services, input.sql);
  const release = await takeUserSlot(services, actor.user!.id); // held until the stream is over
  try {
    const download = await streamSql(services, sql);
    download.body.once('close', release);
    return download;
  } catch (error) {
    release();
    throw error;
  }
}

function streamSql(services: Services, sql: string): Promise<Download> {
  return new Promise<Download>((resolve, reject) => {
    let control: JobControl | null = null;
    let owed = false; // the worker waits for "more" after each chunk
    let started = false;
    let ended = false;
    const body = new Readable({
      read() {
        if (owed && control) {
          owed = false;
          control.send({ type: 'more' });
        }
      },
      destroy(error, callback) {
        if (!ended) control?.send({ type: 'cancel' });
        callback(error);
      },
    });
    const open = () => {
      if (!started) {
        started = true;
        resolve({ filename: 'query.csv', contentType: 'text/csv; charset=utf-8', body });
      }
    };
    sandboxFor(services).run({
      start: { type: 'stream', sql, maxRows: SQL_LIMITS.downloadRows },
      timeoutMs: SQL_LIMITS.downloadTimeoutMs,
      onMessage(m, c) {
        control = c;
        if (m.type === 'chunk') {
          open();
          if (body.push(String(m.text))) c.send({ type: 'more' });
          else owed = true;
          return false;
        }
        if (m.type === 'end') {
          ended = true;
          open();
          body.push(null);
          return true;
        }
        if (m.type === 'error') {
          ended = true;
          if (started) body.destroy(mapError(String(m.message)));
          else reject(mapError(String(m.message)));
          return true;
        }
        return false;
      },
      onAbort(error) {
        ended = true;
        if (started) body.destroy(error);
        else reject(error);
      },
    });
  });
}

/** The sandbox's tables with their columns (names and DuckDB types). */
export async function listSqlTables(services: Services, actor: Actor) {
  const tables = await tablesFor(services, actor);
  return Promise.all(
    tables.map(async (t) => ({
      name: t.name,
      dataset: t.datasetId,
      resource: t.resourceId,
      version: t.version,
      latest: t.latest,
      restricted: t.restricted,
      columns: await tableColumns(services, t),
    })),
  );
}
