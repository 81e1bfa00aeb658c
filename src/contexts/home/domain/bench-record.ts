import { Type, type Static } from '@sinclair/typebox';

/**
 * The file `npm run bench -- --record` writes (seed/performance/bench-latest.json by default), version 1.
 * Each measure is one line the bench printed, as printed: `value` in `unit`, the `peer` measured in the same run
 * on the same machine, and `ratio` = value ÷ peer. The app reads this file for /about/performance; it never
 * measures anything itself.
 */
export const BENCH_RECORD_FORMAT = 'open-seoul.bench-record/1';

export const BenchMeasureSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120, description: "The bench line's name, e.g. api.health.vsHello" }),
  value: Type.Number({ description: 'What was measured, in unit' }),
  unit: Type.String({ maxLength: 200 }),
  ratio: Type.Number({ description: 'value ÷ peer, rounded to 3 decimals' }),
  peer: Type.Number({ description: 'The peer measured in the same run, in the same unit' }),
});

export const BenchRecordSchema = Type.Object(
  {
    format: Type.Literal(BENCH_RECORD_FORMAT),
    startedAt: Type.String({ format: 'date-time' }),
    finishedAt: Type.String({ format: 'date-time' }),
    commit: Type.Object({
      sha: Type.Union([Type.String({ pattern: '^[0-9a-f]{40}$' }), Type.Null()], { description: 'git HEAD when the bench ran; null outside a git checkout' }),
      dirty: Type.Union([Type.Boolean(), Type.Null()], {
        description: 'true when the checkout had uncommitted changes (the code measured is not exactly the commit)',
      }),
    }),
    machine: Type.Object({
      cpuModel: Type.String(),
      cores: Type.Integer({ minimum: 1 }),
      memoryBytes: Type.Integer({ minimum: 0 }),
      os: Type.String({ description: 'e.g. Linux 6.1.0 x64' }),
      node: Type.String({ description: 'process.version, e.g. v20.19.0' }),
    }),
    conditions: Type.Object({
      machine: Type.Union([Type.Literal('quiet'), Type.Literal('shared'), Type.Literal('unknown')], {
        description:
          'quiet: nothing else ran; shared: other work ran on the machine at the same time (ratios are noisier); unknown: not said (BENCH_CONDITIONS)',
      }),
      note: Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'In words, from BENCH_CONDITIONS_NOTE' }),
      loadAverage1m: Type.Object({ atStart: Type.Number(), atEnd: Type.Number() }, { description: 'os.loadavg()[0] before and after the run' }),
    }),
    settings: Type.Object({
      seconds: Type.Number({ description: 'BENCH_SECONDS: length of each load test' }),
      groups: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'BENCH_ONLY: the groups run; null = all' }),
    }),
    measures: Type.Array(BenchMeasureSchema),
  },
  { additionalProperties: false },
);

export type BenchMeasure = Static<typeof BenchMeasureSchema>;
export type BenchRecord = Static<typeof BenchRecordSchema>;
