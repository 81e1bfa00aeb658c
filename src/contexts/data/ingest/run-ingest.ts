import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../core/errors.js';
import type { BadRowsChoice, ColumnProfile, TableSchema, ValidationReport } from '../domain/table-schema.js';
import { ident, literal, type Lake } from '../lake/lake.js';
import { detectEncoding, encodingId, headLooksUtf8, readHead, type Detection } from './detect-encoding.js';
import { duckMessage, queryRows, toNumber } from './duck.js';
import { typedValue } from './field-sql.js';
import { compareHeaders, type HeaderDrift } from './header-drift.js';
import { inferSchema } from './infer-schema.js';
import { profileParquet } from './profile.js';
import { openSource } from './read-table.js';
import { schemaForColumns } from './schema-input.js';
import { detectFormat, isTextFormat, sniffDelimiter, type SourceFormat } from './source-format.js';
import { trailingDelimiterScanner, trailingShare } from './trailing-delimiters.js';
import { transcodeToUtf8 } from './transcode.js';
import {
  countFailures,
  countRaw,
  findReplacements,
  hasReplacement,
  listProblems,
  REPLACEMENT,
  replacementScanner,
  validationReport,
  withFileProblems,
  type RawCounts,
} from './validate.js';
import { xlsxToCsv } from './xlsx-to-csv.js';
import { demoteFailing, writeParquet } from './write-table.js';

/**
 * The ingest pipeline, one file → one typed Parquet file with its report. JavaScript only decides; DuckDB reads,
 * types, validates and profiles in SQL, so a million rows cost about what DuckDB's own read_csv → Parquet does
 * plus one counting pass and a profile (bench/ingest.ts measures the ratio).
 *
 *   detect format → detect encoding → transcode to UTF-8 (if needed) → open as text columns → infer or take
 *   the schema (first rows) → count rows and values (one pass) → COPY typed → profile the Parquet →
 *   failures = non-empty − stored per column → (demote a column that failed on the full file, write again)
 *   → list the first problems (only when there are some) → header drift against the previous version.
 */
export const MAX_SOURCE_BYTES = 500 * 1024 * 1024;
export const SAMPLE_ROWS_SHOWN = 20;

export interface IngestOptions {
  format?: string | null;
  encoding?: string | null;
  delimiter?: string | null;
  schema?: unknown;
  columnMap?: Record<string, string> | null;
  /** Bad rows (ragged, holding undecodable bytes, or with invalid values): kept as stated (default) or dropped. */
  badRows?: BadRowsChoice | null;
}

export interface IngestResult {
  detection: Detection | null;
  format: SourceFormat;
  delimiter: string | null;
  rows: number;
  columns: string[];
  dropped: string[];
  renamed: Record<string, string>;
  schema: TableSchema;
  validation: ValidationReport;
  profile: ColumnProfile[];
  headerDrift: HeaderDrift | null;
  sampleRows: Array<Record<string, string | null>>;
  /** The Parquet file written in workDir (the caller moves it into the lake). */
  parquet: string;
  /** The UTF-8 text the tables were read from (the original when it already was UTF-8). */
  utf8File: string;
  /**
   * How the text was read: `one-pass` (a regular UTF-8 CSV/TSV, typed and written while its bytes were checked)
   * or `checked` (every other file: ragged rows counted first, transcoded when not UTF-8).
   */
  readPath: 'one-pass' | 'checked';
  /** The original file's size and SHA-256 (hashed while detection reads it anyway). */
  bytes: number;
  sha256: string;
  timings: Record<string, number>;
}

export interface IngestInput {
  file: string;
  filename: string;
  options: IngestOptions;
  /** A private folder for temporary files (transcoded text, the Parquet file before it is published). */
  workDir: string;
  previous?: { version: number; columns: string[] } | null;
}

function delimiterOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const d = value === 'tab' || value === '\\t' ? '\t' : value;
  if (d.length !== 1 || /[\r\n"]/.test(d))
    throw new AppError('validation.failed', 'delimiter: one character (or "tab")', 422, [
      { field: 'delimiter', code: 'validation.choice', message: 'One character, or "tab"' },
    ]);
  return d;
}

export async function runIngest(lake: Lake, input: IngestInput): Promise<IngestResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const stat = await fs.stat(input.file).catch(() => null);
  if (!stat?.isFile()) throw new AppError('data.file_missing', `No file at ${input.file}`, 422, { field: 'file' });
  if (stat.size > MAX_SOURCE_BYTES)
    throw new AppError('data.file_too_large', `The file has ${stat.size} bytes; the limit is ${MAX_SOURCE_BYTES}`, 413, { field: 'file' });
  const format = await detectFormat(input.file, input.filename, input.options.format);
  let detection: Detection | null = null;
  let utf8File = input.file;
  let readFormat: SourceFormat = format;
  const hash = createHash('sha256');
  /** Replacement characters in the original file, looked for while detection reads it (no pass of its own). */
  const inOriginal = replacementScanner();
  const conn = await lake.connect();
  const inferred = input.options.schema === undefined || input.options.schema === null;
  /** Opens the (UTF-8) text as columns and types them: inferred, or the publisher's schema. */
  const open = async (file: string, fmt: SourceFormat, assumeRegular = false, known: string | null = null) => {
    const delimiter = fmt === 'csv' || fmt === 'tsv' ? (known ?? delimiterOf(input.options.delimiter) ?? (await sniffDelimiter(file, fmt))) : null;
    const source = await openSource(conn, {
      file,
      format: fmt,
      delimiter: delimiter ?? ',',
      columnMap: input.options.columnMap ?? undefined,
      dropRagged: input.options.badRows === 'drop',
      assumeRegular,
    });
    const schema = inferred ? await inferSchema(conn, source) : schemaForColumns(input.options.schema, source.columns);
    return { delimiter, source, schema };
  };
  type Opened = Awaited<ReturnType<typeof open>>;
  const parquet = path.join(input.workDir, 'data.parquet');
  let opened: Promise<Opened> | null = null;
  /** The one-pass read (below) and what it did: opened, written (natively read columns), DuckDB's time for each. */
  let onePass: Promise<{ opened: Opened; native: Set<string>; infer: number; write: number }> | null = null;
  let prewritten: Set<string> | null = null;
  let readPath: IngestResult['readPath'] = 'checked';
  let trailing: ReturnType<typeof trailingDelimiterScanner> | null = null;
  let detectAfter: Promise<void> | null = null;
  try {
    if (isTextFormat(format)) {
      const maybeUtf8 = !input.options.encoding || encodingId(input.options.encoding) === 'utf-8';
      const started = performance.now();
      const head = maybeUtf8 && (format === 'csv' || format === 'tsv') ? await readHead(input.file) : null;
      const headDelimiter = head ? (delimiterOf(input.options.delimiter) ?? (await sniffDelimiter(input.file, format))) : null;
      // Many lines ending in the delimiter may be records wider than the header (trailing-delimiters.ts): the checked read.
      if (head && headDelimiter && headLooksUtf8(head) && trailingShare(head, headDelimiter) <= 0.25) {
        trailing = trailingDelimiterScanner(headDelimiter);
        // The one-pass read: a CSV whose first 64 KB read as UTF-8 is opened as regular (every record the header's
        // width), its schema inferred on its first rows and written to typed Parquet by DuckDB, while JavaScript
        // reads every byte once for the encoding, the SHA-256 and replacement characters. The result stands only
        // if the whole file is UTF-8 and DuckDB's strict read met no record of another width; otherwise it is
        // thrown away and the file is read the checked way (ragged rows counted first, transcoded if needed).
        let inferred!: () => void;
        detectAfter = new Promise<void>((resolve) => {
          inferred = resolve;
        });
        (onePass = (async () => {
          const t0 = performance.now();
          const o = await open(input.file, format, true, headDelimiter).finally(inferred);
          const t1 = performance.now();
          const native = await writeParquet(conn, o.source, o.schema, parquet, true);
          return { opened: o, native, infer: t1 - t0, write: performance.now() - t1 };
        })()).catch(() => undefined);
      } else if (maybeUtf8) {
        // Other UTF-8 candidates (JSON, a CSV that may not be UTF-8): DuckDB opens the file while JavaScript checks
        // every byte, and the work is thrown away when the file turns out to be in another encoding.
        (opened = open(input.file, format)).catch(() => undefined);
      }
      // Detection waits for the one-pass inference (a short read of the first rows) and then runs beside the write:
      // beside the inference, its reads on the main thread held up every step of it (measured 52–128 ms, 25–30 alone).
      await detectAfter;
      detection = await detectEncoding(input.file, {
        override: input.options.encoding,
        onChunk: (chunk) => {
          hash.update(chunk);
          inOriginal.feed(chunk);
          trailing?.feed(chunk);
        },
      });
      if (onePass) {
        // Not UTF-8 after all: stop DuckDB's read rather than wait for it (best effort: between statements it runs on).
        if (detection.encoding !== 'utf-8') conn.interrupt();
        const read = await onePass.catch(() => null);
        let done = detection.encoding === 'utf-8' ? read : null;
        trailing?.finish();
        if (done && trailing?.count) {
          // More line ends like a trailing delimiter than half the records: their width may be the file's common one.
          const [meta] = await queryRows(conn, `SELECT num_rows AS n FROM parquet_file_metadata(${literal(parquet)})`);
          if (2 * trailing.count > (toNumber(meta?.n) ?? 0) + 1) done = null;
        }
        onePass = null;
        if (done) {
          readPath = 'one-pass';
          opened = Promise.resolve(done.opened);
          prewritten = done.native;
          // DuckDB's work, then what detection added beyond it (nothing when it finished first).
          timings.infer = Math.round(done.infer);
          timings.write = Math.round(done.write);
          timings.detect = Math.max(0, Math.round(performance.now() - started - done.infer - done.write));
          t = performance.now();
        } else {
          await fs.rm(parquet, { force: true });
          lap('detect');
          if (detection.encoding === 'utf-8') (opened = open(input.file, format)).catch(() => undefined);
        }
      } else lap('detect');
      if (detection.encoding !== 'utf-8') {
        await opened?.catch(() => undefined);
        opened = null;
        utf8File = await transcodeToUtf8(input.file, detection.encoding, path.join(input.workDir, `utf8${path.extname(input.filename) || '.txt'}`));
        lap('transcode');
      }
    } else {
      for await (const chunk of createReadStream(input.file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
      if (format === 'xlsx') {
        utf8File = await xlsxToCsv(input.file, path.join(input.workDir, 'sheet.csv'));
        readFormat = 'csv';
        lap('xlsx');
      }
    }
    const sha256 = hash.digest('hex');
    const opened2 = await (opened ?? open(utf8File, readFormat));
    const { delimiter, schema } = opened2;
    let source = opened2.source;
    if (!prewritten) lap('infer');
    // Cells the decoder could not read (U+FFFD), counted on the file as read (before any row is dropped).
    const anyReplacement = utf8File === input.file && detection ? inOriginal.seen : await hasReplacement(utf8File);
    const replacements = anyReplacement ? await findReplacements(conn, source) : { byColumn: {}, problems: [] };
    lap('replacements');
    const drop = input.options.badRows === 'drop';
    let profile: ColumnProfile[] = [];
    let raw: RawCounts = { rows: 0, nonEmpty: {} };
    for (let attempt = 0; attempt < 3; attempt++) {
      const native = attempt === 0 && prewritten ? prewritten : await writeParquet(conn, source, schema, parquet, attempt === 0);
      if (attempt || !prewritten) lap(attempt ? `write${attempt}` : 'write');
      const profiled = await profileParquet(conn, parquet, schema);
      profile = profiled.columns;
      if (profiled.rows === 0) throw new AppError('data.no_rows', 'The file has a header but no data rows', 422, { field: 'file' });
      lap(attempt ? `profile${attempt}` : 'profile');
      raw = await countRaw(conn, source, schema, profile, profiled.rows, native);
      lap(attempt ? `count${attempt}` : 'count');
      if (!inferred || !demoteFailing(schema, raw, profile)) break;
    }
    let failures = countFailures(schema, raw, profile);
    let droppedRows = source.droppedRagged ?? 0;
    const invalidAny = Object.values(failures).some((f) => f.invalid > 0);
    if (drop && (invalidAny || Object.keys(replacements.byColumn).length)) {
      // "Drop the bad rows": rows with an invalid value (for the final schema) or an undecodable cell leave too.
      const before = raw.rows;
      const keep = schema.fields.flatMap((f) => {
        const c = ident(f.name);
        const conds = [`NOT coalesce(contains(${c}, ${literal(REPLACEMENT)}), false)`];
        if (f.type !== 'string' && failures[f.name]?.invalid) conds.push(`NOT (nullif(trim(${c}), '') IS NOT NULL AND (${typedValue(c, f)}) IS NULL)`);
        return conds;
      });
      source = { ...source, sql: `(SELECT * FROM ${source.sql} WHERE ${keep.join(' AND ')})`, csv: undefined };
      await writeParquet(conn, source, schema, parquet, false);
      profile = (await profileParquet(conn, parquet, schema)).columns;
      const rows = Number((await queryRows(conn, `SELECT count(*) AS n FROM read_parquet(${literal(parquet)})`))[0]?.n ?? 0);
      if (rows === 0) throw new AppError('data.no_rows', 'Every row had a problem: dropping the bad rows leaves none', 422, { field: 'file' });
      raw = await countRaw(conn, source, schema, profile, rows);
      droppedRows += before - rows;
      failures = countFailures(schema, raw, profile);
      lap('drop');
    }
    if (inferred) {
      for (const f of schema.fields) if ((profile.find((p) => p.name === f.name)?.count ?? 0) === raw.rows) f.constraints = { required: true };
      failures = countFailures(schema, raw, profile);
    }
    const columnReport = validationReport(failures, await listProblems(conn, source, schema, failures));
    const validation = withFileProblems(columnReport, source.ragged, replacements);
    if (input.options.badRows && validation.total > 0) validation.badRows = { choice: input.options.badRows, droppedRows: drop ? droppedRows : 0 };
    lap('validate');
    const sample = await queryRows(
      conn,
      `SELECT ${schema.fields.map((f) => `CAST(${ident(f.name)} AS VARCHAR) AS ${ident(f.name)}`).join(', ')} FROM read_parquet(${literal(parquet)}) LIMIT ${SAMPLE_ROWS_SHOWN}`,
    );
    const previous = input.previous;
    return {
      detection,
      format,
      delimiter,
      rows: raw.rows,
      columns: source.columns,
      dropped: source.dropped,
      renamed: source.renamed,
      schema,
      validation,
      profile,
      headerDrift: previous ? compareHeaders(previous.columns, source.columns, previous.version) : null,
      sampleRows: sample.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)]))),
      parquet,
      utf8File,
      readPath,
      bytes: stat.size,
      sha256,
      timings,
    };
  } catch (error) {
    // DuckDB's reading errors ("Invalid Input Error: … Line: 12") are about the file; anything else is ours.
    if (error instanceof AppError || !/^[A-Z][A-Za-z ]* Error: /.test(duckMessage(error))) throw error;
    throw new AppError('data.file_unreadable', `Could not read the file as ${readFormat.toUpperCase()}: ${duckMessage(error)}`, 422, { field: 'file' });
  } finally {
    await opened?.catch(() => undefined); // never close the connection under a running query
    await onePass?.catch(() => undefined);
    conn.closeSync();
  }
}
