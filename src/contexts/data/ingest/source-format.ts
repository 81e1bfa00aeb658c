import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../core/errors.js';

/** The upload formats we read, and how a file's format is decided: the publisher's word, the name, the bytes. */
export const FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'xlsx', 'parquet'] as const;
export type SourceFormat = (typeof FORMATS)[number];

const BY_EXTENSION: Record<string, SourceFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.xlsx': 'xlsx',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/** Formats whose bytes are text (decoded and transcoded first); the others are binary containers. */
export const isTextFormat = (format: SourceFormat) => format !== 'xlsx' && format !== 'parquet';

export function formatId(name: string): SourceFormat {
  const f = name.trim().toLowerCase();
  if (!(FORMATS as readonly string[]).includes(f)) {
    throw new AppError('data.format_unknown', `Unknown format "${name}"; use one of ${FORMATS.join(', ')}`, 422, { field: 'format', formats: FORMATS });
  }
  return f as SourceFormat;
}

/** Decides the format; refuses ZIP archives other than XLSX and other binaries we cannot read. */
export async function detectFormat(file: string, filename: string, requested?: string | null): Promise<SourceFormat> {
  const handle = await fs.open(file, 'r');
  const head = Buffer.alloc(4096);
  let length: number;
  try {
    ({ bytesRead: length } = await handle.read(head, 0, head.length, 0));
  } finally {
    await handle.close();
  }
  if (length === 0) throw new AppError('data.file_empty', 'The file is empty', 422, { field: 'file' });
  const bytes = head.subarray(0, length);
  const magic = bytes.subarray(0, 4).toString('latin1');
  const sniffed: SourceFormat | null = magic === 'PAR1' ? 'parquet' : magic === 'PK\u0003\u0004' ? 'xlsx' : null;
  const format = requested ? formatId(requested) : (sniffed ?? BY_EXTENSION[path.extname(filename).toLowerCase()] ?? textGuess(bytes));
  if (format === 'parquet' && magic !== 'PAR1')
    throw new AppError('data.file_invalid', 'Not a Parquet file (it does not start with PAR1)', 422, { field: 'file' });
  if (format === 'xlsx' && magic !== 'PK\u0003\u0004')
    throw new AppError('data.file_invalid', 'Not an XLSX workbook (it is not a ZIP container)', 422, { field: 'file' });
  if (isTextFormat(format) && sniffed) {
    throw new AppError('data.file_binary', `The file is a ${sniffed === 'xlsx' ? 'ZIP/XLSX' : 'Parquet'} container, not ${format.toUpperCase()} text`, 415, {
      field: 'file',
    });
  }
  return format;
}

/** A file with no telling name: JSON if it starts like JSON, CSV otherwise (the reader will say if not). */
function textGuess(bytes: Buffer): SourceFormat {
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return /^\{[^\n]*\}\s*\n\s*\{/.test(text) ? 'ndjson' : 'json';
  return 'csv';
}

/** The first record of a delimited UTF-8 file (quotes respected, BOM dropped), read from its first 1 MB. */
export async function readHeaderRecord(file: string, delimiter: string): Promise<string[]> {
  const handle = await fs.open(file, 'r');
  let fields: string[] = [];
  try {
    // The first 64 KB hold the header of nearly every file (decoding a whole megabyte cost 5 ms): more is read only
    // when the record does not end within them.
    for (const size of [64 * 1024, 1 << 20]) {
      const buf = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buf, 0, size, 0);
      const record = scanRecord(
        buf
          .subarray(0, bytesRead)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
        delimiter,
        true,
      );
      fields = record.fields;
      if (record.ended || bytesRead < size) break;
    }
  } finally {
    await handle.close();
  }
  return fields.map((f) => f.trim());
}

/** The fields of a record's text (RFC 4180 quotes); with `endAtLineBreak`, the first record of a longer text. */
export function splitRecord(text: string, delimiter: string, opts: { endAtLineBreak?: boolean } = {}): string[] {
  return scanRecord(text, delimiter, opts.endAtLineBreak ?? false).fields;
}

/** The fields of the text's first record, and whether a line break (outside quotes) ended it. */
function scanRecord(text: string, delimiter: string, endAtLineBreak: boolean): { fields: string[]; ended: boolean } {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let ended = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (endAtLineBreak && (ch === '\n' || ch === '\r')) {
      ended = true;
      break;
    } else field += ch;
  }
  fields.push(field);
  return { fields, ended };
}

/** The delimiter of a CSV whose publisher did not say: the candidate seen most in the header line. */
export async function sniffDelimiter(file: string, format: SourceFormat): Promise<string> {
  if (format === 'tsv') return '\t';
  const handle = await fs.open(file, 'r');
  const buf = Buffer.alloc(64 * 1024);
  let length: number;
  try {
    ({ bytesRead: length } = await handle.read(buf, 0, buf.length, 0));
  } finally {
    await handle.close();
  }
  const line = buf
    .subarray(0, length)
    .toString('utf8')
    .split('\n')[0]!
    .replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';', '|'].map((d) => ({ d, n: line.split(d).length - 1 }));
  const best = counts.sort((a, b) => b.n - a.n)[0]!;
  return best.n > 0 ? best.d : ',';
}
