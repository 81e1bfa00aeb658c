import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database, Dialect } from './types.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** A handle that may be the database or an open transaction: repositories accept either. */
export type DbOrTx = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** SQLite only: the file path (for backups and health). */
  sqlitePath?: string;
  close(): Promise<void>;
}

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'open-seoul.sqlite');
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string; sqliteSynchronous?: 'NORMAL' | 'FULL'; dbPoolMax?: number; dbPoolTimeoutMs?: number }): DatabaseHandle {
  if (opts.databaseUrl) {
    // Each replica holds up to dbPoolMax connections: replicas × dbPoolMax must stay under the server's max_connections.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.dbPoolMax ?? 10, connectionTimeoutMillis: opts.dbPoolTimeoutMs ?? 10_000, idleTimeoutMillis: 30_000 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = sqliteFile(opts.dataDir);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`synchronous = ${opts.sqliteSynchronous === 'FULL' ? 'FULL' : 'NORMAL'}`); // see Config.sqliteSynchronous
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlitePath: file, close: () => db.destroy() };
}

export const nowIso = () => new Date().toISOString();

/** A unique constraint refused the row (SQLite and PostgreSQL): a race the caller turns into a clear 4xx. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
