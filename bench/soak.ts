/**
 * soak.*: a replica's resident memory through a mixed load (BENCH_SOAK_SECONDS, default 180; shorter for quick
 * runs). One `serve` process on the bench data dir (the Seoul network imported) with a published table of
 * BENCH_SOAK_ROWS rows (default 2M, DuckDB range() over the real station names) answers, at once: probes, routes
 * inside 교대, journeys, pages of the table (first pages, filtered and sorted pages with a new threshold each time,
 * group-bys, deep keyset pages) and HTML pages. Its RSS is read from /proc every 250 ms.
 *   soak.rss.peakMb   peak RSS under load; peer: the same process's RSS once started and idle
 *   soak.rss.vsLimit  peak RSS; peer: the 600 MB a replica may use (ratio ≤ 1 is the goal)
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import autocannon from 'autocannon';
import { createServices, prepareDatabase } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { literal } from '../src/contexts/data/lake/lake.js';
import { createFixtureDataset, publishFixtureVersion } from '../test/support/lake-fixtures.js';

type Emit = (name: string, value: number, unit: string, peer: number) => void;
type Start = (command: string[], env: Record<string, string>, readyUrl: string) => Promise<ChildProcess>;

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 180);
const ROWS = Number(process.env.BENCH_SOAK_ROWS ?? 2_000_000);
export const RSS_LIMIT_MB = 600;
const DATASET = 'bench-soak';

async function rssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** The soak's table, published once in the data dir (kept between runs of a kept BENCH_DATA_DIR). */
async function ensureTable(dataDir: string): Promise<string[]> {
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
  const services = createServices(loadConfig({ NODE_ENV: 'test', OPEN_SEOUL_DATA_DIR: dataDir, OPEN_SEOUL_SEED_DEMO: 'false', LOG_LEVEL: 'warn' }));
  try {
    await prepareDatabase(services, { seed: false });
    const exists = await services.db.selectFrom('data_dataset').select('id').where('id', '=', DATASET).executeTakeFirst();
    if (!exists) {
      await createFixtureDataset(services, DATASET, { titleKo: '역별 승하차 (합성, 소크)' });
      await publishFixtureVersion(services, DATASET, {
        sql: `SELECT range AS id, ${`[${names.map(literal).join(', ')}]`}[(range * 7) % ${names.length} + 1] AS station, (range % 9 + 1)::INT AS line,
          ((range * 7919) % 100000)::BIGINT AS riders, DATE '2024-01-01' + (range % 366)::INT AS day, (range % 24)::INT AS hour FROM range(${ROWS})`,
      });
    }
  } finally {
    await services.close();
  }
  return names;
}

export async function benchSoak(emit: Emit, start: Start, dataDir: string, port: number, urls: { route: string; journey: string }) {
  const names = await ensureTable(dataDir);
  const server = await start(
    ['node', 'bin/open-seoul.js', 'serve'],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      OPEN_SEOUL_DATA_DIR: dataDir,
      NODE_ENV: 'production',
      OPEN_SEOUL_SECRET: 'bench-secret-bench-secret-bench-secret',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    `http://127.0.0.1:${port}/health`,
  );
  const pid = server.pid!;
  try {
    await new Promise((r) => setTimeout(r, 2000));
    const idle = await rssMb(pid);
    let peak = idle;
    const sampler = setInterval(() => {
      rssMb(pid).then(
        (mb) => {
          peak = Math.max(peak, mb);
        },
        () => {},
      );
    }, 250);
    const rows = `/api/v1/data/datasets/${DATASET}/rows`;
    let n = 0;
    const station = (k: number) => encodeURIComponent(names[k % names.length]!);
    // Each request picks the next of these; thresholds move so totals and pages are not served from a cache.
    const mix: Array<() => string> = [
      () => '/health',
      () => urls.route,
      () => `${rows}?limit=100`,
      () => `${rows}?station=${station(n)}&riders__gte=${50_000 + (n % 5000)}&sort=-riders&limit=100`,
      () => `${rows}?riders__gte=${n % 90_000}&group_by=line&agg=count,avg:riders`,
      () => `${rows}?day__gte=2024-0${1 + (n % 9)}-01&sort=day,-riders&limit=1000`,
      () => `${rows}?line=${1 + (n % 9)}&hour__lt=${1 + (n % 23)}&limit=500`,
      () => '/data',
      () => urls.journey,
      () => '/',
    ];
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 8,
      duration: SECONDS,
      requests: [{ setupRequest: (req) => ({ ...req, path: mix[n++ % mix.length]!() }) }],
    });
    clearInterval(sampler);
    peak = Math.max(peak, await rssMb(pid));
    console.error(
      `soak: ${SECONDS} s, ${result.requests.total} requests (${result.non2xx} non-2xx, ${result.errors} errors), RSS idle ${Math.round(idle)} MB, peak ${Math.round(peak)} MB`,
    );
    if (result.requests.total === 0) throw new Error('soak: no request was answered');
    emit('soak.rss.peakMb', peak, 'MB', idle);
    emit('soak.rss.vsLimit', peak, 'MB', RSS_LIMIT_MB);
  } finally {
    server.kill();
  }
}
