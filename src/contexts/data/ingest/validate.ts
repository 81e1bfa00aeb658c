import type { DuckDBConnection } from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { RaggedReport } from './ragged-rows.js';
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

export interface RawCounts {
  rows: number;
  nonEmpty: Record<string, number>;
}

/**
 * Non-empty values per typed column, where a cell of spaces is empty (Seoul Metro's 2019 congestion file marks
 * missing slots with " "). Only columns whose stored values are fewer than the rows need it: a column stored
 * in full had nothing empty and nothing invalid. So a clean file costs no second pass, and a file with gaps
 * one streaming pass over the columns that have them. Columns DuckDB typed itself (native-csv.ts) had no
 * invalid value either: their empty cells are their NULLs.
 */
export async function countRaw(
  conn: DuckDBConnection,
  source: SourceTable,
  schema: TableSchema,
  profile: ColumnProfile[],
  rows: number,
  readNatively = new Set<string>(),
): Promise<RawCounts> {
  const stored = new Map(profile.map((p) => [p.name, p.count]));
  const needed = schema.fields.filter((f) => f.type !== 'string' && !readNatively.has(f.name) && (stored.get(f.name) ?? 0) < rows).map((f) => f.name);
  const nonEmpty: Record<string, number> = Object.fromEntries(schema.fields.map((f) => [f.name, stored.get(f.name) ?? 0]));
  if (needed.length === 0) return { rows, nonEmpty };
  // Trimming every value would double the pass; only values that start with a space can be blank.
  const count = (c: string) => `count(nullif(${c}, '')) - count(CASE WHEN starts_with(${c}, ' ') AND trim(${c}) = '' THEN 1 END)`;
  const [row = {}] = await queryRows(conn, `SELECT ${needed.map((name, i) => `${count(ident(name))} AS "${i}"`).join(', ')} FROM ${source.sql}`);
  needed.forEach((name, i) => {
    nonEmpty[name] = toNumber(row[String(i)]) ?? 0;
  });
  return { rows, nonEmpty };
}

export interface ColumnFailures {
  invalid: number;
  missing: number;
  duplicates: number;
}

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

const TYPE_NAMES: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  date: 'a date',
  datetime: 'a date and time',
  time: 'a time',
};
const message = (p: Omit<ValidationProblem, 'message'>, field: TableField) =>
  p.rule === 'required'
    ? 'A value is required'
    : p.rule === 'unique'
      ? `"${p.value}" appears more than once`
      : `"${p.value}" is not ${TYPE_NAMES[field.type] ?? field.type}${field.format ? ` (${field.format})` : ''}`;

/** The first problems in file order; rows are 1-based data rows (header excluded, blank lines skipped). */
export async function listProblems(
  conn: DuckDBConnection,
  source: SourceTable,
  schema: TableSchema,
  failures: Record<string, ColumnFailures>,
): Promise<ValidationProblem[]> {
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
      if (invalid)
        q.push(
          `SELECT rowid + 1 AS row, ${name} AS col, ${c} AS value, ${literal(f.type)} AS rule FROM ${table} WHERE nullif(trim(${c}), '') IS NOT NULL AND (${typedValue(c, f)}) IS NULL`,
        );
      if (missing)
        q.push(
          `SELECT rowid + 1 AS row, ${name} AS col, NULL AS value, 'required' AS rule FROM ${table} WHERE ${f.type === 'string' ? `(${typedValue(c, f)}) IS NULL` : `nullif(trim(${c}), '') IS NULL`}`,
        );
      if (duplicates)
        q.push(
          `SELECT rowid + 1 AS row, ${name} AS col, ${c} AS value, 'unique' AS rule FROM ${table} WHERE ${c} IN (SELECT ${c} FROM ${table} GROUP BY 1 HAVING count(*) > 1)`,
        );
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

/** U+FFFD, what the decoder put where bytes were not text in the file's encoding. */
export const REPLACEMENT = '\uFFFD';

const REPLACEMENT_BYTES = Buffer.from(REPLACEMENT, 'utf8');

/**
 * Looks for a replacement character (bytes EF BF BD) in chunks of a file as another pass reads them (the
 * encoding detection's), so the text is not read again for it: `feed` each chunk in order, then read `seen`.
 */
export function replacementScanner() {
  let tail = Buffer.alloc(0);
  const scanner = {
    seen: false,
    feed(chunk: Buffer) {
      if (scanner.seen) return;
      // Only the seam needs copying: the last two bytes before the chunk and its first two.
      if (chunk.includes(REPLACEMENT_BYTES) || (tail.length && Buffer.concat([tail, chunk.subarray(0, 2)]).includes(REPLACEMENT_BYTES))) scanner.seen = true;
      tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 2)));
    },
  };
  return scanner;
}

