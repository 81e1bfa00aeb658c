/**
 * `npm run bench`: one JSON line per measure, each a ratio against a peer measured in the same run.
 *   api.health.vsHello   GET /health (liveness) on the full app (SQLite) ÷ a bare Fastify hello route, requests/s
 *   api.ready.vsHello    GET /ready (database, data dir, a write to the file store) ÷ the hello route
 *   search.bigram.vsLike the core search analyzer ÷ a LIKE scan answering the same query (total + first page),
 *                        over 20,000 documents built from the real Seoul station names, queries/s
 *   api.routes.vsHello   GET /api/v1/transit/stations/{교대}/routes (wheelchair, platform → platform) ÷ the hello route
 *   journeys.vsHello     GET /api/v1/transit/journeys?from={교대}&to={여의도}&profile=wheelchair (the whole answer: rides,
 *                        transfers through the interiors, the checks at both ends) ÷ the hello route
 *   routing.*            see bench/routing.ts
 *   query.*              see bench/query.ts
 *   ingest.*             see bench/ingest.ts
 *   maps.*               see bench/maps.ts (transfer-map PDF from the cache, the network map page)
 *   soak.*               see bench/soak.ts (a replica's peak resident memory through a mixed load)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { createServices, prepareDatabase } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { indexDocument, searchDocuments } from '../src/core/search/search-index.js';
import { routingFor } from '../src/contexts/transit/routing/routing-service.js';
import { benchIngest } from './ingest.js';
import { benchMaps } from './maps.js';
import { benchQuery } from './query.js';
import { recordLine } from './record.js';
import { benchSoak } from './soak.js';
import { benchNetworkRouting, benchStationRouting } from './routing.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
/** The hello server listens on BENCH_PORT, the app on the next port (the end-to-end tests use 4190 and up: pick others while they run). */
const HELLO_PORT = Number(process.env.BENCH_PORT ?? 4191);
const APP_PORT = HELLO_PORT + 1;

function emit(name: string, value: number, unit: string, peer: number) {
  console.log(
    JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, ratio: Math.round((value / peer) * 1000) / 1000, peer: Math.round(peer * 100) / 100 }),
  );
  recordLine(name, value, unit, peer); // bench/record.ts: kept for --record / BENCH_RECORD=1
}

