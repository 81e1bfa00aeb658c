import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnProfile, FieldType, TableSchema } from '../domain/table-schema.js';
import { ident, literal } from '../lake/lake.js';
import { queryRows, toNumber } from './duck.js';
import { profileParquet } from './profile.js';

/**
 * The profile is computed from each column's groups (values with their counts); every figure is checked here
 * against the same figure computed row by row over the file (DuckDB's own count(DISTINCT), avg, min, max and
 * histogram(x, boundaries)), on values placed on bin edges, ties, nulls, negative numbers, a constant column and
 * an empty one, in several row groups.
 */
let db: DuckDBInstance;
let conn: DuckDBConnection;
let dir = '';
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:', { threads: '2' });
  conn = await db.connect();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'profile-'));
});
afterAll(async () => {
  conn.closeSync();
  db.closeSync();
  await fs.rm(dir, { recursive: true, force: true });
});

const schema: TableSchema = {
  fields: [
    { name: '정수', type: 'integer' },
    { name: '실수', type: 'number' },
    { name: '날짜', type: 'date' },
    { name: '일시', type: 'datetime' },
    { name: '역명', type: 'string' },
    { name: '상수', type: 'integer' },
    { name: '빈칸', type: 'number' },
    { name: '참거짓', type: 'boolean' },
  ],
  missingValues: [''],
};

async function writeSample(file: string) {
  // 5,000 rows in row groups of 1,000: integers -50..49 (every 10th null), decimals on tenths (so values fall on
  // the bin edges of a 0..99 range), dates over 100 days, date-times, repeated station names, a constant, nulls only.
  await conn.run(`COPY (
    SELECT
      CASE WHEN i % 10 = 0 THEN NULL ELSE CAST(i % 100 - 50 AS BIGINT) END AS "정수",
      CAST((i * 7) % 991 AS DOUBLE) / 10 AS "실수",
      DATE '2024-01-01' + CAST(i % 100 AS INTEGER) AS "날짜",
      TIMESTAMP '2024-03-01 00:00:00' + INTERVAL (i % 777) MINUTE * 37 AS "일시",
      ['서울역', '시청', '종각', '종로3가', '동대문', NULL][i % 6 + 1] AS "역명",
      CAST(7 AS BIGINT) AS "상수",
      CAST(NULL AS DOUBLE) AS "빈칸",
      i % 3 = 0 AS "참거짓"
    FROM range(5000) t(i)
  ) TO ${literal(file)} (FORMAT parquet, ROW_GROUP_SIZE 1000)`);
}

/** Every figure of a profile against the same figure computed row by row over the file. */
async function expectRowByRowFigures(file: string, rows: number, columns: ColumnProfile[]) {
  const src = `read_parquet(${literal(file)})`;
  for (const p of columns) {
    const c = ident(p.name);
    const [truth = {}] = await queryRows(
      conn,
      `SELECT count(${c}) AS n, count(DISTINCT ${c}) AS d, ${p.type === 'integer' || p.type === 'number' ? `avg(${c})` : 'NULL'} AS mean,
           CAST(min(${c}) AS VARCHAR) AS mn, CAST(max(${c}) AS VARCHAR) AS mx FROM ${src}`,
    );
    expect([p.name, p.count, p.nulls, p.distinct]).toEqual([p.name, toNumber(truth.n), rows - toNumber(truth.n)!, toNumber(truth.d)]);
    if (p.type === 'integer' || p.type === 'number') {
      if (truth.mean === null) expect(p.mean).toBeNull();
      else expect(p.mean).toBeCloseTo(Number(truth.mean), 9);
    }
    if (p.type === 'string') expect([p.min, p.max]).toEqual([truth.mn, truth.mx]);
    if (p.count === 0) {
      expect([p.min, p.max, p.top, p.histogram]).toEqual([null, null, [], undefined]);
      continue;
    }
    // The ten most frequent values, most frequent first, ties in value order.
    const top = await queryRows(
      conn,
      `SELECT CAST(${c} AS VARCHAR) AS v, count(*) AS n FROM ${src} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY n DESC, ${c} LIMIT 10`,
    );
    if (p.distinct === p.count) expect(p.top).toEqual([]);
    else
      expect(p.top.map((t) => [String(t.value), t.count])).toEqual(
        top.map((t) => [String(p.type === 'number' || p.type === 'integer' ? Number(t.v) : t.v), Number(t.n)]),
      );
    if (!p.histogram) continue;
    expect(p.histogram.reduce((n, b) => n + b.count, 0)).toBe(p.count);
    // DuckDB's own binned histogram over the rows, on the same inner edges.
    const inner = p.histogram.slice(0, -1).map((b) => b.to);
    if (!inner.length) continue;
    const literalOf = (v: string | number) =>
      p.type === 'date' ? `DATE '${v}'` : p.type === 'datetime' ? `TIMESTAMP '${String(v).replace('T', ' ').replace('Z', '')}'` : `${v}`;
    const value = p.type === 'integer' || p.type === 'number' ? `CAST(${c} AS DOUBLE)` : c;
    const [h] = await queryRows(conn, `SELECT histogram(${value}, [${inner.map(literalOf).join(', ')}]) AS h FROM ${src}`);
    const counts = (h!.h as Array<{ value: unknown }>).map((b) => toNumber(b.value));
    expect([p.name, p.histogram.map((b) => b.count)]).toEqual([p.name, [...counts, ...new Array(p.histogram.length - counts.length).fill(0)]]);
  }
}

