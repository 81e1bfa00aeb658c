import { describe, expect, it } from 'vitest';
import { BENCH_RECORD_FORMAT, type BenchRecord } from './bench-record.js';
import { fillFigures } from './fill-figures.js';

const record = (health: number): BenchRecord => ({
  format: BENCH_RECORD_FORMAT,
  startedAt: '2026-12-06T08:35:07.000Z',
  finishedAt: '2026-12-06T08:38:45.000Z',
  commit: { sha: 'eed53b3735339d686256fc88d56fa03c797e7ef0', dirty: true },
  machine: { cpuModel: 'AMD EPYC', cores: 2, memoryBytes: 25 * 2 ** 30, os: 'Linux 6.1 x64', node: 'v20.20.2' },
  conditions: { machine: 'shared', note: null, loadAverage1m: { atStart: 22.64, atEnd: 22.98 } },
  settings: { seconds: 2, groups: ['api'] },
  measures: [{ name: 'api.health.vsHello', value: health, unit: 'req/s', ratio: 0.604, peer: 956 }],
});

describe('fillFigures', () => {
  it('fills placeholders, says "not measured" for a line the record lacks, and refills its own output', () => {
    const text =
      '| a | {{bench:api.health.vsHello:value}} req/s ({{bench:api.health.vsHello:ratio}}×) | {{bench:query.rows.p50ms:value}} ms |\non {{bench:@machine}}, {{bench:@date}}, {{bench:@commit}}';
    const once = fillFigures(text, record(1577.5));
    expect(once).toBe(
      '| a | <!--bench:api.health.vsHello:value-->1,577.5<!--/bench--> req/s (<!--bench:api.health.vsHello:ratio-->0.604<!--/bench-->×) | <!--bench:query.rows.p50ms:value-->not measured<!--/bench--> ms |\n' +
        'on <!--bench:@machine-->AMD EPYC, 2 cores, 25 GB, Linux 6.1 x64, Node v20.20.2<!--/bench-->, <!--bench:@date-->2026-12-06 17:38 KST<!--/bench-->, <!--bench:@commit-->eed53b373533 (with uncommitted changes)<!--/bench-->',
    );
    const twice = fillFigures(once, record(600));
    expect(twice).toContain('<!--bench:api.health.vsHello:value-->600<!--/bench--> req/s');
    expect(fillFigures(twice, record(1577.5))).toBe(once);
  });

  it('refuses a key it does not know', () => {
    expect(() => fillFigures('{{bench:api.health.vsHello}}', record(1))).toThrow(/Unknown bench figure "api.health.vsHello"/);
  });
});

describe('goalStatus', () => {
  it('compares the ratio or the value with the target, either way', async () => {
    const { goalStatus, MEASURES } = await import('./performance-measures.js');
    const health = MEASURES['api.health.vsHello']!.goal;
    expect(goalStatus(health, { value: 1, ratio: 0.5 })).toBe('met');
    expect(goalStatus(health, { value: 1, ratio: 0.499 })).toBe('not_met');
    const rows = MEASURES['query.rows.p50ms']!.goal;
    expect(goalStatus(rows, { value: 50, ratio: 9 })).toBe('met');
    expect(goalStatus(rows, { value: 50.01, ratio: 0.1 })).toBe('not_met');
    expect(goalStatus(null, { value: 1, ratio: 1 })).toBe('no_goal');
  });
});
