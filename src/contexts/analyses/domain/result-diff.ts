import type { ResultSnapshot } from './snapshot.js';

/**
 * What changed between two results of one analysis (pinned → latest): the dataset versions, the row count,
 * changed cells (rows matched by their first column when its values are unique in both, else by position;
 * at most `limit` listed, all counted), rows added and removed, and the totals of numeric columns.
 */
export interface ResultDiff {
  versions: Array<{ datasetId: string; before: number | null; after: number | null }>;
  rowCount: { before: number; after: number };
  matchedBy: 'key' | 'position';
  changedCells: number;
  changes: Array<{ key: string; column: string; before: unknown; after: unknown }>;
  addedRows: number;
  removedRows: number;
  totals: Array<{ column: string; before: number; after: number }>;
  columnsChanged: boolean;
}

const NUMERIC = /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/i;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const label = (v: unknown) => (v === null || v === undefined ? '∅' : String(v));

export function diffResults(before: ResultSnapshot, after: ResultSnapshot, limit = 20): ResultDiff {
  const ids = [...new Set([...Object.keys(before.pins), ...Object.keys(after.pins)])].sort();
  const versions = ids.map((datasetId) => ({ datasetId, before: before.pins[datasetId] ?? null, after: after.pins[datasetId] ?? null }));
  const names = after.columns.map((c) => c.name);
  const columnsChanged = !same(
    before.columns.map((c) => c.name),
    names,
  );
  const unique = (rows: unknown[][]) => new Set(rows.map((r) => label(r[0]))).size === rows.length;
  const byKey = !columnsChanged && unique(before.rows) && unique(after.rows);
  const keyOf = (r: unknown[], i: number) => (byKey ? label(r[0]) : `#${i + 1}`);
  const old = new Map(before.rows.map((r, i) => [keyOf(r, i), r]));
  const seen = new Set<string>();
  const changes: ResultDiff['changes'] = [];
  let changedCells = 0;
  let addedRows = 0;
  after.rows.forEach((row, i) => {
    const key = keyOf(row, i);
    const prev = old.get(key);
    if (!prev) {
      addedRows++;
      return;
    }
    seen.add(key);
    names.forEach((column, c) => {
      if (columnsChanged || same(prev[c], row[c])) return;
      changedCells++;
      if (changes.length < limit) changes.push({ key, column, before: prev[c] ?? null, after: row[c] ?? null });
    });
  });
  const removedRows = [...old.keys()].filter((k) => !seen.has(k)).length;
  const totals = columnsChanged
    ? []
    : after.columns.flatMap((col, c) => {
        if (!NUMERIC.test(col.type)) return [];
        const sum = (rows: unknown[][]) => Math.round(rows.reduce((s, r) => s + (Number(r[c]) || 0), 0) * 1e6) / 1e6;
        return [{ column: col.name, before: sum(before.rows), after: sum(after.rows) }];
      });
  return {
    versions,
    rowCount: { before: before.rowCount, after: after.rowCount },
    matchedBy: byKey ? 'key' : 'position',
    changedCells,
    changes,
    addedRows,
    removedRows,
    totals,
    columnsChanged,
  };
}
