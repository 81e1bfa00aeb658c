import { stringify, type Options } from 'csv-stringify/sync';

/**
 * CSV through csv-stringify, in the two dialects our clients read:
 * - `spreadsheet` (exports, downloads, the audit log): RFC 4180 with CRLF and a UTF-8 BOM, so that spreadsheet
 *   software reads Korean;
 * - `gtfs` (GTFS feeds, read by trip planners and validators): UTF-8 without BOM, LF, and a field with a leading or
 *   trailing space quoted, so that no reader trims it.
 * Both quote a field with a comma, a quote, a CR or an LF (the library alone quotes only the record delimiter
 * itself: a lone LF in a CRLF file would break the row). Null is empty; objects are JSON; booleans true/false.
 */
export type CsvDialect = 'spreadsheet' | 'gtfs';

const cast: Options['cast'] = { boolean: (v) => String(v), date: (d) => d.toISOString() };
const DIALECTS: Record<CsvDialect, Options> = {
  spreadsheet: { record_delimiter: 'windows', quoted_match: /[\r\n]/, cast },
  gtfs: { record_delimiter: 'unix', quoted_match: [/[\r\n]/, /^\s|\s$/], cast },
};

/** Rows as CSV lines, each ending with the dialect's line end; `bom` puts the byte order mark first (a file's start). */
export function csvLines(rows: readonly (readonly unknown[])[], dialect: CsvDialect = 'spreadsheet', bom = false): string {
  return stringify(rows as unknown[][], { ...DIALECTS[dialect], bom });
}

/** A whole CSV document: the header and the rows (a BOM first in the spreadsheet dialect). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], dialect: CsvDialect = 'spreadsheet'): string {
  return csvLines([header, ...rows], dialect, dialect === 'spreadsheet');
}
