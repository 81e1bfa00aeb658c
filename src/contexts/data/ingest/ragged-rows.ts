import { createReadStream } from 'node:fs';
import type { ValidationProblem } from '../domain/table-schema.js';

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

export async function findRaggedRows(file: string, delimiter: string, rawHeader: string[]): Promise<RaggedReport> {
  const width = rawHeader.length;
  // A row may stop before trailing unnamed header cells (a header ending in delimiters): that is not too few.
  const named = rawHeader.reduce((last, h, i) => (h.trim() ? i + 1 : last), 0);
  const header = rawHeader.map((h, i) => h.trim() || `#${i + 1}`);
  const out: RaggedReport = { tooMany: 0, tooFew: 0, maxFields: width, commonWidth: width, rows: [], problems: [] };
  const widths = new Map<number, number>();
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let record = -1; // the header is record 0
  let lastWasCR = false;
  let started = false;
  const endRecord = () => {
    fields.push(field);
    field = '';
    const blank = fields.length === 1 && fields[0] === '' && !afterQuote;
    if (!blank) {
      record++;
      if (fields.length > out.maxFields) out.maxFields = fields.length;
      widths.set(fields.length, (widths.get(fields.length) ?? 0) + 1);
      if (record > 0) check(record, fields);
    }
    fields = [];
    afterQuote = false;
  };
  const check = (row: number, f: string[]) => {
    if (f.length < named) {
      out.tooFew++;
      out.rows.push(row);
      if (out.problems.length < RAGGED_LISTED) {
        out.problems.push({ row, column: header[f.length] ?? `#${f.length + 1}`, value: shown(f.join(delimiter)), rule: 'ragged_too_few',
          message: `Row ${row} has ${f.length} fields; the header has ${width}: "${header[f.length] ?? ''}" and the columns after it have no value in this row` });
      }
    } else if (f.length > width) {
      const extra = f.slice(width).map((x) => x.trim());
      if (extra.some((x) => x !== '')) {
        out.tooMany++;
        out.rows.push(row);
        if (out.problems.length < RAGGED_LISTED) {
          out.problems.push({ row, column: header[width - 1] ?? '', value: shown(extra.join(delimiter)), rule: 'ragged_too_many',
            message: `Row ${row} has ${f.length} fields; the header has ${width}: the values after "${header[width - 1] ?? ''}" belong to no column` });
        }
      }
    }
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = chunk as string;
    for (let i = 0; i < text.length; i++) {
      let ch = text[i]!;
      if (!started) { started = true; if (ch === '\uFEFF') continue; }
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') { field += '"'; i++; } else if (i + 1 === text.length) { quoted = false; afterQuote = true; /* a doubled quote split across chunks is rare; read as the closing quote */ } else { quoted = false; afterQuote = true; }
        } else field += ch;
        continue;
      }
      if (ch === '\n' && lastWasCR) { lastWasCR = false; continue; }
      lastWasCR = ch === '\r';
      if (ch === '\r') ch = '\n';
      if (ch === '"' && field === '') quoted = true;
      else if (ch === delimiter) { fields.push(field); field = ''; }
      else if (ch === '\n') endRecord();
      else field += ch;
    }
  }
  if (field !== '' || fields.length || afterQuote) endRecord();
  out.commonWidth = [...widths.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? width;
  return out;
}
