import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { binaryBody, Body, errorResponses, textBody } from '../../../core/http/schemas.js';
import { DOWNLOAD_FORMATS, downloadRows, type Download } from '../query/download-rows.js';
import { MAX_LIMIT, queryRows } from '../query/query-rows.js';
import { downloadSql, listSqlTables, runSql, SQL_LIMITS } from '../query/sandbox/run-sql.js';
import { rowsParamsFromQuery } from '../query/url-params.js';

const tags = ['data'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DatasetParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
const VersionQuery = {
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'Version number; default the latest published' })),
  asOf: Type.Optional(Type.String({ maxLength: 40, description: 'ISO 8601 instant: the version that was current then' })),
  resource: Type.Optional(Type.String({ maxLength: 200, description: 'Resource id; default the first table' })),
};
const FilterQuery = {
  select: Type.Optional(Type.String({ description: 'Columns to return, comma-separated' })),
  sort: Type.Optional(Type.String({ description: 'Sort columns, comma-separated; -col for descending. Ties: file order' })),
};
const FILTER_HELP =
  'Filters: `col=value` (equals) or `col__op=value`, op one of eq, ne (nulls included), lt, lte, gt, gte, in (comma list), ' +
  'contains, startswith (both case-insensitive), isnull (true/false). Values are checked against the column type.';

const Field = Type.Object({ name: Type.String(), type: Type.String() });
const RowsResponse = Type.Object({
  dataset: Type.Object({ id: Type.String(), title: Type.Object({ ko: Nullable(Type.String()), en: Nullable(Type.String()) }) }),
  resource: Type.Object({ id: Type.String(), name: Type.String() }),
  version: Type.Object({ id: Type.String(), number: Type.Integer(), publishedAt: Nullable(Type.String()), rows: Type.Integer() }),
  fields: Type.Array(Field),
  total: Type.Integer({ description: 'Exact number of matching rows (or groups)' }),
  rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  next: Nullable(Type.String({ description: 'URL of the next page (same query, cursor set); null on the last page' })),
  cursor: Nullable(Type.String({ description: 'Opaque cursor of the next page' })),
});
const SqlResponse = Type.Object({
  columns: Type.Array(Field),
  rows: Type.Array(Type.Array(Type.Unknown())),
  truncated: Type.Boolean({ description: `More rows than the cap (${SQL_LIMITS.rows}) or ${SQL_LIMITS.bytes / 1024 / 1024} MB` }),
  elapsedMs: Type.Integer(),
  download: Nullable(Type.String({ description: 'When truncated: the whole result as a streamed CSV download (never for restricted data)' })),
  suppressed: Type.Array(
    Type.Object({
      row: Type.Integer(),
      columns: Type.Array(Type.String()),
      reason: Type.String(),
      rule: Type.Optional(
        Type.Union([Type.Literal('threshold'), Type.Literal('dominance')], {
          description: 'threshold: fewer records than DATA_MIN_CELL; dominance: one or two records make most of a total',
        }),
      ),
    }),
    {
      description:
        'Restricted data only: rows the output rules nulled, keys included, and why. Refusals (400 data.sql_refused) name their rule in error.details.check: identifying, shape, aggregate, near_unique, tracker or differencing.',
    },
  ),
});

/** The URL of the next page: this request's URL with the cursor replaced. */
function nextUrl(services: Services, request: FastifyRequest, cursor: string | null): string | null {
  if (!cursor) return null;
  const url = new URL(request.url, services.config.publicUrl);
  url.searchParams.set('cursor', cursor);
  return url.toString();
}

function sendDownload(reply: FastifyReply, d: Download) {
  reply.type(d.contentType).header('content-disposition', `attachment; filename="${d.filename}"`);
  if (d.length !== undefined) reply.header('content-length', d.length);
  return reply.send(d.body);
}

