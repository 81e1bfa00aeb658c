import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { BenchMeasureSchema, BenchRecordSchema } from '../domain/bench-record.js';
import { readPerformanceFigures } from '../use-cases/read-performance-figures.js';

const Words = Type.Object({ ko: Type.String(), en: Type.String() });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const { properties: record } = BenchRecordSchema;

const MeasureFigure = Type.Object({
  name: Type.String(),
  what: Words,
  peer: Words,
  goal: nullable(
    Type.Object({
      on: Type.Union([Type.Literal('ratio'), Type.Literal('value')]),
      op: Type.Union([Type.Literal('atLeast'), Type.Literal('atMost')]),
      target: Type.Number(),
      source: Type.String({ description: 'Where the goal was set' }),
      words: Words,
    }),
  ),
  measured: nullable(Type.Omit(BenchMeasureSchema, ['name'])),
  status: Type.Union([Type.Literal('met'), Type.Literal('not_met'), Type.Literal('no_goal'), Type.Literal('not_measured')]),
  unknownBecause: nullable(Words),
});

const PerformanceFigures = Type.Object({
  record: Type.Union([Type.Literal('present'), Type.Literal('missing'), Type.Literal('unreadable')], {
    description: 'Whether a bench record exists and could be read',
  }),
  notice: nullable(Words),
  startedAt: nullable(Type.String({ format: 'date-time' })),
  measuredAt: nullable(Type.String({ format: 'date-time', description: 'When the bench run finished' })),
  ageDays: nullable(Type.Integer({ minimum: 0 })),
  stale: nullable(Type.Boolean({ description: 'Older than staleAfterDays' })),
  staleAfterDays: Type.Integer(),
  age: nullable(Words),
  commit: nullable(Type.Object({ ...record.commit.properties, note: nullable(Words) })),
  machine: nullable(record.machine),
  conditions: nullable(Type.Object({ ...record.conditions.properties, words: Words })),
  settings: nullable(record.settings),
  provisional: nullable(Words),
  measures: Type.Array(MeasureFigure),
  others: Type.Array(BenchMeasureSchema, { description: 'Lines in the record with no description or goal here' }),
});

export function registerPerformanceApi(app: App, services: Services) {
  app.get(
    '/api/v1/about/performance',
    {
      schema: {
        tags: ['platform'],
        summary: 'The latest bench figures: ratios against peers, goals met or not, the machine, date and commit they were measured on',
        response: { 200: PerformanceFigures },
      },
    },
    async () => readPerformanceFigures(services),
  );
}
