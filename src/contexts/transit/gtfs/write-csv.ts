import fs from 'node:fs/promises';
import path from 'node:path';
import { toCsv } from '../../../core/csv.js';

/**
 * Writes a GTFS CSV file (the `gtfs` dialect of core/csv: UTF-8 without BOM, LF line ends, a final newline)
 * through a temporary file renamed into place, so a reader never sees half a file.
 */
export async function writeCsvFile(dir: string, name: string, columns: string[], rows: Iterable<string[]>): Promise<void> {
  const target = path.join(dir, name);
  const temporary = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temporary, toCsv(columns, [...rows], 'gtfs'), 'utf8');
  await fs.rename(temporary, target);
}
