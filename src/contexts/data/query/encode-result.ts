import type { DuckDBResult } from '@duckdb/node-api';
import { csvLines } from '../../../core/csv.js';
import { jsonValue } from './duck.js';

export type TextFormat = 'csv' | 'json';

/**
 * A DuckDB result as text, one piece per result chunk (about 2,048 rows), pulled as the client reads: nothing
 * is buffered beyond a chunk. CSV is RFC 4180 with a UTF-8 BOM (Excel reads the Korean) and CRLF; JSON is an
 * array of objects. `maxRows` stops early; `onLimit` hears about it.
 */
export async function* encodeResult(result: DuckDBResult, format: TextFormat, opts: { maxRows?: number; onLimit?: () => void } = {}): AsyncGenerator<string> {
  const names = result.deduplicatedColumnNames();
  const max = opts.maxRows ?? Infinity;
  yield format === 'csv' ? csvLines([names], 'spreadsheet', true) : '[';
  let sent = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    let rows = chunk.convertRows(jsonValue);
    const cut = sent + rows.length > max;
    if (cut) rows = rows.slice(0, max - sent);
    if (rows.length) {
      yield format === 'csv'
        ? csvLines(rows)
        : `${sent ? ',' : ''}\n${rows.map((r) => JSON.stringify(Object.fromEntries(names.map((n, i) => [n, r[i] ?? null])))).join(',\n')}`;
    }
    sent += rows.length;
    if (sent >= max) {
      if (cut || ((await result.fetchChunk())?.rowCount ?? 0) > 0) opts.onLimit?.();
      break;
    }
  }
  if (format === 'json') yield '\n]\n';
}
