import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableField } from '../domain/table-schema.js';
import { literal } from '../lake/lake.js';
import { queryRows } from './duck.js';
import { typedValue } from './field-sql.js';
import { decideField, demoteField, inferSchema, type ColumnSample } from './infer-schema.js';

let db: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:', { threads: '1' });
  conn = await db.connect();
});
afterAll(() => {
  conn.closeSync();
  db.closeSync();
});

/** The typed value DuckDB stores for one raw text under a field, as text ('' for NULL). */
async function typed(raw: string | null, field: Omit<TableField, 'name'>): Promise<string> {
  const [row] = await queryRows(
    conn,
    `SELECT CAST(${typedValue('v', { name: 'v', ...field })} AS VARCHAR) AS t FROM (SELECT ${raw === null ? 'NULL' : literal(raw)}::VARCHAR AS v)`,
  );
  return row?.t === null || row?.t === undefined ? '' : String(row.t);
}

/** A source made of literal rows, as openSource would give it. */
const source = (columns: string[], rows: string[][]) => ({
  columns,
  dropped: [],
  renamed: {},
  sql: `(SELECT * FROM (VALUES ${rows.map((r) => `(${r.map((v) => (v === '' ? 'NULL' : literal(v))).join(', ')})`).join(', ')}) AS t(${columns.map((c) => `"${c}"`).join(', ')}))`,
});

describe('dates', () => {
  it.each([
    ['2023-01-05', '%Y-%m-%d'],
    ['20230105', '%Y%m%d'],
    ['2023.01.05', '%Y.%m.%d'],
    ['2023.1.5.', '%Y.%m.%d'],
    ['2023/01/05', '%Y/%m/%d'],
    ['2023년 1월 5일', '%Y년 %m월 %d일'],
    ['2023년01월05일', '%Y년 %m월 %d일'],
    ['2023-01-05 00:00', '%Y-%m-%d %H:%M:%S'],
    [' 2023-01-05 ', '%Y-%m-%d'],
    ['05/01/2023', '%d/%m/%Y'],
  ])('%s (%s) is 2023-01-05', async (raw, format) => {
    expect(await typed(raw, { type: 'date', format })).toBe('2023-01-05');
  });

  it('finds the layout itself when the field has none', async () => {
    expect(await typed('2023년 1월 5일', { type: 'date' })).toBe('2023-01-05');
    expect(await typed('20230105', { type: 'date' })).toBe('2023-01-05');
  });

  it('refuses impossible dates and date-times after midnight for a date', async () => {
    expect(await typed('20230231', { type: 'date', format: '%Y%m%d' })).toBe('');
    expect(await typed('2023-13-01', { type: 'date', format: '%Y-%m-%d' })).toBe('');
    expect(await typed('2023-01-05 10:30', { type: 'date', format: '%Y-%m-%d %H:%M:%S' })).toBe('');
    expect(await typed('2023-01-05 10:30', { type: 'datetime' })).toBe('2023-01-05 10:30:00');
    expect(await typed('20230105103000', { type: 'datetime', format: '%Y%m%d%H%M%S' })).toBe('2023-01-05 10:30:00');
  });
});

