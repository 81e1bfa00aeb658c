import { describe, expect, it } from 'vitest';
import { checkNumber, checkText, compareResults, describeDifference, parseNumber } from './answer-check.js';

describe('answer checking', () => {
  it('reads numbers the way people type them', () => {
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('１２３４')).toBe(1234);
    expect(parseNumber(' 2719곳 ')).toBe(2719);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('열둘')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
  it('accepts a number within the tolerance only', () => {
    expect(checkNumber('2719', 2719)).toEqual({ correct: true });
    expect(checkNumber('2718', 2719)).toEqual({ correct: false, reason: 'off' });
    expect(checkNumber('41.6', 41.63, 0.1)).toEqual({ correct: true });
    expect(checkNumber('41.4', 41.63, 0.1)).toEqual({ correct: false, reason: 'off' });
    expect(checkNumber('many', 3)).toEqual({ correct: false, reason: 'not_a_number' });
    expect(checkNumber('  ', 3)).toEqual({ correct: false, reason: 'empty' });
  });
  it('accepts any listed text, whatever the case and spacing', () => {
    expect(checkText(' 강남구 ', ['강남구'])).toEqual({ correct: true });
    expect(checkText('Gangnam-gu', ['강남구', 'gangnam-gu'])).toEqual({ correct: true });
    expect(checkText('서초구', ['강남구'])).toEqual({ correct: false, reason: 'off' });
  });
  it('compares query results by value, not by column names, in order only when asked', () => {
    const expected = {
      columns: ['district', 'n'],
      rows: [
        ['종로구', 10n],
        ['중구', 7n],
      ],
    };
    expect(
      compareResults(
        {
          columns: ['a', 'b'],
          rows: [
            ['중구', 7],
            ['종로구', 10],
          ],
        },
        expected,
      ),
    ).toEqual({ correct: true });
    expect(
      compareResults(
        {
          columns: ['a', 'b'],
          rows: [
            ['중구', 7],
            ['종로구', 10],
          ],
        },
        expected,
        { ordered: true },
      ),
    ).toEqual({ correct: false, reason: 'values' });
    expect(compareResults({ columns: ['a'], rows: [['중구'], ['종로구']] }, expected).reason).toBe('columns');
    expect(compareResults({ columns: ['a', 'b'], rows: [['중구', 7]] }, expected).reason).toBe('row_count');
    expect(
      compareResults(
        {
          columns: ['a', 'b'],
          rows: [
            ['중구', 7],
            ['종로구', 11],
          ],
        },
        expected,
      ).reason,
    ).toBe('values');
    expect(compareResults({ columns: ['x'], rows: [[0.1 + 0.2]] }, { columns: ['y'], rows: [['0.3']] })).toEqual({ correct: true });
  });
});

describe('a wrong query result beside the expected shape', () => {
  const expected = {
    columns: ['gu', 'n'],
    rows: [
      ['강남구', 10],
      ['마포구', 7],
      ['종로구', 3],
    ],
  };
  it('tells columns and rows, and the learner’s first rows that differ, never the expected values', () => {
    const d = describeDifference(
      {
        columns: ['gu', 'n'],
        rows: [
          ['강남구', 10],
          ['마포구', 8],
          ['종로구', 3],
          ['중구', 1],
        ],
      },
      expected,
    );
    expect(d).toEqual({
      columns: { yours: 2, expected: 2 },
      rows: { yours: 4, expected: 3 },
      differing: [
        { row: 2, yours: ['마포구', 8] },
        { row: 4, yours: ['중구', 1] },
      ],
    });
    expect(JSON.stringify(d)).not.toContain('7');
  });
  it('compares by position when order matters, and lists no rows when the columns differ', () => {
    expect(
      describeDifference(
        {
          columns: ['gu', 'n'],
          rows: [
            ['마포구', 7],
            ['강남구', 10],
            ['종로구', 3],
          ],
        },
        expected,
        { ordered: true },
      ).differing.map((x) => x.row),
    ).toEqual([1, 2]);
    expect(describeDifference({ columns: ['n'], rows: [[10]] }, expected).differing).toEqual([]);
  });
});
