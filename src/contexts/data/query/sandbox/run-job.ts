import { mapSandboxError, type SqlExecution } from './execute-sql.js';
import type { SandboxPool } from './sandbox-pool.js';

export interface JobInput {
  sql: string;
  maxRows: number;
  maxBytes: number;
  timeoutMs: number;
  countAll?: boolean;
}
export interface JobResult {
  columns: SqlExecution['columns'];
  rows: unknown[][];
  truncated: boolean;
  total: number | null;
}

/** One query job in a sandbox pool, as a promise (sandbox errors mapped to AppErrors). */
export function runJob(pool: SandboxPool, input: JobInput) {
  return new Promise<JobResult>((resolve, reject) => {
    pool.run({
      start: { type: 'query', sql: input.sql, maxRows: input.maxRows, maxBytes: input.maxBytes, countAll: input.countAll === true },
      timeoutMs: input.timeoutMs,
      onMessage(m) {
        if (m.type === 'result') {
          resolve({
            columns: m.columns as JobResult['columns'],
            rows: m.rows as unknown[][],
            truncated: m.truncated === true,
            total: typeof m.total === 'number' ? m.total : null,
          });
        } else if (m.type === 'error') reject(mapSandboxError(String(m.message)));
        return m.type === 'result' || m.type === 'error';
      },
      onAbort: reject,
    });
  });
}