describe('numbers', () => {
  it('reads grouped digits as the trim-first formula did, on spaces of every kind, signs, decimals and near misses', async () => {
    // The formula before the pattern took the spaces itself: trim first, then the pattern.
    const before = (c: string, type: 'integer' | 'number') => {
      const text = `(CASE WHEN contains(${c}, ',') THEN CASE WHEN regexp_full_match(trim(${c}), '[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?') THEN replace(${c}, ',', '') END ELSE ${c} END)`;
      return type === 'integer' ? `CASE WHEN NOT contains(${c}, '.') THEN TRY_CAST(${text} AS BIGINT) END` : `TRY_CAST(${text} AS DOUBLE)`;
    };
    const values = [
      '1,234',
      ' 1,234 ',
      '\u00a01,234\u3000',
      '\u20091,234',
      '\t1,234',
      '1,234\n',
      '+1,234',
      '-12,345,678',
      '1,234.5',
      '1,234.',
      '12,34',
      ',123',
      '1,,234',
      '1234',
      '3.8',
      '1e3',
      '',
      ' ',
      '１,２３４',
      '99,999,999,999,999,999,999',
      '0,001',
      '1,234 원',
      '+,123',
      '1,234.5.6',
      '١,٢٣٤',
    ];
    const rows = values.map((v) => `(${literal(v)})`).join(', ');
    for (const type of ['integer', 'number'] as const) {
      const field = { name: 'v', type };
      const compared = await queryRows(
        conn,
        `SELECT v, CAST(${typedValue('v', field)} AS VARCHAR) AS now, CAST(${before('v', type)} AS VARCHAR) AS was FROM (VALUES ${rows}, (NULL)) t(v)`,
      );
      expect(compared.filter((r) => r.now !== r.was)).toEqual([]);
      expect(compared.filter((r) => r.now !== null).length).toBeGreaterThan(5);
    }
  });

  it('removes thousands separators and surrounding spaces, never rounds', async () => {
    expect(await typed('1,234', { type: 'integer' })).toBe('1234');
    expect(await typed('-12,345,678', { type: 'integer' })).toBe('-12345678');
    expect(await typed('"8.2 "'.slice(1, -1), { type: 'number' })).toBe('8.2');
    expect(await typed('1,234.5', { type: 'number' })).toBe('1234.5');
    expect(await typed('3.8', { type: 'integer' })).toBe(''); // DuckDB alone would store 4
    expect(await typed('1,23', { type: 'integer' })).toBe(''); // not a thousands grouping
    expect(await typed('1,234', { type: 'integer', 'x-thousandsSeparator': false })).toBe('');
    expect(await typed('Yes', { type: 'boolean' })).toBe('true');
    expect(await typed('  ', { type: 'string', 'x-trim': true })).toBe('');
  });
});

describe('inference', () => {
  const sample = (s: Partial<ColumnSample>): ColumnSample => ({
    nonEmpty: 100,
    integer: 0,
    number: 0,
    boolean: 0,
    leadingZero: 0,
    separators: 0,
    padded: 0,
    layouts: {},
    midnight: {},
    ...s,
  });

  it('chooses a type at 99% of non-empty values, else text', () => {
    expect(decideField('n', sample({ integer: 99, number: 99 })).type).toBe('integer');
    expect(decideField('n', sample({ integer: 98, number: 100 })).type).toBe('number');
    expect(decideField('n', sample({ integer: 98, number: 98 })).type).toBe('string');
    expect(decideField('n', sample({ nonEmpty: 0 })).type).toBe('string');
  });

  it('keeps zero-padded codes as text and prefers dates to numbers', () => {
    expect(decideField('역번호', sample({ integer: 100, number: 100, leadingZero: 40 })).type).toBe('string');
    expect(decideField('d', sample({ integer: 100, number: 100, layouts: { '%Y%m%d': 100 } }))).toEqual({ name: 'd', type: 'date', format: '%Y%m%d' });
    expect(decideField('t', sample({ layouts: { '%Y-%m-%d %H:%M:%S': 100 }, midnight: { '%Y-%m-%d %H:%M:%S': 100 } })).type).toBe('date');
    expect(decideField('t', sample({ layouts: { '%Y-%m-%d %H:%M:%S': 100 }, midnight: { '%Y-%m-%d %H:%M:%S': 3 } })).type).toBe('datetime');
  });

  it('demotes integer to number, anything else to text', () => {
    expect(demoteField({ name: 'a', type: 'integer', 'x-thousandsSeparator': true })).toEqual({ name: 'a', type: 'number', 'x-thousandsSeparator': true });
    expect(demoteField({ name: 'a', type: 'date', format: '%Y%m%d' })).toEqual({ name: 'a', type: 'string', 'x-trim': true });
  });

  it('infers a Seoul-like table in SQL', async () => {
    const rows = [
      ['20230101', '서울역', '1,234', '8.2 ', '0150', 'Y', '2023년 1월 1일'],
      ['20230102', '시청', '987', '12', '0151', 'N', '2023년 1월 2일'],
      ['20230103', '종각', '12,345', '', '0152', 'Y', '2023년 1월 3일'],
    ];
    const schema = await inferSchema(conn, source(['사용일자', '역명', '승차', '혼잡도', '역번호', '운행', '기준일'], rows));
    expect(schema.fields.map((f) => [f.name, f.type, f.format ?? null])).toEqual([
      ['사용일자', 'date', '%Y%m%d'],
      ['역명', 'string', null],
      ['승차', 'integer', null],
      ['혼잡도', 'number', null],
      ['역번호', 'string', null],
      ['운행', 'boolean', null],
      ['기준일', 'date', '%Y년 %m월 %d일'],
    ]);
    expect(schema.fields[2]!['x-thousandsSeparator']).toBe(true);
  });
});
