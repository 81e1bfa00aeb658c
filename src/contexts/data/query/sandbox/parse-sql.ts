import { DuckDBInstance } from '@duckdb/node-api';
import { literal } from '../../lake/lake.js';

/**
 * DuckDB's parser, for checking untrusted SQL before it runs: json_serialize_sql() parses (never binds nor
 * executes) and returns the statement tree as JSON, or an error for anything that is not a SELECT. It runs in
 * its own small instance with no tables, no file access and a locked configuration.
 */
let parser: Promise<DuckDBInstance> | null = null;

const open = () => {
  parser ??= (async () => {
    const db = await DuckDBInstance.create(':memory:', {
      threads: '1',
      memory_limit: '64MB',
      temp_directory: '',
      autoload_known_extensions: 'false',
      autoinstall_known_extensions: 'false',
    });
    const c = await db.connect();
    await c.run('SET enable_external_access = false');
    await c.run('SET lock_configuration = true');
    c.closeSync();
    return db;
  })();
  return parser;
};

/** The parse tree ({error, statements}) of `sql`; its text goes in as a quoted literal (json_serialize_sql takes no parameters). */
export async function parseSql(sql: string): Promise<unknown> {
  const c = await (await open()).connect();
  try {
    const reader = await c.runAndReadAll(`SELECT json_serialize_sql(${literal(sql)}) AS tree`);
    return JSON.parse(String(reader.getRowObjectsJson()[0]!.tree));
  } finally {
    c.closeSync();
  }
}

/** SQL text back from a (modified) parse tree, by DuckDB's json_deserialize_sql. */
export async function deparseSql(tree: unknown): Promise<string> {
  const c = await (await open()).connect();
  try {
    const reader = await c.runAndReadAll(`SELECT json_deserialize_sql(${literal(JSON.stringify(tree))}::JSON) AS sql`);
    return String(reader.getRowObjectsJson()[0]!.sql);
  } finally {
    c.closeSync();
  }
}
