import { VARCHAR, type DuckDBConnection, type DuckDBPreparedStatement, type Json } from '@duckdb/node-api';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import type { FieldType } from '../domain/table-schema.js';
import { ident, lakeFor, literal } from '../lake/lake.js';
import { localParquet } from '../lake/lake-store.js';
import { jsonValue } from './json-value.mjs';
import type { VersionRow } from '../store/tables.js';

export { jsonValue };

/** How a DuckDB column type is filtered and shown: the value grammar and the Table Schema type it maps to. */
export type TypeFamily = 'integer' | 'number' | 'boolean' | 'date' | 'time' | 'timestamp' | 'string' | 'other';

export interface ColumnInfo {
  name: string;
  duckType: string;
  family: TypeFamily;
  type: FieldType;
}

/** A published Parquet file as the query builder sees it. */
export interface TableInfo {
  /** FROM clause for the file (a trusted path, quoted). */
  source: string;
  /**
   * What cursors and cached totals are keyed by, when not `source`: a published version's id
   * (query-rows.ts), so they hold whichever copy answers (the Parquet file or this replica's native copy of it,
   * native-copy.ts), on any replica, wherever the file lies.
   */
  identity?: string;
  /** Expression of the stable row ordinal (file order), usable in WHERE and ORDER BY. */
  rowId: string;
  columns: ColumnInfo[];
  rows: number;
}

/** Type strings we cast parameters to: DuckDB's own names for scalar types, nothing composite. */
const SCALAR =
  /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\)|VARCHAR|DATE|TIME|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE)$/;

export function familyOf(duckType: string): TypeFamily {
  if (!SCALAR.test(duckType)) return 'other';
  if (/INT$/.test(duckType) || duckType === 'INTEGER') return 'integer';
  if (duckType === 'FLOAT' || duckType === 'DOUBLE' || duckType.startsWith('DECIMAL')) return 'number';
  if (duckType === 'BOOLEAN') return 'boolean';
  if (duckType === 'DATE') return 'date';
  if (duckType === 'TIME') return 'time';
  if (duckType.startsWith('TIMESTAMP')) return 'timestamp';
  return 'string';
}

const FIELD_TYPE: Record<TypeFamily, FieldType> = {
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  time: 'time',
  timestamp: 'datetime',
  string: 'string',
  other: 'string',
};
export const fieldTypeOf = (family: TypeFamily): FieldType => FIELD_TYPE[family];

/** Runs `work` on a fresh connection of the trusted lake DuckDB, closed afterwards. */
export async function withLake<T>(services: Services, work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const connection = await lakeFor(services).connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
  }
}

/** Every parameter is bound as text and cast in SQL to the column's type (`CAST($n AS BIGINT)`). */
export const textTypes = (values: readonly unknown[]) => values.map(() => VARCHAR);

/** Runs a statement with text parameters and returns JSON rows. */
export async function readRows(c: DuckDBConnection, sql: string, values: Array<string | null>): Promise<Array<Record<string, Json | null>>> {
  const reader = await c.runAndReadAll(sql, values, textTypes(values));
  return reader.convertRowObjects(jsonValue);
}

/**
 * Warm statements for the rows API: a few lake connections stay open, each keeping its prepared statements by
 * SQL text (the SQL holds the file and the shape of the query; values are bound), so a repeated page skips
 * parsing, binding to the file and planning. Published files never change, so a plan never goes stale.
 */
interface Pooled {
  conn: DuckDBConnection;
  statements: Map<string, DuckDBPreparedStatement>;
}
interface Pool {
  idle: Pooled[];
  open: number;
  waiting: Array<(p: Pooled) => void>;
  closed: boolean;
  registered: boolean;
}
export const POOL_CONNECTIONS = 4;
export const STATEMENTS_PER_CONNECTION = 64;
const pools = new WeakMap<Services, Pool>();

function poolOf(services: Services): Pool {
  let pool = pools.get(services);
  if (!pool) {
    pool = { idle: [], open: 0, waiting: [], closed: false, registered: false };
    pools.set(services, pool);
  }
  return pool;
}

/** Closed with the services, before the DuckDB instance (registered after it: closers run last-first). */
function closeWithServices(services: Services, pool: Pool) {
  services.onClose?.(async () => {
    pool.closed = true;
    for (const p of pool.idle.splice(0)) closePooled(p);
  });
}

function closePooled(p: Pooled) {
  for (const statement of p.statements.values()) statement.destroySync();
  p.statements.clear();
  p.conn.closeSync();
}

/** The largest page (limit + 1) read by rowid on a native copy (build-query.ts): the lake connections push a rowid list this long into their scans. */
export const KEYS_FIRST_MAX_ROWS = 1001;

/**
 * Session settings of a pooled connection. A page read by rowid on a native copy (`rowid IN (…)`) gets its list
 * pushed into the scan as a filter, so the scan skips the row groups without those rows (DuckDB's default stops at
 * 50 values; above, it reads every row group).
 */
async function tuneConnection(conn: DuckDBConnection) {
  await conn.run(`SET dynamic_or_filter_threshold = ${KEYS_FIRST_MAX_ROWS}`);
}

