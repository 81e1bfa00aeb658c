import fs from 'node:fs';
import { once } from 'node:events';
import { readSheet } from 'read-excel-file/node';
import { AppError } from '../../../core/errors.js';

/**
 * The first sheet of an XLSX workbook as a UTF-8 CSV, so it follows the CSV path (DuckDB has no XLSX reader
 * without an extension we cannot install offline). Dates become ISO text (date only at midnight UTC), numbers
 * their shortest decimal form; every cell is quoted.
 */
const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', '').replace('T', ' ');
  }
  const text = String(v);
  return `"${text.replace(/"/g, '""')}"`;
};

export async function xlsxToCsv(file: string, out: string): Promise<string> {
  let rows: unknown[][];
  try {
    rows = (await readSheet(file)) as unknown[][];
  } catch (error) {
    throw new AppError('data.file_unreadable', `Could not read the XLSX workbook: ${(error as Error).message}`, 422, { field: 'file' });
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const stream = fs.createWriteStream(out);
  for (const row of rows) {
    const line = `${Array.from({ length: width }, (_, i) => cell(row[i])).join(',')}\n`;
    if (!stream.write(line)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  return out;
}
