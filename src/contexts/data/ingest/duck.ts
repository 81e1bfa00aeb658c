import type { DuckDBConnection } from '@duckdb/node-api';

/** Rows as JSON-safe objects (BIGINT as text, DATE as 'YYYY-MM-DD'): callers convert what they need. */
export async function queryRows(conn: DuckDBConnection, sql: string): Promise<Array<Record<string, unknown>>> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJson() as Array<Record<string, unknown>>;
}

/** A number from a JSON-safe DuckDB value (counts arrive as text), or null. */
export const toNumber = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

/** The first line of a DuckDB error, without its internal hints. */
export const duckMessage = (error: unknown) =>
  String(error instanceof Error ? error.message : error)
    .split('\n')
    .filter(Boolean)
    .slice(0, 2)
    .join(' ')
    .slice(0, 500);
