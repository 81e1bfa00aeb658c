import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parse, CsvError } from 'csv-parse';
import { AppError } from '../../../core/errors.js';
import type { ReadLimits } from './gtfs-spec.js';
import { Utf8LineGuard } from './utf8-line-guard.js';

/**
 * One data record as text, with where it came from: `line` is the physical line it starts on (header = line 1),
 * `row` counts data records from 1.
 */
export interface CsvRecord {
  row: number;
  line: number;
  fields: string[];
}

export interface CsvTable {
  columns: string[];
  records: CsvRecord[];
}

/** "PK" then 03 04 (a local file), 05 06 (an empty archive) or 07 08 (a spanned archive). */
const ZIP_SIGNATURES = ['504b0304', '504b0506', '504b0708'];

/** True when the file starts like a ZIP archive. */
export async function looksLikeZip(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && ZIP_SIGNATURES.includes(buffer.toString('hex'));
  } finally {
    await handle.close();
  }
}

export function zipRefused(what: string) {
  return new AppError(
    'gtfs.zip_unsupported',
    `${what} is a ZIP archive. Archives are not expanded here (a small archive can hold gigabytes); unzip it first and pass the directory.`,
    415,
    { file: what },
  );
}

/**
 * Reads one CSV file of a feed, streaming: the size, encoding and line-length checks run before a byte reaches
 * the parser. Tolerates a UTF-8 BOM, CRLF or LF, quoted fields (with commas and line breaks), blank lines and
 * rows whose field count differs from the header (they are returned as they are; the caller reports them).
 * Returns null when the file does not exist.
 */
export async function readCsvFile(file: string, name: string, limits: ReadLimits): Promise<CsvTable | null> {
  const stat = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!stat) return null;
  if (!stat.isFile()) throw new AppError('gtfs.not_a_file', `${name} is not a regular file.`, 422, { file: name });
  if (stat.size > limits.maxFileBytes) {
    throw new AppError('gtfs.file_too_large', `${name} is ${stat.size} bytes, more than the ${limits.maxFileBytes} accepted; refusing it.`, 413, {
      file: name,
      size: stat.size,
      limit: limits.maxFileBytes,
    });
  }
  if (await looksLikeZip(file)) throw zipRefused(name);

  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: limits.maxLineBytes,
    record_delimiter: ['\r\n', '\n'], // both, whatever the first line uses: real feeds mix them
  });
  const done = pipeline(createReadStream(file, { highWaterMark: 64 * 1024 }), new Utf8LineGuard(name, limits), parser);
  done.catch(() => {}); // the same error surfaces from the iteration below
  let columns: string[] | null = null;
  const records: CsvRecord[] = [];
  // Physical lines (LF-terminated, as editors and the UTF-8 check count them): csv-parse's own count
  // differs inside quoted values, so each record's first line is worked out from the one before it, the
  // blank lines skipped since, and the line breaks inside its own values.
  let lastLine = 0;
  let lastEmpty = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { empty_lines: number } }>) {
      const line = lastLine + 1 + item.info.empty_lines - lastEmpty;
      lastLine = line + item.record.reduce((n, field) => n + countLineBreaks(field), 0);
      lastEmpty = item.info.empty_lines;
      if (!columns) columns = item.record.map((c) => c.trim());
      else records.push({ row: records.length + 1, line, fields: item.record });
    }
    await done;
  } catch (error) {
    throw asReadError(error, name);
  }
  if (!columns) throw new AppError('gtfs.empty_file', `${name} is empty: it has no header line.`, 422, { file: name });
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === '') continue; // a trailing comma in the header: no name, nothing to keep (see FieldReader.extra)
    if (seen.has(column)) {
      throw new AppError('gtfs.duplicate_column', `${name}: column "${column}" appears twice in the header.`, 422, { file: name, column });
    }
    seen.add(column);
  }
  return { columns, records };
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function asReadError(error: unknown, name: string): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      return new AppError('gtfs.line_too_long', `${name}: a record ending near line ${line} is longer than allowed; refusing the file.`, 413, {
        file: name,
        line,
      });
    }
    return new AppError('gtfs.csv_malformed', `${name} is not valid CSV near line ${line}: ${error.message}`, 422, { file: name, line, reason: error.code });
  }
  return error;
}
