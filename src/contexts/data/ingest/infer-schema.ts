import type { DuckDBConnection } from '@duckdb/node-api';
import type { FieldType, TableField, TableSchema } from '../domain/table-schema.js';
import { DATE_LAYOUTS, sampleTests } from './field-sql.js';
import { queryRows } from './duck.js';
import type { SourceTable } from './read-table.js';

/**
 * Infers a Frictionless Table Schema in SQL: a type is chosen when at least 99% of a column's non-empty values
 * match it (else string), tried from the most specific (date, date-time, boolean) to integer and number.
 * The tests run on the first rows (SAMPLE_ROWS); the Parquet writer then checks every row, and a column whose
 * values fail beyond 1% is demoted (`demoteField`) and written again, so a late surprise is never stored wrong.
 */
export const SAMPLE_ROWS = 5_000;
export const MATCH_SHARE = 0.99;

export interface ColumnSample {
  nonEmpty: number;
  integer: number;
  number: number;
  boolean: number;
  leadingZero: number;
  separators: number;
  padded: number;
  layouts: Record<string, number>;
  midnight: Record<string, number>;
}

/** The field for one column, from its sample counts (pure: the rule in one place, unit-tested). */
export function decideField(name: string, s: ColumnSample): TableField {
  const enough = (n: number) => s.nonEmpty > 0 && n >= MATCH_SHARE * s.nonEmpty;
  const best = (type: 'date' | 'datetime') =>
    DATE_LAYOUTS.filter((l) => l.type === type)
      .map((l) => ({ layout: l, n: s.layouts[l.format] ?? 0 }))
      .reduce((a, b) => (b.n > a.n ? b : a), { layout: DATE_LAYOUTS[0]!, n: -1 });
  const date = best('date');
  if (enough(date.n)) return { name, type: 'date', format: date.layout.format };
  const datetime = best('datetime');
  if (enough(datetime.n)) {
    const allMidnight = (s.midnight[datetime.layout.format] ?? 0) === datetime.n;
    return { name, type: allMidnight ? 'date' : 'datetime', format: datetime.layout.format };
  }
  if (enough(s.boolean)) return { name, type: 'boolean' };
  const codes = s.leadingZero > (1 - MATCH_SHARE) * s.nonEmpty;
  if (!codes && enough(s.integer)) return { name, type: 'integer', ...(s.separators ? { 'x-thousandsSeparator': true } : {}) };
  if (!codes && enough(s.number)) return { name, type: 'number', ...(s.separators ? { 'x-thousandsSeparator': true } : {}) };
  return { name, type: 'string', ...(s.padded ? { 'x-trim': true } : {}) };
}

/** The next, looser type for a column whose values failed on the full file. */
export function demoteField(field: TableField): TableField {
  const { format: _format, 'x-thousandsSeparator': _sep, ...rest } = field;
  const type: FieldType = field.type === 'integer' ? 'number' : 'string';
  return type === 'number' ? { ...rest, type, ...(_sep ? { 'x-thousandsSeparator': true } : {}) } : { ...rest, type, 'x-trim': true };
}

/**
 * One aggregate per test over the sample turned long (UNPIVOT: one row per non-null cell), grouped by column:
 * the query has the same ~30 expressions whatever the width, where one expression per column and test made
 * a 45-column file cost over a second of planning alone.
 */
export async function inferSchema(conn: DuckDBConnection, source: SourceTable): Promise<TableSchema> {
  const v = 'v';
  const tests: Array<[string, string]> = [
    ['nonEmpty', sampleTests.nonEmpty(v)],
    ['integer', sampleTests.integer(v)],
    ['number', sampleTests.number(v)],
    ['boolean', sampleTests.boolean(v)],
    ['leadingZero', sampleTests.leadingZero(v)],
    ['separators', sampleTests.separators(v)],
    ['padded', sampleTests.padded(v)],
    ...DATE_LAYOUTS.map((_, k): [string, string] => [`layout${k}`, `p${k}`]),
    ...DATE_LAYOUTS.flatMap((l, k): Array<[string, string]> => (l.type === 'datetime' ? [[`midnight${k}`, sampleTests.midnight(`p${k}`)]] : [])),
  ];
  const sample = `(SELECT * FROM ${source.sample ?? source.sql} LIMIT ${SAMPLE_ROWS})`;
  // Each distinct value of a column is tested once and counted as often as it occurs (k): codes, names and dates
  // repeat, and the tests (casts, date layouts) are the cost (measured: 30 → 20 ms on the 1M-row bench file).
  const cells = `SELECT col, v, count(*) AS k FROM (UNPIVOT ${sample} ON COLUMNS(*) INTO NAME col VALUE v) GROUP BY col, v`;
  // Each value parsed once per date layout (p0, p1, …): the layout's test and its midnight test both read it.
  const parsed = `SELECT *, ${DATE_LAYOUTS.map((l, k) => `${sampleTests.layout(v, l)} AS p${k}`).join(', ')} FROM (${cells})`;
  const counts = tests.map(([name, passes]) => `coalesce(sum(CASE WHEN (${passes}) IS NOT NULL THEN k END), 0) AS ${name}`);
  const rows = await queryRows(conn, `SELECT col, ${counts.join(', ')} FROM (${parsed}) GROUP BY col`);
  const byName = new Map(rows.map((r) => [String(r.col), r]));
  const fields = source.columns.map((name) => {
    const row = byName.get(name) ?? {};
    const n = (key: string) => Number(row[key.toLowerCase()] ?? row[key] ?? 0);
    return decideField(name, {
      nonEmpty: n('nonEmpty'),
      integer: n('integer'),
      number: n('number'),
      boolean: n('boolean'),
      leadingZero: n('leadingZero'),
      separators: n('separators'),
      padded: n('padded'),
      layouts: Object.fromEntries(DATE_LAYOUTS.map((l, k) => [l.format, n(`layout${k}`)])),
      midnight: Object.fromEntries(DATE_LAYOUTS.map((l, k) => [l.format, n(`midnight${k}`)])),
    });
  });
  return { fields, missingValues: [''] };
}
