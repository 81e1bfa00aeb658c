import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database, Dialect } from './types.js';

const require = createRequire(import.meta.url);

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

/**
 * better-sqlite3 12 is a V8 addon: one build serves one Node ABI, the one `npm ci` ran under (Node 20 here; 13
 * ships prebuilds for Node ≥ 22 only). To run the same node_modules on a second Node, as CI does on Node 22
 * (.ci/node-lts.sh), that Node carries its own build of the same better-sqlite3 beside its binary
 * (`<node prefix>/lib/better-sqlite3/<version>/better_sqlite3.node`), found here from `process.execPath`, so child
 * processes started with that binary find it too; `OPEN_SEOUL_SQLITE_BINDING` names a build explicitly.
 * Undefined: the build in node_modules.
 */
export function sqliteBinding(env: NodeJS.ProcessEnv = process.env, execPath = process.execPath): string | undefined {
  if (env.OPEN_SEOUL_SQLITE_BINDING) return env.OPEN_SEOUL_SQLITE_BINDING;
  const version = (require('better-sqlite3/package.json') as { version: string }).version;
  const beside = path.join(path.dirname(execPath), '..', 'lib', 'better-sqlite3', version, 'better_sqlite3.node');
  return fs.existsSync(beside) ? beside : undefined;
}
const binding = sqliteBinding();

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'open-seoul.sqlite');
}

export function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  dbPoolMax?: number;
  dbPoolTimeoutMs?: number;
}): DatabaseHandle {
  if (opts.databaseUrl) {
    // Each replica holds up to dbPoolMax connections: replicas × dbPoolMax must stay under the server's max_connections.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.dbPoolMax ?? 10,
      connectionTimeoutMillis: opts.dbPoolTimeoutMs ?? 10_000,
      idleTimeoutMillis: 30_000,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = sqliteFile(opts.dataDir);
  const sqlite = new SQLite(file, binding ? { nativeBinding: binding } : {});
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
