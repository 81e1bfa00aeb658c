import { createReadStream } from 'node:fs';
import type { ValidationProblem } from '../domain/table-schema.js';
import { splitRecord } from './source-format.js';

/**
 * Ragged rows of a delimited text file: records with fewer fields than the header (too few) or with values
 * beyond the header's last column (too many; empty extra fields, as trailing delimiters leave, are not a
 * problem). One streaming pass over the UTF-8 text, parsed as DuckDB reads it (RFC 4180 quotes, `""` inside a
 * quoted field, CR/LF, blank lines skipped), so record numbers are the data rows the rest of the report uses.
 */
export const RAGGED_LISTED = 200;

export interface RaggedReport {
  tooMany: number;
  tooFew: number;
  /** The most fields any record has (the header included): how wide the file must be read. */
  maxFields: number;
  /** The most common number of fields per record (the header included): the file's own width. */
  commonWidth: number;
  /** Every ragged data row (1-based, header excluded), ascending: what "drop the bad rows" removes. */
  rows: number[];
  /** The first ones, by row and column, for the report. */
  problems: ValidationProblem[];
}

const shown = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

export async function findRaggedRows(file: string, delimiter: string, rawHeader: string[]): Promise<RaggedReport> {
  const width = rawHeader.length;
  // A row may stop before trailing unnamed header cells (a header ending in delimiters): that is not too few.
  const named = rawHeader.reduce((last, h, i) => (h.trim() ? i + 1 : last), 0);
  const header = rawHeader.map((h, i) => h.trim() || `#${i + 1}`);
  const out: RaggedReport = { tooMany: 0, tooFew: 0, maxFields: width, commonWidth: width, rows: [], problems: [] };
  const widths = new Map<number, number>();
  const delim = delimiter.charCodeAt(0);
  // Per record: fields so far, whether anything but the line end was seen, whether a field past the header holds a value.
  let fields = 1;
  let content = false;
  let extraValue = false;
  let quoted = false;
  let fieldEmpty = true; // the current field has no character yet (a quote may open it)
  let record = -1; // the header is record 0
  let carry: Buffer = Buffer.alloc(0); // the current record's bytes from earlier chunks (kept only to quote a ragged row)
  let skipLF = false;
  let first = true;
  const endRecord = (text: () => string) => {
    if (content || fields > 1) {
      record++;
      if (fields > out.maxFields) out.maxFields = fields;
      widths.set(fields, (widths.get(fields) ?? 0) + 1);
      if (record > 0 && (fields < named || (fields > width && extraValue))) check(record, text());
    }
    fields = 1;
    content = false;
    extraValue = false;
    fieldEmpty = true;
  };
  const check = (row: number, text: string) => {
    if (fields < named) {
      out.tooFew++;
      out.rows.push(row);
      if (out.problems.length < RAGGED_LISTED) {
        out.problems.push({
          row,
          column: header[fields] ?? `#${fields + 1}`,
          value: shown(text),
          rule: 'ragged_too_few',
          message: `Row ${row} has ${fields} fields; the header has ${width}: "${header[fields] ?? ''}" and the columns after it have no value in this row`,
        });
      }
    } else if (fields > width && extraValue) {
      out.tooMany++;
      out.rows.push(row);
      if (out.problems.length < RAGGED_LISTED) {
        const extra = splitRecord(text, delimiter)
          .slice(width)
          .map((x) => x.trim());
        out.problems.push({
          row,
          column: header[width - 1] ?? '',
          value: shown(extra.join(delimiter)),
          rule: 'ragged_too_many',
          message: `Row ${row} has ${fields} fields; the header has ${width}: the values after "${header[width - 1] ?? ''}" belong to no column`,
        });
      }
    }
  };
  // Bytes, not decoded text: quotes, delimiters, line ends and spaces are ASCII, and no byte of a UTF-8 multibyte
  // character is ASCII, so the fields counted are the same; only a ragged row's own text is decoded, to quote it.
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = chunk as Buffer;
    let start = 0;
    let i = 0;
    if (first) {
      first = false;
      if (text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf) {
        i = 3;
        start = 3;
      }
    }
    let nextQuote = -1;
    let nextCR = -1;
    for (; i < text.length; i++) {
      if (i === start && fields === 1 && !content && !quoted && !skipLF) {
        // Fast path for a whole line without quotes or CR, no wider than the header: count its delimiters with
        // indexOf (native) instead of byte by byte. Anything else goes through the byte loop below.
        const lf = text.indexOf(LF, i);
        if (lf >= 0) {
          if (nextQuote !== -2 && nextQuote < i) {
            const q = text.indexOf(QUOTE, i);
            nextQuote = q === -1 ? -2 : q;
          }
          if (nextCR !== -2 && nextCR < i) {
            const r = text.indexOf(CR, i);
            nextCR = r === -1 ? -2 : r;
          }
          if ((nextQuote === -2 || nextQuote > lf) && (nextCR === -2 || nextCR > lf)) {
            let n = 1;
            for (let p = text.indexOf(delim, i); p !== -1 && p < lf && n <= width; p = text.indexOf(delim, p + 1)) n++;
            if (n <= width) {
              if (lf > i || n > 1) {
                // a record (a blank line is none): counted as endRecord does, its text made only if ragged
                record++;
                widths.set(n, (widths.get(n) ?? 0) + 1);
                if (record > 0 && n < named) {
                  fields = n;
                  check(record, Buffer.concat([carry, text.subarray(i, lf)]).toString('utf8'));
                  fields = 1;
                }
              }
              carry = Buffer.alloc(0);
              start = lf + 1;
              i = lf;
              continue;
            }
          }
        }
      }
      const c = text[i]!;
      if (skipLF) {
        skipLF = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (quoted) {
        if (c === QUOTE) {
          if (text[i + 1] === QUOTE) i++;
          else quoted = false;
        } else if (fields > width) extraValue = true;
        continue;
      }
      if (c === delim) {
        fields++;
        content = true;
        fieldEmpty = true;
        continue;
      }
      if (c === LF || c === CR) {
        const from = start;
        const to = i;
        endRecord(() => Buffer.concat([carry, text.subarray(from, to)]).toString('utf8'));
        carry = Buffer.alloc(0);
        start = i + 1;
        if (c === CR) skipLF = true;
        continue;
      }
      content = true;
      if (c === QUOTE && fieldEmpty) {
        quoted = true;
        fieldEmpty = false;
        continue;
      }
      fieldEmpty = false;
      if (fields > width && c !== SPACE && c !== TAB) extraValue = true;
    }
    carry = start === 0 ? Buffer.concat([carry, text]) : Buffer.from(text.subarray(start)); // the unfinished record's bytes so far
  }
  if (content || fields > 1) endRecord(() => carry.toString('utf8'));
  out.commonWidth = [...widths.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? width;
  return out;
}
