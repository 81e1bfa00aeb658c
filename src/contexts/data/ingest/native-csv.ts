import type { TableField, TableSchema } from '../domain/table-schema.js';
import { ident, literal } from '../lake/lake.js';
import { typedValue } from './field-sql.js';
import type { SourceTable } from './read-table.js';

/**
 * The fast path for CSV: columns whose DuckDB parsing means exactly what ours means are read by DuckDB's CSV
 * reader as DOUBLE, DATE or TIMESTAMP, as `read_csv` does on its own; the others stay text and go through
 * field-sql.ts. DuckDB stops on the first value it cannot read ("Conversion Error … Line: 12"); the caller then
 * takes the text path, which turns the value into NULL and a reported problem. So a clean column costs a plain
 * parse and no counting pass (stored = non-empty), and a dirty one costs what it did before.
 *
 * Integers are never read natively: DuckDB's CSV reader rounds "3.8" to 4 and accepts "1e3". Numbers with
 * thousands separators, booleans, times, trimmed text and the Korean or dotted date layouts stay text too.
 */
const NATIVE_DATES = new Set(['%Y-%m-%d', '%Y%m%d', '%Y/%m/%d', '%d/%m/%Y', '%m/%d/%Y']);

export interface NativeCsv {
  sql: string;
  native: Set<string>;
}

function nativeType(f: TableField, dateFormat: string | null): string | null {
  if (f.type === 'number' && f['x-thousandsSeparator'] !== true) return 'DOUBLE';
  if (f.type === 'datetime' && f.format === '%Y-%m-%d %H:%M:%S') return 'TIMESTAMP';
  if (f.type === 'date' && f.format && f.format === dateFormat) return 'DATE';
  return null;
}

/** The typed SELECT over a natively typed read of the file, or null when nothing would be read natively. */
export function nativeCsvSelect(source: SourceTable, schema: TableSchema): NativeCsv | null {
  const csv = source.csv;
  if (!csv) return null;
  // DuckDB takes one date layout per file: the first date column's, if it is one DuckDB reads the same way.
  const dateFormat = schema.fields.find((f) => f.type === 'date' && f.format && NATIVE_DATES.has(f.format))?.format ?? null;
  const byName = new Map(schema.fields.map((f) => [f.name, f]));
  const types = new Map<number, string>();
  const native = new Set<string>();
  for (const { index, name } of csv.kept) {
    const type = nativeType(byName.get(name)!, dateFormat);
    if (type) {
      types.set(index, type);
      native.add(name);
    }
  }
  if (native.size === 0) return null;
  const columns = Array.from({ length: csv.width }, (_, i) => `'c${i}': '${types.get(i) ?? 'VARCHAR'}'`).join(', ');
  const usesDate = [...types.values()].includes('DATE');
  const read = `read_csv(${literal(csv.file)}, ${csv.options}, auto_detect=false, columns={${columns}}${usesDate ? `, dateformat=${literal(dateFormat!)}` : ''})`;
  const select = csv.kept.map(({ index, name }) => {
    const c = ident(`c${index}`);
    return `${native.has(name) ? c : typedValue(c, byName.get(name)!)} AS ${ident(name)}`;
  });
  return { sql: `SELECT ${select.join(', ')} FROM ${read}`, native };
}

/** DuckDB's own conversion failures, which send the caller to the text path. */
export const isConversionError = (error: unknown) =>
  /Conversion Error|Could not convert|Invalid Input Error: .*(convert|parse)/i.test(String((error as Error)?.message ?? error));
