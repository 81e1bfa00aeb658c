import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { nativeCopiesSettled } from '../../src/contexts/data/query/native-copy.js';
import { openVersion, queryRows, type RowFilter, type RowsParams } from '../../src/contexts/data/query/query-rows.js';
import { withdrawVersion } from '../../src/contexts/data/use-cases/withdraw-version.js';
import { createFixtureDataset, publishFixtureVersion } from '../support/lake-fixtures.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/**
 * A large published table gets a native DuckDB copy on the replica that queries it (query/native-copy.ts). Until the
 * copy is ready the Parquet file answers; after, the copy does. Every answer must be the same, byte for byte: rows,
 * order (ties broken by file order), totals, cursors (a cursor read from the file continues on the copy), offsets.
 * A withdrawn version's copy is deleted.
 */
let t: TestContext;
type Json = Record<string, any>;
const N = 20_000;
const f = (column: string, op: RowFilter['op'], value: string): RowFilter => ({ column, op, value });
const STATIONS = ['강남', '서울역', '잠실', '홍대입구', '교대'];
const TABLE_SQL = `SELECT range AS id,
  CASE WHEN range % 7 = 6 THEN NULL ELSE (${JSON.stringify(STATIONS).replace(/"/g, "'")})[range % 5 + 1] END AS station,
  (range * 7919) % 500 AS riders, DATE '2024-01-01' + (range % 366)::INT AS day, (range % 97) / 4.0 AS ratio FROM range(${N})`;

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};
const QUERIES: RowsParams[] = [
  { limit: 50 },
  { limit: 50, offset: 12_345 }, // the compatibility layers' offset: in file order, a seek on the row ordinal
  { filters: [f('station', 'eq', '강남'), f('riders', 'gte', '250')], sort: [{ column: 'riders', desc: true }], limit: 40 },
  { sort: [{ column: 'station' }, { column: 'day', desc: true }], limit: 100 },
  { filters: [f('station', 'isnull', 'true')], sort: [{ column: 'riders' }], limit: 30 },
  { filters: [f('riders', 'in', '7,8,9')], select: ['id', 'riders'], rowId: true, limit: 25 },
  { groupBy: ['station'], agg: [{ fn: 'count' }, { fn: 'avg', column: 'riders' }], sort: [{ column: 'count', desc: true }] },
  { filters: [f('day', 'gte', '2024-06-01')], sort: [{ column: 'ratio', desc: true }], limit: 10, offset: 300 },
];
const query = (params: RowsParams) => queryRows(t.services, 'big-riders', params);
const copyDir = () => path.join(t.dataDir, 'cache', 'lake-native');
const copies = () => (fs.existsSync(copyDir()) ? fs.readdirSync(copyDir()).filter((f) => f.endsWith('.duckdb')) : []);

beforeAll(async () => {
  t = await createTestContext({ DATA_NATIVE_COPY_MIN_ROWS: '10000' });
  await createFixtureDataset(t.services, 'big-riders');
  await publishFixtureVersion(t.services, 'big-riders', { sql: TABLE_SQL });
  await createFixtureDataset(t.services, 'small-riders');
  await publishFixtureVersion(t.services, 'small-riders', { sql: 'SELECT range AS id FROM range(9999)' });
});
afterAll(() => t?.close());

describe(`native copies of large tables (${process.env.TEST_DIALECT ?? 'sqlite'})`, () => {
  it('answers every query the same from the Parquet file and from the copy, and a cursor from the file continues on the copy', async () => {
    const fromFile: Json[] = [];
    for (const q of QUERIES) fromFile.push(await query(q));
    const apiFromFile = await get('/api/v1/data/datasets/big-riders/rows?station=강남&sort=-riders&limit=20');
    const firstCursor = fromFile[2]!.next as string;
    expect(firstCursor).toEqual(expect.any(String));
    await nativeCopiesSettled(t.services);
    expect(copies()).toHaveLength(1); // the large table only: 9,999 rows stay on their Parquet file
    expect((await openVersion(t.services, 'big-riders', {})).table.source).toMatch(/^os_native_\w+\.t$/);
    expect((await openVersion(t.services, 'small-riders', {})).table.source).toMatch(/^read_parquet\(/);

    for (const [i, q] of QUERIES.entries()) expect(await query(q), JSON.stringify(q)).toEqual(fromFile[i]);
    expect(await get('/api/v1/data/datasets/big-riders/rows?station=강남&sort=-riders&limit=20')).toEqual(apiFromFile);
    // A cursor read from the file continues on the copy.
    const second = (await query({ ...QUERIES[2]!, cursor: firstCursor })) as Json;
    expect(second.rows).toHaveLength(40);
    expect(second.rows[0].riders).toBeLessThanOrEqual(fromFile[2]!.rows.at(-1).riders);
    // Independent check of order and total: a JS model of the table.
    const model = Array.from({ length: N }, (_, i) => ({ id: i, station: i % 7 === 6 ? null : STATIONS[i % 5]!, riders: (i * 7919) % 500 }))
      .filter((r) => r.station === '강남' && r.riders >= 250)
      .sort((a, b) => b.riders - a.riders || a.id - b.id);
    expect(fromFile[2]!.total).toBe(model.length);
    expect([...fromFile[2]!.rows, ...second.rows].map((r: Json) => r.id)).toEqual(model.slice(0, 80).map((r) => r.id));
    // The offset in file order lands on the same row in both.
    expect(fromFile[1]!.rows[0].id).toBe(12345);
  });

  it('deletes the copy when the version is withdrawn, and the rows are gone with it', async () => {
    expect(copies()).toHaveLength(1);
    await withdrawVersion(t.services, system(), { datasetId: 'big-riders', version: 1, reason: 'A test withdrawal of a large table' });
    expect(copies()).toHaveLength(0);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/big-riders/rows?limit=5' });
    expect(res.statusCode).not.toBe(200);
  });
});