describe('profileParquet', () => {
  it('gives the exact figures a row-by-row reading gives', async () => {
    const file = path.join(dir, 'sample.parquet');
    await writeSample(file);
    const { rows, columns } = await profileParquet(conn, file, schema);
    expect(rows).toBe(5000);
    await expectRowByRowFigures(file, 5000, columns);
    const byName = Object.fromEntries(columns.map((p) => [p.name, p]));
    expect([byName.상수!.distinct, byName.상수!.histogram]).toEqual([1, [{ from: 7, to: 7, count: 5000 }]]);
    expect([byName.정수!.min, byName.정수!.max, byName.실수!.min, byName.실수!.max]).toEqual([-49, 49, 0, 99]);
    expect(byName.실수!.histogram!.some((b) => b.to === 9.9)).toBe(true); // a value on an edge: counted in the bin it closes
  });
});

describe('profileParquet in several scans', () => {
  it('gives the same profile when the columns are counted a few at a time (a wide file of unique values)', async () => {
    const file = path.join(dir, 'sample.parquet');
    await writeSample(file);
    const whole = await profileParquet(conn, file, schema);
    // Bounds here: 정수 ≤ 99 groups (its span), 날짜 ≤ 100 days, 참거짓 2; the others ≤ 5,000 values each.
    for (const groupsPerScan of [1, 150, 6_000])
      expect([groupsPerScan, await profileParquet(conn, file, schema, { groupsPerScan })]).toEqual([groupsPerScan, whole]);
  });
});

describe('profileParquet on a wide file', () => {
  it('gives the row-by-row figures for 70 columns of every type counted in one scan', async () => {
    const file = path.join(dir, 'wide.parquet');
    const types: FieldType[] = ['integer', 'number', 'date', 'datetime', 'string', 'boolean', 'integer'];
    const value = (k: number) => {
      const m = `(i * ${k + 3}) % ${20 + k}`;
      const v = [
        `CAST(${m} - 10 AS BIGINT)`,
        `CAST(${m} AS DOUBLE) / 4`, // quarters: the edges shown (six decimals) are the edges used
        `DATE '2020-01-01' + CAST(${m} AS INTEGER)`,
        `TIMESTAMP '2020-01-01 00:00:00' + INTERVAL (${m}) SECOND * 97`,
        `'역' || ${m}`,
        `${m} % 2 = 0`,
        `CAST(i AS BIGINT)`, // every value distinct: no most frequent values
      ][k % types.length]!;
      return `CASE WHEN (i + ${k}) % 13 = 0 THEN NULL ELSE ${v} END AS "c${k}"`;
    };
    await conn.run(
      `COPY (SELECT ${Array.from({ length: 70 }, (_, k) => value(k)).join(', ')} FROM range(3000) t(i)) TO ${literal(file)} (FORMAT parquet, ROW_GROUP_SIZE 1000)`,
    );
    const wide: TableSchema = { fields: Array.from({ length: 70 }, (_, k) => ({ name: `c${k}`, type: types[k % types.length]! })), missingValues: [''] };
    const { rows, columns } = await profileParquet(conn, file, wide);
    expect([rows, columns.length]).toEqual([3000, 70]);
    await expectRowByRowFigures(file, 3000, columns);
  });
});
