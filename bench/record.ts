/**
 * `npm run bench -- --record` (or BENCH_RECORD=1): keeps every line the bench prints and, when the run ends
 * without error, writes them with the machine, the date, the commit and the conditions to
 * seed/performance/bench-latest.json (or BENCH_RECORD_FILE). The format is BenchRecordSchema
 * (src/contexts/home/domain/bench-record.ts); /about/performance publishes it, beside each measure's goal
 * (MEASURES in src/contexts/home/domain/performance-measures.ts).
 *
 * Conditions are said, never guessed silently: BENCH_CONDITIONS=quiet|shared and BENCH_CONDITIONS_NOTE (words).
 * Unset, a machine whose one-minute load average exceeds half its cores when the run starts is recorded as
 * shared, otherwise as unknown; the load averages at start and end are recorded either way.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_RECORD_FORMAT, type BenchMeasure, type BenchRecord } from '../src/contexts/home/domain/bench-record.js';
import { goalStatus, MEASURES } from '../src/contexts/home/domain/performance-measures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_RECORD_FILE = path.join(ROOT, 'seed/performance/bench-latest.json');

const enabled = process.argv.includes('--record') || process.env.BENCH_RECORD === '1';
const measures: BenchMeasure[] = [];
const startedAt = new Date().toISOString();
const loadAtStart = os.loadavg()[0]!;

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
// The code measured is the code at the start.
const sha = git(['rev-parse', 'HEAD']);
const status = sha === null ? null : git(['status', '--porcelain', '--untracked-files=no']);

/** One emitted line, as bench/run.ts's emit prints it (same rounding). */
export function recordLine(name: string, value: number, unit: string, peer: number): void {
  measures.push({ name, value: Math.round(value * 100) / 100, unit, ratio: Math.round((value / peer) * 1000) / 1000, peer: Math.round(peer * 100) / 100 });
}

function conditions(): BenchRecord['conditions'] {
  const said = process.env.BENCH_CONDITIONS;
  const cores = os.cpus().length;
  const machine = said === 'quiet' || said === 'shared' ? said : loadAtStart > cores / 2 ? 'shared' : 'unknown';
  const auto = !said && machine === 'shared' ? `load average ${loadAtStart.toFixed(2)} on ${cores} cores at the start (not said by BENCH_CONDITIONS)` : null;
  return {
    machine,
    note: process.env.BENCH_CONDITIONS_NOTE || auto,
    loadAverage1m: { atStart: Math.round(loadAtStart * 100) / 100, atEnd: Math.round(os.loadavg()[0]! * 100) / 100 },
  };
}

export function buildRecord(): BenchRecord {
  const cpus = os.cpus();
  const groups = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  return {
    format: BENCH_RECORD_FORMAT,
    startedAt,
    finishedAt: new Date().toISOString(),
    commit: { sha: sha && /^[0-9a-f]{40}$/.test(sha) ? sha : null, dirty: status === null ? null : status.length > 0 },
    machine: {
      cpuModel: cpus[0]?.model.trim() || 'unknown',
      cores: cpus.length,
      memoryBytes: os.totalmem(),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
    },
    conditions: conditions(),
    settings: { seconds: Number(process.env.BENCH_SECONDS ?? 5), groups: groups.length ? groups : null },
    measures,
  };
}

if (enabled) {
  process.on('exit', (code) => {
    if (code !== 0) {
      console.error('bench record not written: the run failed');
      return;
    }
    const file = process.env.BENCH_RECORD_FILE ? path.resolve(process.env.BENCH_RECORD_FILE) : DEFAULT_RECORD_FILE;
    const record = buildRecord();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    console.error(`bench record written: ${path.relative(process.cwd(), file)} (${measures.length} lines, machine ${record.conditions.machine})`);
    for (const m of measures) {
      const def = MEASURES[m.name];
      if (def?.goal)
        console.error(
          `  ${m.name}: ${def.goal.on} ${def.goal.on === 'ratio' ? m.ratio : m.value} (goal ${def.goal.op === 'atLeast' ? '≥' : '≤'} ${def.goal.target}): ${goalStatus(def.goal, m)}`,
        );
    }
  });
}
