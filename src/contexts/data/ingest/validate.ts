import type { DuckDBConnection } from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import type { ColumnProfile, TableField, TableSchema, ValidationProblem, ValidationReport } from '../domain/table-schema.js';
import { ident, literal } from '../lake/lake.js';
import { queryRows, toNumber } from './duck.js';
import { typedValue } from './field-sql.js';
import type { SourceTable } from './read-table.js';

/**
 * Validation against the Table Schema. Totals cost no extra typed pass: a value is invalid exactly when the raw
 * text is non-empty and the stored (typed) value is NULL, so the totals are the non-empty counts of one pass over
 * the source minus the non-null counts the profile already has. Only when something failed are the rows looked
 * up, in file order, for the first PROBLEM_CAP problems.
 */
export const PROBLEM_CAP = 200;

export interface RawCounts { rows: number; nonEmpty: Record<string, number> }

/**
 * Non-empty values per typed column, where a cell of spaces is empty (Seoul Metro's 2019 congestion file marks
 * missing slots with " "). Only columns whose stored values are fewer than the rows need it: a column stored
 * in full had nothing empty and nothing invalid. So a clean file costs no second pass, and a file with gaps
 * one streaming pass over the columns that have them. Columns DuckDB typed itself (native-csv.ts) had no
 * invalid value either: their empty cells are their NULLs.
 */
export async function countRaw(conn: DuckDBConnection, source: SourceTable, schema: TableSchema, profile: ColumnProfile[], rows: number, readNatively = new Set<string>()): Promise<RawCounts> {
  const stored = new Map(profile.map((p) => [p.name, p.count]));
  const needed = schema.fields.filter((f) => f.type !== 'string' && !readNatively.has(f.name) && (stored.get(f.name) ?? 0) < rows).map((f) => f.name);
  const nonEmpty: Record<string, number> = Object.fromEntries(schema.fields.map((f) => [f.name, stored.get(f.name) ?? 0]));
  if (needed.length === 0) return { rows, nonEmpty };
  // Trimming every value would double the pass; only values that start with a space can be blank.
  const count = (c: string) => `count(nullif(${c}, '')) - count(CASE WHEN starts_with(${c}, ' ') AND trim(${c}) = '' THEN 1 END)`;
  const [row = {}] = await queryRows(conn, `SELECT ${needed.map((name, i) => `${count(ident(name))} AS "${i}"`).join(', ')} FROM ${source.sql}`);
  needed.forEach((name, i) => { nonEmpty[name] = toNumber(row[String(i)]) ?? 0; });
  return { rows, nonEmpty };
}

export interface ColumnFailures { invalid: number; missing: number; duplicates: number }

/** Failures per column from counts alone. */
export function countFailures(schema: TableSchema, raw: RawCounts, profile: ColumnProfile[]): Record<string, ColumnFailures> {
  const out: Record<string, ColumnFailures> = {};
  for (const field of schema.fields) {
    const p = profile.find((c) => c.name === field.name);
    const nonEmpty = raw.nonEmpty[field.name] ?? 0;
    const stored = p?.count ?? 0;
    // A trimmed string that was only spaces is empty, not invalid.
    const invalid = field.type === 'string' ? 0 : Math.max(0, nonEmpty - stored);
    const missing = field.constraints?.required ? raw.rows - stored - invalid : 0;
    const duplicates = field.constraints?.unique && p ? Math.max(0, p.count - p.distinct) : 0;
    if (invalid || missing || duplicates) out[field.name] = { invalid, missing, duplicates };
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = { integer: 'an integer', number: 'a number', boolean: 'a boolean', date: 'a date', datetime: 'a date and time', time: 'a time' };
const message = (p: Omit<ValidationProblem, 'message'>, field: TableField) =>
  p.rule === 'required' ? 'A value is required'
    : p.rule === 'unique' ? `"${p.value}" appears more than once`
      : `"${p.value}" is not ${TYPE_NAMES[field.type] ?? field.type}${field.format ? ` (${field.format})` : ''}`;

/** The first problems in file order; rows are 1-based data rows (header excluded, blank lines skipped). */
export async function listProblems(conn: DuckDBConnection, source: SourceTable, schema: TableSchema, failures: Record<string, ColumnFailures>): Promise<ValidationProblem[]> {
  const failing = schema.fields.filter((f) => failures[f.name]);
  if (failing.length === 0) return [];
  // A table keeps insertion order, so rowid + 1 is the data row; only the failing columns are kept.
  const table = `problems_${randomUUID().replace(/-/g, '')}`;
  await conn.run(`CREATE TEMP TABLE ${table} AS SELECT ${failing.map((f) => ident(f.name)).join(', ')} FROM ${source.sql}`);
  try {
    const parts = failing.flatMap((f) => {
      const c = ident(f.name);
      const name = literal(f.name);
      const { invalid, missing, duplicates } = failures[f.name]!;
      const q: string[] = [];
      if (invalid) q.push(`SELECT rowid + 1 AS row, ${name} AS col, ${c} AS value, ${literal(f.type)} AS rule FROM ${table} WHERE nullif(trim(${c}), '') IS NOT NULL AND (${typedValue(c, f)}) IS NULL`);
      if (missing) q.push(`SELECT rowid + 1 AS row, ${name} AS col, NULL AS value, 'required' AS rule FROM ${table} WHERE ${f.type === 'string' ? `(${typedValue(c, f)}) IS NULL` : `nullif(trim(${c}), '') IS NULL`}`);
      if (duplicates) q.push(`SELECT rowid + 1 AS row, ${name} AS col, ${c} AS value, 'unique' AS rule FROM ${table} WHERE ${c} IN (SELECT ${c} FROM ${table} GROUP BY 1 HAVING count(*) > 1)`);
      return q.map((sql) => `(${sql} ORDER BY row LIMIT ${PROBLEM_CAP})`);
    });
    const rows = await queryRows(conn, `SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY row, col LIMIT ${PROBLEM_CAP}`);
    return rows.map((r) => {
      const field = schema.fields.find((f) => f.name === r.col)!;
      const p = { row: toNumber(r.row) ?? 0, column: String(r.col), value: r.value === null ? '' : String(r.value).slice(0, 200), rule: String(r.rule) };
      return { ...p, message: message(p, field) };
    });
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

export function validationReport(failures: Record<string, ColumnFailures>, problems: ValidationProblem[]): ValidationReport {
  const byColumn = Object.fromEntries(Object.entries(failures).map(([name, f]) => [name, f.invalid + f.missing + f.duplicates]));
  return { total: Object.values(byColumn).reduce((a, b) => a + b, 0), byColumn, problems };
}