/** True when the UTF-8 text holds a replacement character anywhere (bytes EF BF BD), without decoding it. */
export async function hasReplacement(file: string): Promise<boolean> {
  const scanner = replacementScanner();
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    scanner.feed(chunk as Buffer);
    if (scanner.seen) return true;
  }
  return false;
}

/** Cells holding U+FFFD, per column, and the first ones by row (only called when the text has some). */
export async function findReplacements(
  conn: DuckDBConnection,
  source: SourceTable,
): Promise<{ byColumn: Record<string, number>; problems: ValidationProblem[] }> {
  const mark = literal(REPLACEMENT);
  const [counts = {}] = await queryRows(
    conn,
    `SELECT ${source.columns.map((c, i) => `count(CASE WHEN contains(${ident(c)}, ${mark}) THEN 1 END) AS "${i}"`).join(', ')} FROM ${source.sql}`,
  );
  const byColumn: Record<string, number> = {};
  source.columns.forEach((c, i) => {
    const n = toNumber(counts[String(i)]) ?? 0;
    if (n) byColumn[c] = n;
  });
  const failing = Object.keys(byColumn);
  if (!failing.length) return { byColumn, problems: [] };
  const parts = failing.map((c) => `SELECT "__row" AS row, ${literal(c)} AS col, ${ident(c)} AS value FROM numbered WHERE contains(${ident(c)}, ${mark})`);
  const rows = await queryRows(
    conn,
    `WITH numbered AS (SELECT *, row_number() OVER () AS "__row" FROM ${source.sql})
    SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY row, col LIMIT ${PROBLEM_CAP}`,
  );
  return {
    byColumn,
    problems: rows.map((r) => ({
      row: toNumber(r.row) ?? 0,
      column: String(r.col),
      value: String(r.value ?? '').slice(0, 200),
      rule: 'encoding_replacement',
      message: `"${String(r.value ?? '').slice(0, 80)}" holds bytes that are not text in the file's encoding (shown as ${REPLACEMENT})`,
    })),
  };
}

/** The report with the file's own problems added: ragged rows and replacement characters, counted and listed by row. */
export function withFileProblems(
  report: ValidationReport,
  ragged: RaggedReport | undefined,
  replacements: { byColumn: Record<string, number>; problems: ValidationProblem[] },
): ValidationReport {
  const tooFew = ragged?.tooFew ?? 0;
  const tooMany = ragged?.tooMany ?? 0;
  const replacementCells = Object.values(replacements.byColumn).reduce((a, b) => a + b, 0);
  if (!tooFew && !tooMany && !replacementCells) return report;
  const byColumn = { ...report.byColumn };
  for (const [c, n] of Object.entries(replacements.byColumn)) byColumn[c] = (byColumn[c] ?? 0) + n;
  const problems = [...(ragged?.problems ?? []), ...replacements.problems, ...report.problems]
    .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
    .slice(0, PROBLEM_CAP);
  return {
    ...report,
    total: report.total + tooFew + tooMany + replacementCells,
    byColumn,
    problems,
    file: { raggedTooFew: tooFew, raggedTooMany: tooMany, replacementCells },
  };
}
