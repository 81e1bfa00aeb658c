import { describe, expect, it } from 'vitest';
import { checkSqlTree } from './check-sql.js';
import { parseSql } from './parse-sql.js';

/** The parse-tree check with DuckDB's real parser (parse only, no tables, nothing runs). */
const tables = new Set(['riders', 'riders@v1']);
const verdict = async (sql: string) => {
  try {
    checkSqlTree(await parseSql(sql), tables);
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('SQL sandbox check', () => {
  it.each([
    'SELECT station, count(*) FROM riders GROUP BY ALL',
    'FROM riders WHERE riders > 10 LIMIT 5',
    'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT * FROM t',
    'WITH a AS (SELECT * FROM riders) SELECT * FROM a JOIN "riders@v1" b USING (id)',
    'SELECT * FROM range(10), unnest([1, 2])',
    'DESCRIBE riders',
    'SUMMARIZE SELECT * FROM riders',
    'SELECT count(*) OVER (PARTITION BY station) FROM main.riders',
    "SELECT * FROM riders WHERE station = '''; DROP TABLE x; --'",
  ])('allows %s', async (sql) => {
    expect(await verdict(sql)).toBe('ok');
  });

  it.each([
    ["SELECT * FROM read_csv('/etc/passwd')", 'read_csv'],
    ["SELECT * FROM '/etc/passwd'", 'unknown table'],
    ['SELECT * FROM information_schema.tables', 'unknown table'],
    ['SELECT * FROM memory.information_schema.columns', 'unknown table'],
    ['SELECT * FROM system.main.duckdb_settings()', 'duckdb_settings'],
    ["SELECT CURRENT_SETTING('allowed_paths')", 'current_setting'],
    ['SELECT main."current_setting"(\'threads\')', 'current_setting'],
    ['SELECT * FROM (WITH sqlite_master AS (SELECT 1) SELECT * FROM sqlite_master), sqlite_master', 'sqlite_master'],
    ["WITH x AS (SELECT * FROM pragma_table_info('riders')) SELECT * FROM x", 'pragma_table_info'],
    ["SELECT (SELECT max(file_name) FROM parquet_metadata('/x'))", 'parquet_metadata'],
    ['SELECT 1; SELECT 2', 'exactly one statement'],
    ["COPY riders TO '/tmp/x.csv'", 'only SELECT'],
    ['PRAGMA version', 'only SELECT'],
    ['SET threads = 8', 'only SELECT'],
    ["ATTACH '/tmp/x.db'", 'only SELECT'],
    ['CREATE VIEW v AS SELECT 1', 'only SELECT'],
    ['SHOW ALL TABLES', 'SHOW'],
    ["SELECT * FROM ducklake_snapshots('x')", 'ducklake_snapshots'],
  ])('refuses %s', async (sql, reason) => {
    expect(await verdict(sql)).toContain(reason);
  });
});
