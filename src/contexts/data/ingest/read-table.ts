import fs from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../core/errors.js';
import { ident, literal } from '../lake/lake.js';
import { duckMessage, queryRows, toNumber } from './duck.js';
import { findRaggedRows, type RaggedReport } from './ragged-rows.js';
import { readHeaderRecord, type SourceFormat } from './source-format.js';

/**
 * A readable source for the rest of the pipeline: one SQL table expression that yields every column as text
 * under its final name, in file order. Nothing is materialised: inference reads its first rows, the Parquet
 * writer and the counts stream it, so DuckDB parses the file only as often as a pass needs it.
 */
export interface SourceTable {
  sql: string;
  /**
   * The same rows read for a sample (its first rows with LIMIT): CSV/TSV with small read buffers, so DuckDB's
   * parallel reader parses a few megabytes for them, not one large buffer per thread. Absent: use `sql`.
   */
  sample?: string;
  columns: string[];
  /** Columns left out because they had neither a name nor a value (trailing commas, empty header cells). */
  dropped: string[];
  /** Renames applied from the publisher's column map ({ new name: previous name }). */
  renamed: Record<string, string>;
  /** For CSV/TSV: how to read the same file with DuckDB's own types (native-csv.ts); absent when rows are dropped. */
  csv?: { file: string; options: string; width: number; kept: Array<{ index: number; name: string }> };
  /** For CSV/TSV: rows with too few or too many fields (never turned into invented columns). */
  ragged?: RaggedReport;
  /** Ragged rows left out at the publisher's choice ("drop the bad rows"). */
  droppedRagged?: number;
}

export interface ReadOptions {
  /** A UTF-8 file for text formats (transcoded if needed); the original for Parquet. */
  file: string;
  format: SourceFormat;
  delimiter: string;
  columnMap?: Record<string, string>;
  /** Leave ragged rows out (the publisher chose to drop bad rows); by default they are kept and reported. */
  dropRagged?: boolean;
  /**
   * CSV/TSV, the one-pass read: take every record to have the header's width instead of counting fields first
   * (findRaggedRows, a pass of its own). DuckDB reads strictly, without null padding, so the first record of
   * another width stops any statement on the source with "Expected Number of Columns": the caller then opens
   * the file again the checked way. A statement that read the whole file proves the file
   * has no ragged row, and the empty ragged report is true.
   */
  assumeRegular?: boolean;
}

/** The longest record we read (4 MB); a sample's read buffer is one such record. */
const MAX_LINE = 4 * 1024 * 1024;
/**
 * A whole-file read's buffer: 16 MiB. Without one, our 4 MB max_line_size made DuckDB's read of the 1M-row bench
 * file (75 MB) markedly less parallel (its typed write took 610 ms). With DuckDB's default of about 32 MB the
 * write took what DuckDB's plain read_csv takes (460 ms); 16 MiB gives the two threads more, smaller buffers to
 * share, measured a little faster again (8 runs: mean 468 against 485 ms). Lines up to MAX_LINE still read, also
 * across two buffers (run-ingest.test.ts).
 */
const READ_BUFFER = 4 * MAX_LINE;
const NESTED = /STRUCT|MAP|\[\]|JSON|UNION/;

