import fs from 'node:fs/promises';
import path from 'node:path';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field as RFC 4180 writes it: quoted (with doubled quotes) only when it has to be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes a CSV file (UTF-8 without BOM, LF line ends, a final newline) through a temporary file renamed into
 * place, so a reader never sees half a file.
 */
export async function writeCsvFile(dir: string, name: string, columns: string[], rows: Iterable<string[]>): Promise<void> {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  const target = path.join(dir, name);
  const temporary = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temporary, `${lines.join('\n')}\n`, 'utf8');
  await fs.rename(temporary, target);
}
