import { describe, expect, it } from 'vitest';
import { diffResults } from './result-diff.js';
import type { ResultSnapshot } from './snapshot.js';

const snap = (rows: unknown[][], pins: Record<string, number>): ResultSnapshot => ({
  columns: [
    { name: 'district', type: 'VARCHAR' },
    { name: 'pm10', type: 'DOUBLE' },
  ],
  rows,
  rowCount: rows.length,
  truncated: false,
  suppressed: [],
  pins,
  ranAt: '2026-01-01T00:00:00Z',
});

describe('diffResults', () => {
  it('matches rows by a unique first column and lists changed cells, added and removed rows, totals and versions', () => {
    const d = diffResults(
      snap(
        [
          ['종로구', 40],
          ['중구', 30],
          ['마포구', 10],
        ],
        { air: 1 },
      ),
      snap(
        [
          ['중구', 30],
          ['종로구', 42.5],
          ['강남구', 5],
        ],
        { air: 2 },
      ),
    );
    expect(d.versions).toEqual([{ datasetId: 'air', before: 1, after: 2 }]);
    expect(d.matchedBy).toBe('key');
    expect(d.changes).toEqual([{ key: '종로구', column: 'pm10', before: 40, after: 42.5 }]);
    expect([d.changedCells, d.addedRows, d.removedRows]).toEqual([1, 1, 1]);
    expect(d.totals).toEqual([{ column: 'pm10', before: 80, after: 77.5 }]);
  });

  it('falls back to positions when the first column repeats, and caps the listed changes', () => {
    const before = snap(
      Array.from({ length: 30 }, (_, i) => ['x', i]),
      { a: 1 },
    );
    const after = snap(
      Array.from({ length: 30 }, (_, i) => ['x', i + 1]),
      { a: 1 },
    );
    const d = diffResults(before, after, 5);
    expect(d.matchedBy).toBe('position');
    expect(d.changedCells).toBe(30);
    expect(d.changes).toHaveLength(5);
  });
});
