import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { nativeCopiesSettled } from '../../src/contexts/data/query/native-copy.js';
import { buildQuery } from '../../src/contexts/data/query/build-query.js';
import { decodeCursor } from '../../src/contexts/data/query/cursor.js';
import { readRowsWarm } from '../../src/contexts/data/query/duck.js';
import { openVersion, queryRows, readsKeysFirst, type RowFilter, type RowsParams } from '../../src/contexts/data/query/query-rows.js';
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
const copies = (dir = copyDir()) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.duckdb')) : []);
/** The size of one copy of TABLE_SQL (the first test builds it): the budgets below are set from it. */
let oneCopyBytes = 0;

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
    oneCopyBytes = fs.statSync(path.join(copyDir(), copies()[0]!)).size;
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

  it('reads a selective page keys first (rowids and total in one scan, then those rows): the same rows, totals and cursors', async () => {
    const opened = await openVersion(t.services, 'big-riders', {});
    expect(opened.table.rowId).toBe('rowid'); // the copy is ready (previous test)
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + (i % 366))).toISOString().slice(0, 10);
    const model = Array.from({ length: N }, (_, i) => ({ id: i, station: i % 7 === 6 ? null : STATIONS[i % 5]!, riders: (i * 7919) % 500, day: day(i) }));
    const nullsLast = (a: string | null, b: string | null, desc: boolean) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : (a < b ? -1 : 1) * (desc ? -1 : 1);
    const walks: Array<{ q: RowsParams; expected: number[] }> = [
      {
        q: { filters: [f('station', 'eq', '강남'), f('riders', 'gte', '490')], sort: [{ column: 'riders', desc: true }], limit: 20 },
        expected: model
          .filter((r) => r.station === '강남' && r.riders >= 490)
          .sort((a, b) => b.riders - a.riders || a.id - b.id)
          .map((r) => r.id),
      },
      {
        // NULL stations sort last; ties by day (descending), then file order.
        q: {
          filters: [f('riders', 'in', '7,8,9,10')],
          sort: [{ column: 'station' }, { column: 'day', desc: true }],
          select: ['id', 'station'],
          rowId: true,
          limit: 9,
        },
        expected: model
          .filter((r) => r.riders >= 7 && r.riders <= 10)
          .sort((a, b) => nullsLast(a.station, b.station, false) || nullsLast(a.day, b.day, true) || a.id - b.id)
          .map((r) => r.id),
      },
      {
        q: { filters: [f('day', 'eq', '2024-03-01')], sort: [{ column: 'station', desc: true }], limit: 7 },
        expected: model
          .filter((r) => r.day === '2024-03-01')
          .sort((a, b) => nullsLast(a.station, b.station, true) || a.id - b.id)
          .map((r) => r.id),
      },
      { q: { filters: [f('riders', 'gt', '499')], sort: [{ column: 'riders', desc: true }] }, expected: [] }, // nothing matches
    ];
    for (const { q, expected } of walks) {
      expect(expected.length).toBeLessThanOrEqual(N * 0.02); // selective: read keys first once the shape is known
      const ids: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        // The keys-first statements against the page and count statements, on the same cursor.
        const built = buildQuery(
          opened.table,
          { filters: q.filters ?? [], select: q.select, sort: q.sort, limit: q.limit, rowId: q.rowId },
          cursor ? decodeCursor(cursor).keys : null,
        );
        expect(built.keysFirst).not.toBeNull();
        const [found] = await readRowsWarm(t.services, built.keysFirst!.sql, built.values);
        const rowids = (found!.ids ?? []) as number[];
        const fetched = rowids.length ? await readRowsWarm(t.services, built.keysFirst!.fetchSql, [`[${rowids.join(',')}]`]) : [];
        expect(fetched).toEqual(await readRowsWarm(t.services, built.sql, built.values));
        expect(Number(found!.n)).toBe(Number((await readRowsWarm(t.services, built.countSql!, built.countValues))[0]!.n));
        // The API's walk: a shape not seen yet (or last seen matching many rows) reads page + count; then keys first.
        expect(readsKeysFirst(opened.table, built), `${JSON.stringify(q)} page ${pages}`).toBe(pages > 0);
        const page = (await query({ ...q, cursor: cursor ?? undefined })) as Json;
        expect(page.total, JSON.stringify(q)).toBe(expected.length);
        ids.push(...page.rows.map((r: Json) => r.id ?? r.__row));
        cursor = page.next;
        pages++;
      } while (cursor);
      expect(ids, JSON.stringify(q)).toEqual(expected);
      expect(pages).toBe(Math.max(1, Math.ceil(expected.length / (q.limit ?? 100))));
    }
    // Asked again, the first page is read keys first and is the same.
    const again = walks[0]!.q;
    const first = await query(again);
    expect(readsKeysFirst(opened.table, buildQuery(opened.table, { filters: again.filters!, sort: again.sort, limit: again.limit }, null))).toBe(true);
    expect(await query(again)).toEqual(first);
  });

  it('deletes the copy when the version is withdrawn, and the rows are gone with it', async () => {
    expect(copies()).toHaveLength(1);
    await withdrawVersion(t.services, system(), { datasetId: 'big-riders', version: 1, reason: 'A test withdrawal of a large table' });
    expect(copies()).toHaveLength(0);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/big-riders/rows?limit=5' });
    expect(res.statusCode).not.toBe(200);
  });
});

