/**
 * Checking a learner's answer, without I/O: a number (typed the way people type numbers), a short text, a
 * choice, or the result of a query compared with the result of the lesson's expected query.
 */
export interface Verdict { correct: boolean; reason?: 'not_a_number' | 'off' | 'columns' | 'row_count' | 'values' | 'empty' }

/** "1,234", "１２３４", "1234명", " 12.5 " → a number; anything else → null. */
export function parseNumber(input: string): number | null {
  const s = input.normalize('NFKC').trim().replace(/[,\s_]/g, '').replace(/(개|명|곳|건|회|월|%|개소|station[s]?)$/i, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

export function checkNumber(input: string, expected: number, tolerance = 0): Verdict {
  const n = parseNumber(input);
  if (n === null) return { correct: false, reason: input.trim() ? 'not_a_number' : 'empty' };
  const allowed = Math.max(tolerance, 1e-9 * Math.max(1, Math.abs(expected)));
  return Math.abs(n - expected) <= allowed ? { correct: true } : { correct: false, reason: 'off' };
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!?。]$/, '');

export function checkText(input: string, accepted: string[]): Verdict {
  if (!input.trim()) return { correct: false, reason: 'empty' };
  return accepted.some((a) => fold(a) === fold(input)) ? { correct: true } : { correct: false, reason: 'off' };
}

export interface ResultTable { columns: string[]; rows: unknown[][] }

/** A cell as compared: numbers rounded to 6 significant decimals (SUM of doubles differs in the last bits), text as is. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  const n = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null;
  if (n !== null && Number.isFinite(n)) return `#${Number(n.toPrecision(12))}`;
  return `s:${String(v)}`;
}

/**
 * The learner's result matches when it has as many columns, the same rows (in the same order if the lesson
 * says order matters, else as a multiset). Column names do not matter: "count(*)" and "n" are the same answer.
 */
export function compareResults(actual: ResultTable, expected: ResultTable, opts: { ordered?: boolean } = {}): Verdict {
  if (actual.columns.length !== expected.columns.length) return { correct: false, reason: 'columns' };
  if (actual.rows.length !== expected.rows.length) return { correct: false, reason: 'row_count' };
  const key = (r: unknown[]) => r.map(cell).join('\u0001');
  const a = actual.rows.map(key);
  const e = expected.rows.map(key);
  if (!opts.ordered) { a.sort(); e.sort(); }
  return a.every((x, i) => x === e[i]) ? { correct: true } : { correct: false, reason: 'values' };
}
