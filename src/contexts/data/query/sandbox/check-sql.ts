import { AppError } from '../../../../core/errors.js';

/**
 * What untrusted SQL may touch, checked on DuckDB's own parse tree (json_serialize_sql), not on the text:
 * - exactly one statement, a SELECT (DuckDB refuses to serialize anything else: PRAGMA, SET, COPY, ATTACH …);
 * - tables: the sandbox's views and the query's own CTEs (scoped), nothing qualified by another catalog or
 *   schema (information_schema, pg_catalog, system …) and no file names (`FROM '/etc/passwd'`);
 * - table functions: generators only (range, unnest …), so no read_csv, glob, query_table, duckdb_settings();
 * - functions: none that reads configuration or runs SQL text (current_setting, query, json_execute_serialized_sql …).
 * The sandbox instance enforces the same limits again (external access off, configuration locked); this check
 * gives clear errors and closes what DuckDB would allow (reading settings, which reveal server paths).
 */
export const ALLOWED_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest', 'json_each', 'json_tree', 'repeat', 'repeat_row']);

const DENIED_FUNCTIONS = new Set([
  'current_setting',
  'getenv',
  'query',
  'query_table',
  'json_execute_serialized_sql',
  'json_serialize_plan',
  'json_serialize_sql',
  'enable_logging',
  'disable_logging',
  'truncate_duckdb_logs',
  'write_log',
  'checkpoint',
  'force_checkpoint',
  'sql_auto_complete',
  'which_secret',
  'load_extension',
  'install_extension',
]);
const DENIED_PREFIX = /^(duckdb_|pragma_|read_|parquet_|sniff_|glob|iceberg_|delta_|sqlite_|postgres_|mysql_|ducklake_)/;

export const refused = (reason: string, details: Record<string, unknown> = {}) =>
  new AppError('data.sql_refused', `Refused: ${reason}`, 400, { field: 'sql', ...details });

type Node = Record<string, unknown>;

export function checkSqlTree(tree: unknown, tables: ReadonlySet<string>): void {
  const root = tree as { error?: boolean; error_message?: string; statements?: unknown[] };
  if (!root || root.error) throw refused(`only SELECT queries run here (${root?.error_message ?? 'not a query'})`);
  if (!Array.isArray(root.statements) || root.statements.length !== 1) {
    throw refused(`send exactly one statement (got ${root.statements?.length ?? 0})`);
  }
  visit(root.statements[0], new Set(), tables);
}

function visit(node: unknown, ctes: ReadonlySet<string>, tables: ReadonlySet<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) visit(n, ctes, tables);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Node;
  let scope = ctes;
  const map = (o.cte_map as { map?: Array<{ key?: unknown }> } | undefined)?.map;
  if (Array.isArray(map) && map.length) scope = new Set([...ctes, ...map.map((e) => String(e.key).toLowerCase())]);
  if (o.type === 'BASE_TABLE') checkTable(o, scope, tables);
  if (o.type === 'TABLE_FUNCTION') {
    const fn = String((o.function as Node | undefined)?.function_name ?? '').toLowerCase();
    if (!ALLOWED_TABLE_FUNCTIONS.has(fn))
      throw refused(`table function ${fn}() is not available; tables are listed at /api/v1/data/sql/tables`, { function: fn });
  }
  if (typeof o.function_name === 'string' && (o.class === 'FUNCTION' || o.class === 'WINDOW' || o.class === 'AGGREGATE')) {
    const fn = o.function_name.toLowerCase();
    if (DENIED_FUNCTIONS.has(fn) || DENIED_PREFIX.test(fn)) throw refused(`function ${fn}() is not available here`, { function: fn });
  }
  if (o.type === 'SHOW_REF' && !o.query) throw refused('SHOW; tables are listed at /api/v1/data/sql/tables');
  for (const value of Object.values(o)) if (value && typeof value === 'object') visit(value, scope, tables);
}

function checkTable(o: Node, ctes: ReadonlySet<string>, tables: ReadonlySet<string>) {
  const name = String(o.table_name ?? '');
  const schema = String(o.schema_name ?? '').toLowerCase();
  const catalog = String(o.catalog_name ?? '').toLowerCase();
  const qualified = (schema !== '' && schema !== 'main') || (catalog !== '' && catalog !== 'memory');
  const lower = name.toLowerCase();
  if (qualified || !(ctes.has(lower) || tables.has(lower))) {
    throw refused(`unknown table "${[catalog, schema, name].filter(Boolean).join('.')}"; tables are listed at /api/v1/data/sql/tables`, { table: name });
  }
}
