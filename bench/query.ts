/**
 * Query benches on a 10M-row dataset (generated with DuckDB range() over the real Seoul station names, written
 * to the lake as a published version by the test fixture helper):
 *   query.rows.p50ms     queryRows(): a filtered, sorted first page of 100 rows, with its exact total
 *   query.groupby.p50ms  queryRows(): group by line with count and avg (and the number of groups)
 *   query.firstPage.p50ms queryRows(): the first page of 100 rows as a dataset opens (no filter, file order), with
 *                        its total (the row count, from the Parquet metadata); peer: plain DuckDB `LIMIT 100`
 *   query.nativeCopy.buildMs  building this replica's native DuckDB copy of the version (query/native-copy.ts, in
 *                        the background on first query); peer: writing the version's Parquet file from range()
 * The pages are timed once the copy is ready (a replica's steady state for a table it serves; until then the
 * Parquet file answers, as the peer does).
 * Each peer is the same page as plain DuckDB SQL on the Parquet file, on the same DuckDB instance, run alternately
 * with ours (ratio = ours ÷ peer; above 1 is slower). Every run uses a different threshold, so no total comes from
 * the totals cache: our rows figure includes the exact count (counted in the page's scan once the filter is known to
 * be selective, see query-rows.ts; else a second scan), the peer's does not.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createServices, prepareDatabase } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { literal } from '../src/contexts/data/lake/lake.js';
import { parquetFileOf, withLake } from '../src/contexts/data/query/duck.js';
import { nativeCopiesSettled } from '../src/contexts/data/query/native-copy.js';
import { queryRows } from '../src/contexts/data/query/query-rows.js';
import { createFixtureDataset, publishFixtureVersion } from '../test/support/lake-fixtures.js';

type Emit = (name: string, value: number, unit: string, peer: number) => void;

const ROWS = Number(process.env.BENCH_QUERY_ROWS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 30);

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** p50 of ours and of the peer, run alternately (run r of each, then r + 1 …) so both see the same machine load. */
async function timePair(runs: number, ours: (run: number) => Promise<unknown>, peer: (run: number) => Promise<unknown>): Promise<[number, number]> {
  for (let r = 0; r < 3; r++) {
    await ours(runs + r);
    await peer(runs + r);
  } // warm-up (file metadata, OS cache)
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    await ours(r);
    a.push(performance.now() - t0);
    t0 = performance.now();
    await peer(r);
    b.push(performance.now() - t0);
  }
  return [p50(a), p50(b)];
}

export async function benchQuery(emit: Emit, dataDir: string): Promise<void> {
  await fs.rm(path.join(dataDir, 'query'), { recursive: true, force: true }); // a kept BENCH_DATA_DIR: write it afresh
  const services = createServices(loadConfig({ NODE_ENV: 'test', OPEN_SEOUL_DATA_DIR: path.join(dataDir, 'query'), OPEN_SEOUL_SEED_DEMO: 'false' }));
  try {
    await prepareDatabase(services, { seed: false });
    const csv = await fs.readFile('seed/transit/seoul-subway/stations/서울교통공사_노선별 지하철역 정보.csv', 'utf8');
    const names = [
      ...new Set(
        csv
          .replace(/^\uFEFF/, '')
          .split('\n')
          .slice(1)
          .map((l) => l.split(',')[1]?.replace(/"/g, '').trim())
          .filter((n): n is string => !!n),
      ),
    ];
    const list = `[${names.map(literal).join(', ')}]`;
    await createFixtureDataset(services, 'bench-riders', { titleKo: '역별 승하차 (합성)' });
    const t0 = performance.now();
    const version = await publishFixtureVersion(services, 'bench-riders', {
      sql: `SELECT range AS id, ${list}[(range * 7) % ${names.length} + 1] AS station, (range % 9 + 1)::INT AS line,
        ((range * 7919) % 100000)::BIGINT AS riders, DATE '2024-01-01' + (range % 366)::INT AS day, (range % 24)::INT AS hour FROM range(${ROWS})`,
    });
    const writeMs = performance.now() - t0;
    console.error(`query bench: ${ROWS} rows written in ${Math.round(writeMs)} ms`);
    const file = await parquetFileOf(services, version);
    // The first query starts this replica's native copy of the version (query/native-copy.ts); until it is ready the
    // Parquet file answers. The pages below are timed on the copy: a replica's steady state for a table it serves.
    const t1 = performance.now();
    await queryRows(services, 'bench-riders', { limit: 1 });
    await nativeCopiesSettled(services);
    emit('query.nativeCopy.buildMs', performance.now() - t1, 'ms', writeMs);
    const station = names[0]!;

    const [first, firstPeer] = await withLake(services, (c) =>
      timePair(
        RUNS,
        () => queryRows(services, 'bench-riders', { limit: 100 }),
        () => c.runAndReadAll(`SELECT * FROM read_parquet(${literal(file)}) LIMIT 100`),
      ),
    );
    emit('query.firstPage.p50ms', first, 'ms', firstPeer);

    const [rows, rowsPeer] = await withLake(services, (c) =>
      timePair(
        RUNS,
        (r) =>
          queryRows(services, 'bench-riders', {
            filters: [
              { column: 'station', op: 'eq', value: station },
              { column: 'riders', op: 'gte', value: String(50_000 + r) },
            ],
            sort: [{ column: 'riders', desc: true }],
            limit: 100,
          }),
        (r) =>
          c.runAndReadAll(
            `SELECT * FROM read_parquet(${literal(file)}) WHERE station = ${literal(station)} AND riders >= ${50_000 + r} ORDER BY riders DESC LIMIT 100`,
          ),
      ),
    );
    emit('query.rows.p50ms', rows, 'ms', rowsPeer);

    const [group, groupPeer] = await withLake(services, (c) =>
      timePair(
        RUNS,
        (r) =>
          queryRows(services, 'bench-riders', {
            filters: [{ column: 'riders', op: 'gte', value: String(r) }],
            groupBy: ['line'],
            agg: [{ fn: 'count' }, { fn: 'avg', column: 'riders' }],
          }),
        (r) =>
          c.runAndReadAll(`SELECT line, count(*), avg(riders) FROM read_parquet(${literal(file)}) WHERE riders >= ${r} GROUP BY line ORDER BY line LIMIT 100`),
      ),
    );
    emit('query.groupby.p50ms', group, 'ms', groupPeer);
  } finally {
    await services.close();
  }
}