async function acquire(services: Services): Promise<Pooled> {
  const pool = poolOf(services);
  const idle = pool.idle.pop();
  if (idle) return idle;
  if (pool.open < POOL_CONNECTIONS) {
    pool.open++;
    try {
      const conn = await lakeFor(services).connect();
      await tuneConnection(conn).catch((error: unknown) => {
        conn.closeSync();
        throw error;
      });
      if (!pool.registered) {
        pool.registered = true;
        closeWithServices(services, pool);
      }
      return { conn, statements: new Map() };
    } catch (error) {
      pool.open--;
      throw error;
    }
  }
  return new Promise((resolve) => pool.waiting.push(resolve));
}

function release(services: Services, p: Pooled) {
  const pool = poolOf(services);
  if (pool.closed) {
    pool.open--;
    closePooled(p);
    return;
  }
  const next = pool.waiting.shift();
  if (next) next(p);
  else pool.idle.push(p);
}

/** Runs a statement with text parameters on a pooled connection, prepared once per connection; JSON rows. */
export async function readRowsWarm(services: Services, sql: string, values: Array<string | null>): Promise<Array<Record<string, Json | null>>> {
  const p = await acquire(services);
  try {
    let statement = p.statements.get(sql);
    if (statement)
      p.statements.delete(sql); // most recently used last
    else {
      statement = await p.conn.prepare(sql);
      if (p.statements.size >= STATEMENTS_PER_CONNECTION) {
        const [oldest, old] = p.statements.entries().next().value!;
        p.statements.delete(oldest);
        old.destroySync();
      }
    }
    p.statements.set(sql, statement);
    if (values.length) statement.bind(values, textTypes(values));
    const reader = await statement.runAndReadAll();
    return reader.convertRowObjects(jsonValue);
  } finally {
    release(services, p);
  }
}

/**
 * The Parquet file of a version as a path on this machine: a lake key through the file store (on object storage,
 * this replica's cached copy, fetched on first use), else a path relative to the data dir (drafts, older versions).
 */
export async function parquetFileOf(services: Services, version: Pick<VersionRow, 'parquet_path' | 'version'>): Promise<string> {
  if (!version.parquet_path) throw new AppError('data.version_no_file', `Version ${version.version} has no table file`, 404);
  return localParquet(services, version.parquet_path);
}

/** Published files never change, so what we learn about one (columns, row count) is kept (bounded). */
const infos = new Map<string, Promise<TableInfo>>();
const MAX_INFOS = 500;

export function tableInfo(services: Services, file: string): Promise<TableInfo> {
  let info = infos.get(file);
  if (!info) {
    info = withLake(services, async (c) => {
      const described = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${literal(file)})`)).getRowObjectsJson();
      const columns = described.map((d) => {
        const duckType = String(d.column_type);
        const family = familyOf(duckType);
        return { name: String(d.column_name), duckType, family, type: fieldTypeOf(family) };
      });
      const counted = (await c.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${literal(file)})`)).getRowObjectsJson();
      const names = new Set(columns.map((col) => col.name));
      // Row ordinal: a `__row` column written by the ingest if any; else DuckDB's virtual `file_row_number`
      // (position in the file, pushed down into the scan); else, if the file shadows that name, ROW_NUMBER()
      // over the scan (DuckDB preserves insertion order).
      const base = `read_parquet(${literal(file)})`;
      const table: TableInfo = names.has('__row')
        ? { source: base, rowId: ident('__row'), columns: columns.filter((col) => col.name !== '__row'), rows: Number(counted[0]!.n) }
        : names.has('file_row_number')
          ? { source: `(SELECT *, row_number() OVER () - 1 AS "__os_rowid" FROM ${base})`, rowId: '"__os_rowid"', columns, rows: Number(counted[0]!.n) }
          : { source: base, rowId: 'file_row_number', columns, rows: Number(counted[0]!.n) };
      return table;
    });
    info.catch(() => infos.delete(file));
    if (infos.size >= MAX_INFOS) infos.delete(infos.keys().next().value!);
    infos.set(file, info);
  }
  return info;
}

/** Exact totals of filtered queries, kept per file and filter (files are immutable), bounded. */
const totals = new Map<string, number>();
const MAX_TOTALS = 2000;

export async function cachedTotal(key: string, count: () => Promise<number>): Promise<number> {
  const hit = totals.get(key);
  if (hit !== undefined) return hit;
  const n = await count();
  if (totals.size >= MAX_TOTALS) totals.delete(totals.keys().next().value!);
  totals.set(key, n);
  return n;
}

/**
 * The share of a table's rows its filters matched last time, by the filters' shape (the count's SQL, values bound
 * apart): how query-rows picks the keys-first page, whose cost grows with the matches. A hint about cost, never an
 * answer: every total is counted. Bounded.
 */
const shares = new Map<string, number>();
const MAX_SHARES = 2000;

export const matchShare = (shape: string): number | undefined => shares.get(shape);

export function noteMatchShare(shape: string, share: number) {
  shares.delete(shape);
  if (shares.size >= MAX_SHARES) shares.delete(shares.keys().next().value!);
  shares.set(shape, share);
}