async function start(command: string[], env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(command[0]!, command.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 1800; i++) {
    // up to 3 min: the first start migrates and imports the Seoul network (slower on a busy machine)
    if (
      await fetch(readyUrl).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`server did not start: ${command.join(' ')}`);
}

async function requestsPerSecond(url: string, seconds = DURATION): Promise<number> {
  const result = await autocannon({ url, connections: 50, duration: seconds });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/**
 * Requests/s of a URL and of the hello route, measured alternately (BENCH_API_ROUNDS rounds, default 3, each
 * side BENCH_SECONDS long), the best round of each counting: on a shared, busy machine both sides then see the
 * same load, where measuring the hello route once before the app made the ratio follow the neighbours' work.
 */
async function versusHello(url: string, helloUrl: string): Promise<[number, number]> {
  const rounds = Number(process.env.BENCH_API_ROUNDS ?? 3);
  await autocannon({ url, connections: 20, duration: 1 }); // warm-up
  let ours = 0;
  let hello = 0;
  for (let r = 0; r < rounds; r++) {
    hello = Math.max(hello, await requestsPerSecond(helloUrl, Math.max(1, Math.round(DURATION / rounds))));
    ours = Math.max(ours, await requestsPerSecond(url, Math.max(1, Math.round(DURATION / rounds))));
  }
  return [ours, hello];
}

async function benchHealth(dataDir: string) {
  const hello = await start(['node', '--import', 'tsx', 'bench/hello-server.ts'], { PORT: String(HELLO_PORT) }, `http://127.0.0.1:${HELLO_PORT}/hello`);
  const helloUrl = `http://127.0.0.1:${HELLO_PORT}/hello`;
  await autocannon({ url: helloUrl, connections: 20, duration: 1 }); // warm-up
  const server = await start(
    ['node', 'bin/open-seoul.js', 'serve'],
    {
      PORT: String(APP_PORT),
      HOST: '127.0.0.1',
      OPEN_SEOUL_DATA_DIR: dataDir,
      NODE_ENV: 'production',
      OPEN_SEOUL_SECRET: 'bench-secret-bench-secret-bench-secret',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    `http://127.0.0.1:${APP_PORT}/health`,
  );
  const app = `http://127.0.0.1:${APP_PORT}`;
  const [healthRps, helloHealth] = await versusHello(`${app}/health`, helloUrl);
  const [readyRps, helloReady] = await versusHello(`${app}/ready`, helloUrl); // the database, the data dir and a write to the file store
  const routeUrl = await pilotRouteUrl(dataDir);
  const [routesRps, helloRoutes] = await versusHello(`${app}${routeUrl}`, helloUrl);
  const [journeysRps, helloJourneys] = await versusHello(`${app}${await journeyUrl(dataDir)}`, helloUrl);
  hello.kill();
  await benchMaps(emit, app, routeUrl);
  server.kill();
  emit('api.health.vsHello', healthRps, 'req/s', helloHealth);
  emit('api.ready.vsHello', readyRps, 'req/s', helloReady);
  emit('api.routes.vsHello', routesRps, 'req/s', helloRoutes);
  emit('journeys.vsHello', journeysRps, 'req/s', helloJourneys);
}

async function benchSearch(dataDir: string) {
  const services = createServices(loadConfig({ NODE_ENV: 'test', OPEN_SEOUL_DATA_DIR: path.join(dataDir, 'search'), OPEN_SEOUL_SEED_DEMO: 'false' }));
  await prepareDatabase(services, { seed: false });
  // Vocabulary: the real station names of Seoul's subway (seed/transit, Seoul Open Data Plaza OA-15442).
  const csv = await fs.readFile('seed/transit/seoul-subway/stations/서울교통공사_노선별 지하철역 정보.csv', 'utf8');
  const names = [
    ...new Set(
      csv
        .replace(/^\uFEFF/, '')
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]?.replace(/"/g, ''))
        .filter((n): n is string => !!n && n.length >= 2),
    ),
  ];
  const docs = Number(process.env.BENCH_SEARCH_DOCS ?? 20000);
  await services.db.transaction().execute(async (tx) => {
    for (let i = 0; i < docs; i++) {
      const pick = (k: number) => names[(i * 31 + k * 97 + k * k * i) % names.length];
      await indexDocument(tx, {
        type: 'bench',
        id: String(i),
        url: `/b/${String(i).padStart(6, '0')}`,
        title: { ko: `${pick(1)}역 ${pick(2)}역 환승 정보 ${i}`, en: `Transfer data ${i}` },
        summary: { ko: `${pick(3)}에서 ${pick(4)}까지 가는 교통약자 경로`, en: null },
      });
    }
  });
  const words = names.slice(0, 40);
  const queries = words;
  const time = async (fn: (q: string) => Promise<unknown>) => {
    const rounds = 3;
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const q of queries) await fn(q);
    return (rounds * queries.length) / ((performance.now() - t0) / 1000);
  };
  // The peer answers the same question without the index: total and the first page, by a LIKE scan.
  const like = await time((q) =>
    Promise.all([
      sql`select count(*) as n from core_search_doc where norm_text like ${`%${q}%`}`.execute(services.db),
      sql`select doc_id, title, summary, url from core_search_doc where norm_text like ${`%${q}%`} order by url limit 20`.execute(services.db),
    ]),
  );
  const ours = await time((q) => searchDocuments(services.db, q, { limit: 20 }));
  emit('search.bigram.vsLike', ours, 'queries/s', like);
  await services.close();
}

/** A wheelchair transfer at 교대 between the first platforms of two lines (the pilot interiors). */
async function pilotRouteUrl(dataDir: string) {
  const services = createServices(loadConfig({ NODE_ENV: 'test', OPEN_SEOUL_DATA_DIR: dataDir, OPEN_SEOUL_SEED_DEMO: 'false' }));
  const station = await services.db.selectFrom('transit_station').select('id').where('name_ko', 'like', '교대%').executeTakeFirstOrThrow();
  const platforms = await services.db
    .selectFrom('transit_node')
    .select(['stop_id', 'platform_code'])
    .where('station_id', '=', station.id)
    .where('location_type', '=', 0)
    .orderBy('stop_id')
    .execute();
  const a = platforms[0]!;
  const b = platforms.find((p) => p.platform_code !== a.platform_code)!;
  await services.close();
  return `/api/v1/transit/stations/${station.id}/routes?from=${encodeURIComponent(a.stop_id)}&to=${encodeURIComponent(b.stop_id)}&profile=wheelchair`;
}

/** A wheelchair journey 교대 → 여의도 (lines 3, 9 and a transfer, as the issue tried it), by station ids found by name. */
async function journeyUrl(dataDir: string) {
  const services = createServices(loadConfig({ NODE_ENV: 'test', OPEN_SEOUL_DATA_DIR: dataDir, OPEN_SEOUL_SEED_DEMO: 'false' }));
  const idOf = async (name: string) =>
    (
      await services.db
        .selectFrom('transit_station')
        .select('id')
        .where('feed', '=', 'seoul')
        .where((eb) => eb.or([eb('name_ko', '=', name), eb('name_ko', 'like', `${name}(%`)]))
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
  const [from, to] = [await idOf('교대'), await idOf('여의도')];
  await services.close();
  return `/api/v1/transit/journeys?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&profile=wheelchair`;
}

async function benchRouting(dataDir: string) {
  benchStationRouting(emit);
  const services = createServices(loadConfig({ NODE_ENV: 'test', OPEN_SEOUL_DATA_DIR: dataDir, OPEN_SEOUL_SEED_DEMO: 'false' }));
  const { model } = await routingFor(services).network();
  benchNetworkRouting(emit, { stations: model.stations.map((s) => ({ id: s.id, lines: s.lines })), runs: model.runs });
  await services.close();
}

/**
 * BENCH_ONLY=api,query runs some groups only (api, routing, search, query, ingest, soak; default all), for quick runs on
 * a shared machine. BENCH_DATA_DIR keeps the data dir (and its imported network) between runs instead of a fresh one.
 */
const only = new Set(
  (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean),
);
const runs = (group: string) => only.size === 0 || only.has(group);
const keep = process.env.BENCH_DATA_DIR;
const dataDir = keep ? path.resolve(keep) : await fs.mkdtemp(path.join(os.tmpdir(), 'open-seoul-bench-'));
await fs.mkdir(dataDir, { recursive: true });
try {
  if (runs('api')) await benchHealth(dataDir);
  if (runs('routing')) await benchRouting(dataDir);
  if (runs('search')) await benchSearch(dataDir);
  if (runs('query')) await benchQuery(emit, dataDir);
  if (runs('ingest')) await benchIngest(emit, dataDir);
  if (runs('soak')) {
    if (!runs('api')) {
      // the network is imported by the first start: let it happen before the soak measures
      const first = await start(
        ['node', 'bin/open-seoul.js', 'serve'],
        {
          PORT: String(APP_PORT),
          HOST: '127.0.0.1',
          OPEN_SEOUL_DATA_DIR: dataDir,
          NODE_ENV: 'production',
          OPEN_SEOUL_SECRET: 'bench-secret-bench-secret-bench-secret',
          LOG_LEVEL: 'warn',
        },
        `http://127.0.0.1:${APP_PORT}/health`,
      );
      first.kill();
      await new Promise((r) => first.once('exit', r));
    }
    await benchSoak(emit, start, dataDir, APP_PORT, { route: await pilotRouteUrl(dataDir), journey: await journeyUrl(dataDir) });
  }
} finally {
  if (!keep) await fs.rm(dataDir, { recursive: true, force: true });
}
