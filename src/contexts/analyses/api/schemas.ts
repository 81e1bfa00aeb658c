import { Type } from '@sinclair/typebox';
import { Body, component } from '../../../core/http/schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Column = Type.Object({ name: Type.String(), type: Type.String() });
export const Chart = Type.Object({
  type: Type.Union([Type.Literal('bar'), Type.Literal('line')]),
  x: Type.String({ maxLength: 200 }),
  y: Type.String({ maxLength: 200 }),
});
export const Result = component(
  'AnalysisResult',
  Type.Object(
    {
      columns: Type.Array(Column),
      rows: Type.Array(Type.Array(Type.Unknown())),
      rowCount: Type.Integer({ description: 'Rows of the whole result (rows holds at most the first 200)' }),
      truncated: Type.Boolean(),
      suppressed: Type.Array(Type.Object({ row: Type.Integer(), columns: Type.Array(Type.String()), reason: Type.String() }), {
        description: 'Restricted data: cells the output check nulled',
      }),
      pins: Type.Record(Type.String(), Type.Integer(), { description: 'The dataset versions this result was computed on' }),
      ranAt: Type.String(),
    },
    { description: 'The stored result of running an analysis: its columns, the first 200 rows, and the versions it ran on' },
  ),
);
const Pins = Type.Record(Type.String(), Type.Integer(), { description: '{datasetId: version}: the versions the SQL is pinned to' });
const Behind = Type.Array(Type.Object({ datasetId: Type.String(), pinned: Type.Integer(), latest: Type.Integer() }), {
  description: 'Datasets with a newer published version',
});
const Summary = {
  id: Type.String(),
  title: Type.String(),
  pins: Pins,
  chart: Type.Union([Chart, Type.Null()]),
  status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  forkedFrom: Nullable(Type.String()),
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  ranAt: Nullable(Type.String()),
  behind: Behind,
  withdrawn: Type.Array(
    Type.Object({
      datasetId: Type.String(),
      version: Type.Integer(),
      kind: Type.Union([Type.Literal('withdrawn'), Type.Literal('deleted')]),
      at: Nullable(Type.String()),
      reason: Nullable(Type.String()),
    }),
    { description: 'Pinned versions whose rows are no longer served: withdrawn by the publisher, or the dataset deleted; with the public reason' },
  ),
  publishedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};
export const AnalysisSummary = Type.Object({ ...Summary, rowCount: Type.Union([Type.Integer(), Type.Null()]) });
export const AnalysisSchema = component(
  'Analysis',
  Type.Object(
    {
      ...Summary,
      sql: Type.String(),
      narrative: Type.String({ description: 'Markdown (a safe subset is rendered; HTML is refused)' }),
      result: Type.Union([Result, Type.Null()]),
      comments: Type.Array(Type.Object({ id: Type.String(), body: Type.String(), author: Type.String(), createdAt: Type.String() })),
    },
    { description: 'An analysis: its SQL pinned to dataset versions, chart, narrative, stored result and comments' },
  ),
);
export const CreateBody = Body({
  title: Type.String({ maxLength: 200 }),
  sql: Type.String({ maxLength: 20_000 }),
  narrative: Type.Optional(Type.String({ maxLength: 20_000 })),
  chart: Type.Optional(Type.Union([Chart, Type.Null()])),
});
export const RunResponse = Type.Object({ result: Result, stored: Type.Boolean() });
export const RerunResponse = Type.Object({
  result: Result,
  repinned: Type.Boolean(),
  diff: Type.Union([
    Type.Null(),
    Type.Object({
      versions: Type.Array(
        Type.Object({ datasetId: Type.String(), before: Type.Union([Type.Integer(), Type.Null()]), after: Type.Union([Type.Integer(), Type.Null()]) }),
      ),
      rowCount: Type.Object({ before: Type.Integer(), after: Type.Integer() }),
      matchedBy: Type.String(),
      changedCells: Type.Integer(),
      changes: Type.Array(Type.Object({ key: Type.String(), column: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
      addedRows: Type.Integer(),
      removedRows: Type.Integer(),
      columnsChanged: Type.Boolean(),
      totals: Type.Array(Type.Object({ column: Type.String(), before: Type.Number(), after: Type.Number() })),
    }),
  ]),
});