describe(`native copies within DATA_NATIVE_COPY_MAX_BYTES (${process.env.TEST_DIALECT ?? 'sqlite'})`, () => {
  const withBudget = async (bytes: number, datasets: string[]) => {
    const b = await createTestContext({ DATA_NATIVE_COPY_MIN_ROWS: '10000', DATA_NATIVE_COPY_MAX_BYTES: String(bytes) });
    for (const id of datasets) {
      await createFixtureDataset(b.services, id);
      await publishFixtureVersion(b.services, id, { sql: TABLE_SQL });
    }
    return b;
  };
  const sorted: RowsParams = QUERIES[2]!;

  it('deletes a file no copy owns first, then the least recently queried copy; every answer stays the same', async () => {
    expect(oneCopyBytes).toBeGreaterThan(0);
    const b = await withBudget(Math.floor(oneCopyBytes * 1.5), ['riders-a', 'riders-b']);
    try {
      const dir = path.join(b.dataDir, 'cache', 'lake-native');
      const source = async (id: string) => (await openVersion(b.services, id, {})).table.source;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'left-by-an-earlier-run.duckdb'), Buffer.alloc(Math.floor(oneCopyBytes * 0.6)));
      const a = await queryRows(b.services, 'riders-a', sorted);
      await nativeCopiesSettled(b.services);
      // A (one copy) and the leftover (0.6) exceed 1.5 copies: the leftover goes, A stays.
      expect(copies(dir)).toHaveLength(1);
      expect(await source('riders-a')).toMatch(/^os_native_/);
      const fromB = await queryRows(b.services, 'riders-b', sorted);
      await nativeCopiesSettled(b.services);
      // B's copy makes two: A, the least recently queried, goes; its Parquet file answers the same.
      expect(copies(dir)).toHaveLength(1);
      expect([await source('riders-a'), await source('riders-b')]).toEqual([expect.stringMatching(/^read_parquet\(/), expect.stringMatching(/^os_native_/)]);
      expect(await queryRows(b.services, 'riders-a', sorted)).toEqual(a);
      expect(await queryRows(b.services, 'riders-b', sorted)).toEqual(fromB);
      // Queried again, A is copied again, and B (now the least recent) goes.
      await nativeCopiesSettled(b.services);
      expect([await source('riders-a'), await source('riders-b')]).toEqual([expect.stringMatching(/^os_native_/), expect.stringMatching(/^read_parquet\(/)]);
      expect(await queryRows(b.services, 'riders-a', sorted)).toEqual(a);
    } finally {
      await b.close();
    }
  });

  it('keeps no copy larger than the budget, and does not build it again: the Parquet file answers', async () => {
    const b = await withBudget(Math.floor(oneCopyBytes / 2), ['riders-c']);
    try {
      const dir = path.join(b.dataDir, 'cache', 'lake-native');
      const first = await queryRows(b.services, 'riders-c', sorted);
      await nativeCopiesSettled(b.services);
      expect(copies(dir)).toEqual([]);
      expect(await queryRows(b.services, 'riders-c', sorted)).toEqual(first);
      await nativeCopiesSettled(b.services);
      expect(copies(dir)).toEqual([]);
      expect((await openVersion(b.services, 'riders-c', {})).table.source).toMatch(/^read_parquet\(/);
    } finally {
      await b.close();
    }
  });
});