async function describe(conn: DuckDBConnection, sql: string, what: string): Promise<Array<{ name: string; type: string }>> {
  try {
    return (await queryRows(conn, `DESCRIBE SELECT * FROM ${sql}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  } catch (error) {
    throw new AppError('data.file_unreadable', `Could not read the file as ${what}: ${duckMessage(error)}`, 422, { field: 'file' });
  }
}

/** JSON: an array of records, newline-delimited records, or an object holding them (Seoul's {DESCRIPTION, DATA}). */
async function jsonBase(conn: DuckDBConnection, file: string, format: SourceFormat): Promise<string> {
  const size = (await fs.stat(file)).size;
  const objectSize = `maximum_object_size=${Math.max(16 * 1024 * 1024, size + 1)}`;
  if (format === 'ndjson') return `read_json(${literal(file)}, format='newline_delimited')`;
  const handle = await fs.open(file, 'r');
  const head = Buffer.alloc(1024);
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const first = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()[0];
  if (first === '[') return `read_json(${literal(file)}, format='array', ${objectSize})`;
  if (first !== '{') throw new AppError('data.file_unreadable', 'Not JSON: expected an array of records or an object holding one', 422, { field: 'file' });
  const top = await describe(conn, `read_json(${literal(file)}, format='auto', maximum_depth=1, ${objectSize})`, 'JSON');
  if (top.length === 1 && !NESTED.test(top[0]!.type)) return `read_json(${literal(file)}, format='newline_delimited')`;
  const shapes = await describe(conn, `read_json(${literal(file)}, format='auto', ${objectSize})`, 'JSON');
  const list = shapes.find((c) => c.name.toUpperCase() === 'DATA' && c.type.endsWith('[]')) ?? shapes.find((c) => /^STRUCT\(.*\)\[\]$/.test(c.type));
  if (!list) {
    // One record per line also starts with '{'.
    return `read_json(${literal(file)}, format='newline_delimited')`;
  }
  return `(SELECT unnest(${ident(list.name)}, max_depth := 2) FROM read_json(${literal(file)}, format='auto', ${objectSize}))`;
}

/** Final names: trimmed header cells, unnamed columns named by position, duplicates numbered, the map applied. */
function finalNames(cells: Array<{ header: string | undefined; position: number }>, columnMap: Record<string, string>) {
  const taken = new Set<string>();
  const names: string[] = [];
  for (const cell of cells) {
    let name = cell.header?.trim() || `column${cell.position + 1}`;
    if (taken.has(name)) {
      let k = 2;
      while (taken.has(`${name}_${k}`)) k++;
      name = `${name}_${k}`;
    }
    taken.add(name);
    names.push(name);
  }
  const renamed: Record<string, string> = {};
  for (const [from, to] of Object.entries(columnMap)) {
    const i = names.indexOf(from);
    if (i < 0 || from === to) continue;
    if (names.includes(to))
      throw new AppError('data.column_map', `columnMap: "${from}" cannot become "${to}", which the file already has`, 422, { field: 'columnMap' });
    names[i] = to;
    renamed[from] = to;
  }
  return { names, renamed };
}

export async function openSource(conn: DuckDBConnection, opts: ReadOptions): Promise<SourceTable> {
  const { file, format } = opts;
  let base: string;
  let header: Array<string | undefined> = [];
  const csvOptions = `header=true, null_padding=${opts.assumeRegular ? 'false' : 'true'}, strict_mode=true, delim=${literal(opts.delimiter)}, quote='"', escape='"', max_line_size=${MAX_LINE}, buffer_size=${READ_BUFFER}`;
  let ragged: RaggedReport | undefined;
  /** The columns as DuckDB reads them: for CSV/TSV the ones we name (c0, c1, …, all text); other formats say theirs. */
  let described: Array<{ name: string; type: string }> | null = null;
  if (format === 'csv' || format === 'tsv') {
    header = await readHeaderRecord(file, opts.delimiter);
    // The dialect is known (delimiter, RFC 4180 quotes, a header), and the width from one pass that also finds
    // ragged rows: DuckDB's sniffer is not asked (it gives up on files whose rows differ in width). Read as
    // regular, the header gives the width and DuckDB's strict read checks every record against it.
    ragged = opts.assumeRegular
      ? { tooMany: 0, tooFew: 0, maxFields: header.length, commonWidth: header.length, rows: [], problems: [] }
      : await findRaggedRows(
          file,
          opts.delimiter,
          header.map((h) => h ?? ''),
        );
    described = Array.from({ length: ragged.maxFields }, (_, i) => ({ name: `c${i}`, type: 'VARCHAR' }));
    base = `read_csv(${literal(file)}, ${csvOptions}, auto_detect=false, columns={${described.map((c) => `'${c.name}': '${c.type}'`).join(', ')}})`;
  } else if (format === 'parquet') {
    base = `read_parquet(${literal(file)})`;
  } else {
    base = await jsonBase(conn, file, format);
  }
  if (!described) {
    described = await describe(conn, base, format.toUpperCase());
    header = described.map((c) => c.name);
  }
  // DuckDB names cells beyond the header, or empty header cells, itself (column6); they are dropped when empty.
  // Cells beyond a CSV header are never a column (no invented `column4`): rows holding values there are ragged,
  // reported by row, and kept without those values or dropped, as the publisher chooses.
  const text = format === 'csv' || format === 'tsv';
  const beyond = (i: number) => text && i >= header.length;
  const unnamed = described.map((_, i) => i).filter((i) => !header[i]?.trim() && !beyond(i));
  let empty = new Set<number>();
  if (unnamed.length) {
    const [counts] = await queryRows(
      conn,
      `SELECT ${unnamed.map((i) => `count(nullif(trim(${ident(described[i]!.name)}), '')) AS "${i}"`).join(', ')} FROM ${base}`,
    );
    empty = new Set(unnamed.filter((i) => toNumber(counts?.[String(i)]) === 0));
  }
  for (const i of described.map((_, k) => k).filter(beyond)) empty.add(i);
  const kept = described.map((c, i) => ({ ...c, i })).filter((c) => !empty.has(c.i));
  if (kept.length === 0) throw new AppError('data.no_columns', 'The file has no columns', 422, { field: 'file' });
  const { names, renamed } = finalNames(
    kept.map((c) => ({ header: header[c.i], position: c.i })),
    opts.columnMap ?? {},
  );
  const select = kept.map((c, k) => {
    const value =
      c.type === 'VARCHAR' ? ident(c.name) : NESTED.test(c.type) ? `CAST(to_json(${ident(c.name)}) AS VARCHAR)` : `CAST(${ident(c.name)} AS VARCHAR)`;
    return `${value} AS ${ident(names[k]!)}`;
  });
  const dropRows = opts.dropRagged && ragged?.rows.length ? ragged.rows : null;
  // Scan order is file order, so row_number() over the scan is the data row the ragged report counted.
  const from = dropRows
    ? `(SELECT * FROM (SELECT *, row_number() OVER () AS "__row" FROM ${base}) WHERE "__row" NOT IN (SELECT unnest([${dropRows.join(',')}])))`
    : base;
  const sampleBase = text && !dropRows ? base.replace(`buffer_size=${READ_BUFFER}`, `buffer_size=${MAX_LINE}, parallel=false`) : null;
  return {
    sql: `(SELECT ${select.join(', ')} FROM ${from})`,
    ...(sampleBase ? { sample: `(SELECT ${select.join(', ')} FROM ${sampleBase})` } : {}),
    columns: names,
    // Empty columns within the header, and those every row has (trailing delimiters): said as dropped.
    dropped: described.flatMap((_, i) => (empty.has(i) && (!beyond(i) || i < (ragged?.commonWidth ?? 0)) ? [`column${i + 1}`] : [])),
    renamed,
    ...(text && !dropRows ? { csv: { file, options: csvOptions, width: described.length, kept: kept.map((c, k) => ({ index: c.i, name: names[k]! })) } } : {}),
    ...(ragged ? { ragged, droppedRagged: dropRows?.length ?? 0 } : {}),
  };
}
