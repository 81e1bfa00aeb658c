/**
 * Checking a learner's answer, without I/O: a number (typed the way people type numbers), a short text, a
 * choice, or the result of a query compared with the result of the lesson's expected query.
 */
export interface Verdict {
  correct: boolean;
  reason?: 'not_a_number' | 'off' | 'columns' | 'row_count' | 'values' | 'empty';
}

/** "1,234", "１２３４", "1234명", " 12.5 " → a number; anything else → null. */
export function parseNumber(input: string): number | null {
  const s = input
    .normalize('NFKC')
    .trim()
    .replace(/[,\s_]/g, '')
    .replace(/(개|명|곳|건|회|월|%|개소|station[s]?)$/i, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

export function checkNumber(input: string, expected: number, tolerance = 0): Verdict {
  const n = parseNumber(input);
  if (n === null) return { correct: false, reason: input.trim() ? 'not_a_number' : 'empty' };
  const allowed = Math.max(tolerance, 1e-9 * Math.max(1, Math.abs(expected)));
  return Math.abs(n - expected) <= allowed ? { correct: true } : { correct: false, reason: 'off' };
}

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?。]$/, '');

export function checkText(input: string, accepted: string[]): Verdict {
  if (!input.trim()) return { correct: false, reason: 'empty' };
  return accepted.some((a) => fold(a) === fold(input)) ? { correct: true } : { correct: false, reason: 'off' };
}

export interface ResultTable {
  columns: string[];
  rows: unknown[][];
}

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
  if (!opts.ordered) {
    a.sort();
    e.sort();
  }
  return a.every((x, i) => x === e[i]) ? { correct: true } : { correct: false, reason: 'values' };
}

/**
 * What a wrong query result looks like beside the expected one, without giving the answer away: the number of
 * columns and rows of each, and the learner's own first rows that are not in the expected result (by position
 * when order matters). Never the expected values.
 */
export interface ResultDifference {
  columns: { yours: number; expected: number };
  rows: { yours: number; expected: number };
  differing: Array<{ row: number; yours: unknown[] }>;
}

export function describeDifference(actual: ResultTable, expected: ResultTable, opts: { ordered?: boolean; limit?: number } = {}): ResultDifference {
  const key = (r: unknown[]) => r.map(cell).join('\u0001');
  const limit = opts.limit ?? 3;
  const differing: ResultDifference['differing'] = [];
  if (actual.columns.length === expected.columns.length) {
    const pool = new Map<string, number>();
    for (const r of expected.rows) pool.set(key(r), (pool.get(key(r)) ?? 0) + 1);
    actual.rows.forEach((r, i) => {
      if (differing.length >= limit) return;
      const k = key(r);
      const same = opts.ordered ? expected.rows[i] !== undefined && key(expected.rows[i]!) === k : (pool.get(k) ?? 0) > 0;
      if (!opts.ordered && same) pool.set(k, pool.get(k)! - 1);
      if (!same) differing.push({ row: i + 1, yours: r });
    });
  }
  return {
    columns: { yours: actual.columns.length, expected: expected.columns.length },
    rows: { yours: actual.rows.length, expected: expected.rows.length },
    differing,
  };
}