/** Routes for rows with filters, cursor paging and aggregation; the SQL sandbox; downloads. */
export function registerQueryApi(app: App, services: Services): void {
  app.get(
    '/api/v1/data/datasets/:id/rows',
    {
      schema: {
        tags,
        summary: 'Rows of a dataset version: filters, select, sort, cursor paging, aggregation',
        description:
          `${FILTER_HELP} Paging: \`limit\` (1–${MAX_LIMIT}, default 100) and the \`next\` URL of each page (keyset on the sort and the row's position in the file; ` +
          'no offset). Aggregation: `group_by=a,b&agg=count,sum:x,avg:y,min:z,max:z` (outputs `count`, `x__sum` …; sortable by those names).',
        params: DatasetParams,
        querystring: Type.Object(
          {
            ...FilterQuery,
            ...VersionQuery,
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 100 })),
            cursor: Type.Optional(Type.String({ maxLength: 20000 })),
            group_by: Type.Optional(Type.String({ description: 'Group columns, comma-separated' })),
            agg: Type.Optional(Type.String({ description: 'count, count:x, sum:x, avg:x, min:x, max:x (comma-separated)' })),
          },
          { additionalProperties: true },
        ),
        response: { 200: RowsResponse, ...errorResponses(400, 403, 404) },
      },
    },
    async (request) => {
      const result = await queryRows(services, request.params.id, rowsParamsFromQuery(request.query as Record<string, unknown>));
      return { ...result, next: nextUrl(services, request, result.next), cursor: result.next };
    },
  );

  const downloadBody = {
    csv: textBody('text/csv', 'UTF-8 with a byte order mark (for Excel), a header row'),
    json: {
      description: 'A JSON array of rows (objects keyed by column)',
      content: { 'application/json': { schema: Type.Array(Type.Record(Type.String(), Type.Unknown())) } },
    },
    parquet: binaryBody('application/vnd.apache.parquet', 'The published Parquet file'),
  };
  for (const format of DOWNLOAD_FORMATS) {
    app.get(
      `/api/v1/data/datasets/:id/download.${format}`,
      {
        schema: {
          tags,
          summary: `A dataset version as ${format === 'csv' ? 'CSV (UTF-8 with BOM, for Excel)' : format === 'json' ? 'a JSON array' : 'Parquet (the published file)'}, streamed`,
          description: `Every row, or those matching the same filters as the rows API (${FILTER_HELP}); \`select\`, \`sort\` and \`limit\` apply too. File name: <dataset>-v<N>.${format}.`,
          params: DatasetParams,
          querystring: Type.Object(
            { ...FilterQuery, ...VersionQuery, limit: Type.Optional(Type.Integer({ minimum: 1, description: 'Only the first rows' })) },
            { additionalProperties: true },
          ),
          response: { 200: downloadBody[format], ...errorResponses(400, 403, 404) },
        },
      },
      async (request, reply) =>
        sendDownload(reply, await downloadRows(services, request.params.id, format, rowsParamsFromQuery(request.query as Record<string, unknown>))),
    );
  }

  app.post(
    '/api/v1/data/sql',
    {
      schema: {
        tags,
        summary: 'Read-only SQL over the published tables (signed-in users), sandboxed',
        description:
          `One SELECT (or WITH … SELECT) over the tables of GET /api/v1/data/sql/tables, in DuckDB's dialect. No file, network or settings access; ` +
          `${SQL_LIMITS.timeoutMs / 1000} s and 512 MB per query; at most ${SQL_LIMITS.rows} rows returned, with a link to the whole result as CSV.`,
        body: Body({
          sql: Type.String({ minLength: 1, maxLength: SQL_LIMITS.maxChars }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SQL_LIMITS.rows })),
        }),
        response: { 200: SqlResponse, ...errorResponses(400, 401, 422, 503) },
      },
    },
    async (request) => runSql(services, request.actor, request.body),
  );

  app.get(
    '/api/v1/data/sql/download.csv',
    {
      schema: {
        tags,
        summary: 'The whole result of a sandbox query as CSV (UTF-8 with BOM), streamed (signed-in users)',
        description: `Same sandbox and checks as POST /api/v1/data/sql; up to ${SQL_LIMITS.downloadRows.toLocaleString('en')} rows and ${SQL_LIMITS.downloadTimeoutMs / 1000} s.`,
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: SQL_LIMITS.maxChars }) }),
        response: { 200: textBody('text/csv', 'UTF-8 with a byte order mark (for Excel), a header row'), ...errorResponses(400, 401, 422, 503) },
      },
    },
    async (request, reply) => sendDownload(reply, await downloadSql(services, request.actor, { sql: request.query.q })),
  );

  app.get(
    '/api/v1/data/sql/tables',
    {
      schema: {
        tags,
        summary: 'The tables of the SQL sandbox with their columns',
        description:
          'Each dataset\'s latest published table as a view named by its id with dashes as underscores, and every version as "<dataset-id>@v<N>". Restricted datasets are shown only to their approved analysts (restricted: true).',
        response: {
          200: Type.Array(
            Type.Object({
              name: Type.String(),
              dataset: Type.String(),
              resource: Type.String(),
              version: Type.Integer(),
              latest: Type.Boolean(),
              restricted: Type.Boolean(),
              columns: Type.Array(Field),
            }),
          ),
        },
      },
    },
    async (request) => listSqlTables(services, request.actor),
  );
}
