/**
 * ingest.csv1m.vsDuckdbRaw: our full ingest (ingestFile: encoding detection, schema inference, validation,
 * typed Parquet, profile, catalogue rows) of a generated 1M-row Korean CSV, against DuckDB alone doing
 * `COPY (SELECT * FROM read_csv(file)) TO parquet` on the same file with the same DuckDB settings, in the
 * same run. Reported as rows/s; the ratio is raw time ÷ our time (0.8 or more wanted). Each side runs
 * BENCH_INGEST_ROUNDS times (default 8), alternating, and the best time of each counts (the machine is shared and
 * noisy: with 5, one side's best still moved by 10% between runs).
 * The log line adds each round's step timings and CPU time (this process's, DuckDB's threads included). A
 * regular UTF-8 file like this one takes the one-pass read (run-ingest.ts): the step timings are then DuckDB's
 * infer and write, with detection running beside the write (`detect` is only what it added after the write).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { createServices, prepareDatabase } from '../src/app.js';
import { system } from '../src/core/auth/actor.js';
import { loadConfig } from '../src/core/config.js';
import { lakeFor, literal } from '../src/contexts/data/lake/lake.js';
import { ingestFile } from '../src/contexts/data/use-cases/ingest-file.js';

type Emit = (name: string, value: number, unit: string, peer: number) => void;

const ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_INGEST_ROUNDS ?? 8);

/** Real station and line names (seed/transit, Seoul Open Data Plaza OA-15442) as the Korean vocabulary. */
async function vocabulary() {
  const csv = await fsp.readFile('seed/transit/seoul-subway/stations/서울교통공사_노선별 지하철역 정보.csv', 'utf8');
  const rows = csv
    .replace(/^\uFEFF/, '')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map((c) => c.replace(/"/g, '')));
  const stations = [...new Set(rows.map((r) => r[1]).filter((n): n is string => !!n))];
  const lines = [...new Set(rows.map((r) => r[3]).filter((n): n is string => !!n))];
  return { stations, lines };
}

/**
 * A deterministic file shaped like Seoul's ridership and congestion exports: YYYYMMDD dates, line and station
 * names, counts with thousands separators in one column ("12,345", quoted), decimals with a trailing space,
 * a sparse Korean note, a date-time, and one missing value in a thousand.
 */
export async function generateKoreanCsv(file: string, rows = ROWS) {
  const { stations, lines } = await vocabulary();
  const out = fs.createWriteStream(file);
  out.write('사용일자,호선,역명,승차총승객수,하차총승객수,혼잡도,기온,비고,등록일시\n');
  let seed = 20230101;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + (i % 365) * 86_400_000);
    const ymd = day.toISOString().slice(0, 10).replace(/-/g, '');
    const on = Math.floor(next() * 90_000);
    const off = Math.floor(next() * 90_000);
    const onText = i % 3 === 0 ? `"${on.toLocaleString('en-US')}"` : String(on);
    const congestion = i % 1000 === 999 ? '' : `${(next() * 160).toFixed(1)} `;
    const note = i % 40 === 0 ? '"공사 중, 일부 출구 폐쇄"' : '';
    buf += `${ymd},${lines[i % lines.length]},${stations[(i * 7) % stations.length]},${onText},${off},${congestion},${(next() * 45 - 12).toFixed(1)},${note},${day.toISOString().slice(0, 10)} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

export async function benchIngest(emit: Emit, dataDir: string) {
  const dir = path.join(dataDir, 'ingest');
  await fsp.rm(dir, { recursive: true, force: true }); // a kept BENCH_DATA_DIR: start afresh
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, 'korean-1m.csv');
  await generateKoreanCsv(file);
  const services = createServices(loadConfig({ NODE_ENV: 'test', OPEN_SEOUL_DATA_DIR: dir, OPEN_SEOUL_SEED_DEMO: 'false', LOG_LEVEL: 'warn' }));
  await prepareDatabase(services, { seed: false });
  const lake = lakeFor(services);
  const conn = await lake.connect();
  /** CPU milliseconds of this process (Node's thread and DuckDB's), a steadier figure than wall time on a shared machine. */
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const rawCpu: number[] = [];
  const ourCpu: number[] = [];
  const raw = async () => {
    const t = performance.now();
    const c = cpuMs();
    await conn.run(`COPY (SELECT * FROM read_csv(${literal(file)})) TO ${literal(path.join(dir, 'raw.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
    rawCpu.push(cpuMs() - c);
    return performance.now() - t;
  };
  let rounds = 0;
  let timings = '';
  const ours = async () => {
    const t = performance.now();
    const c = cpuMs();
    const { published, result } = await ingestFile(services, system(), {
      datasetId: 'bench-korean-1m',
      file,
      filename: 'korean-1m.csv',
      create: rounds++ === 0 ? { titleKo: '벤치마크 1백만 행', licence: 'CC0-1.0' } : undefined,
    });
    if (published.rows !== ROWS) throw new Error(`ingest read ${published.rows} rows, expected ${ROWS}`);
    const total = performance.now() - t;
    ourCpu.push(cpuMs() - c);
    timings = `${Object.entries(result.timings)
      .map(([k, ms]) => `${k} ${ms}`)
      .join(', ')}, catalogue ${Math.round(total - Object.values(result.timings).reduce((a, b) => a + b, 0))}`;
    return total;
  };
  await raw(); // warm the page cache and DuckDB
  rawCpu.pop();
  const rawTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    rawTimes.push(await raw());
    ourTimes.push(await ours());
  }
  conn.closeSync();
  await services.close();
  const best = (xs: number[]) => Math.min(...xs);
  console.error(
    `ingest.csv1m: raw ${rawTimes.map(Math.round).join(', ')} ms; ours ${ourTimes.map(Math.round).join(', ')} ms (last: ${timings}); ` +
      `CPU raw ${rawCpu.map(Math.round).join(', ')} ms, ours ${ourCpu.map(Math.round).join(', ')} ms (CPU ratio of the best: ${(best(rawCpu) / best(ourCpu)).toFixed(3)})`,
  );
  emit('ingest.csv1m.vsDuckdbRaw', ROWS / (best(ourTimes) / 1000), 'rows/s', ROWS / (best(rawTimes) / 1000));
}
