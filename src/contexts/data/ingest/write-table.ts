import type { ColumnProfile, TableSchema } from '../domain/table-schema.js';
import { ident, literal, type Lake } from '../lake/lake.js';
import { typedValue } from './field-sql.js';
import { demoteField, MATCH_SHARE } from './infer-schema.js';
import { isConversionError, nativeCsvSelect } from './native-csv.js';
import type { SourceTable } from './read-table.js';
import type { RawCounts } from './validate.js';

/**
 * COPY to Parquet, typed. CSV tries DuckDB's own typing for the columns where it means the same (native-csv.ts)
 * and falls back to the text path on the first value DuckDB cannot read. Returns the natively read columns:
 * they hold no invalid value, so they need no counting pass.
 */
export async function writeParquet(
  conn: Awaited<ReturnType<Lake['connect']>>,
  source: SourceTable,
  schema: TableSchema,
  out: string,
  tryNative: boolean,
): Promise<Set<string>> {
  const copy = (select: string) => conn.run(`COPY (${select}) TO ${literal(out)} (FORMAT parquet, COMPRESSION zstd)`);
  const fast = tryNative ? nativeCsvSelect(source, schema) : null;
  if (fast) {
    try {
      await copy(fast.sql);
      return fast.native;
    } catch (error) {
      if (!isConversionError(error)) throw error;
    }
  }
  await copy(`SELECT ${schema.fields.map((f) => `${typedValue(ident(f.name), f)} AS ${ident(f.name)}`).join(', ')} FROM ${source.sql}`);
  return new Set();
}

/** Inferred columns whose values failed beyond 1% on the whole file are demoted; true when one was. */
export function demoteFailing(schema: TableSchema, raw: RawCounts, profile: ColumnProfile[]): boolean {
  let changed = false;
  schema.fields = schema.fields.map((f) => {
    if (f.type === 'string') return f;
    const stored = profile.find((p) => p.name === f.name)?.count ?? 0;
    const nonEmpty = raw.nonEmpty[f.name] ?? 0;
    if (nonEmpty - stored <= (1 - MATCH_SHARE) * nonEmpty) return f;
    changed = true;
    return demoteField(f);
  });
  return changed;
}
