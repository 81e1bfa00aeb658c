import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { Body, component, errorResponses } from '../../../core/http/schemas.js';
import { decideOutputCheck, DECISIONS } from '../use-cases/decide-output-check.js';
import { describeOutput, listMyOutputs, listReviewQueue, presentOutput } from '../use-cases/list-output-checks.js';
import { requestOutputCheck } from '../use-cases/request-output-check.js';
import { withdrawOutputCheck } from '../use-cases/withdraw-output-check.js';

const tags = ['data'];
const security = [{ apiKey: [] }];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Params = Type.Object({ id: Type.String({ maxLength: 80 }) });
const RULES = ['identifying', 'shape', 'aggregate', 'threshold', 'dominance', 'near_unique', 'tracker', 'differencing'];
const fields = {
  id: Type.String(),
  kind: Type.Union([Type.Literal('query'), Type.Literal('analysis')]),
  analysisId: Nullable(Type.String()),
  title: Type.String(),
  purpose: Type.String(),
  sql: Type.String(),
  datasets: Type.Array(Type.Object({ datasetId: Type.String(), version: Type.Integer() })),
  result: component(
    'CheckedResult',
    Type.Object(
      {
        columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String() })),
        rows: Type.Array(Type.Array(Type.Unknown())),
        total: Nullable(Type.Integer()),
        truncated: Type.Boolean(),
        suppressed: Type.Array(
          Type.Object({ row: Type.Integer(), columns: Type.Array(Type.String()), reason: Type.String(), rule: Type.Optional(Type.String()) }),
        ),
      },
      { description: 'A query result after the automatic output rules: the cells they nulled are listed in suppressed' },
    ),
  ),
  rules: Type.Array(
    Type.Object({
      rule: Type.String({ description: RULES.join(' | ') }),
      outcome: Type.Union([Type.Literal('passed'), Type.Literal('suppressed')]),
      rows: Type.Optional(Type.Integer()),
    }),
    {
      description: 'What each automatic rule did to this result (a result that a rule refuses is never stored)',
    },
  ),
  ledger: Type.Object({
    cells: Type.Integer({ description: 'Cells the result released (recorded in the differencing ledger)' }),
    smallest: Nullable(Type.Integer({ description: 'Records in the smallest released cell' })),
    earlierQueries: Type.Integer({ description: 'Answered restricted queries of this analyst before the request' }),
  }),
  state: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('withdrawn')]),
  requestedAt: Type.String(),
  requester: Type.Object({ id: Type.String(), name: Type.String() }),
  decidedAt: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  reason: Nullable(Type.String()),
};
const Output = component('OutputCheck', Type.Object(fields, { description: 'A request for a result over restricted data to leave, and its review' }));
const OutputDetail = Type.Object({ ...fields, canReview: Type.Boolean() });

/**
 * The human output check: analysts ask for a result over restricted data to leave; the data owner's reviewers
 * approve or reject it with a reason. Everything is audited.
 */
export function registerOutputsApi(app: App, services: Services) {
  app.post(
    '/api/v1/data/outputs',
    {
      schema: {
        tags,
        security,
        summary: 'Ask for a result over restricted data to leave (output check)',
        description:
          'The query runs again through every automatic rule (a refusal is a 400 data.sql_refused naming its rule in details.check); the checked result then waits for a reviewer of the data owner.',
        body: Body({ sql: Type.String({ maxLength: 20_000 }), title: Type.String({ maxLength: 200 }), purpose: Type.String({ maxLength: 4000 }) }),
        response: { 201: Output, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await requestOutputCheck(services, request.actor, request.body);
      return reply.status(201).send(await presentOutput(services, row));
    },
  );

  app.get(
    '/api/v1/data/outputs',
    {
      schema: { tags, security, summary: 'My outputs and their state', response: { 200: Type.Array(Output), ...errorResponses(401) } },
    },
    async (request) => listMyOutputs(services, request.actor),
  );

  app.get(
    '/api/v1/data/outputs/review',
    {
      schema: {
        tags,
        security,
        summary: "Outputs waiting for my review (the data owner's reviewers)",
        response: { 200: Type.Array(Output), ...errorResponses(401) },
      },
    },
    async (request) => listReviewQueue(services, request.actor),
  );

  app.get(
    '/api/v1/data/outputs/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One output (its analyst and its reviewers)',
        params: Params,
        response: { 200: OutputDetail, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      requireUser(request);
      return describeOutput(services, request.actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/data/outputs/:id/decision',
    {
      schema: {
        tags,
        security,
        summary: 'Approve or reject an output, with a reason',
        params: Params,
        body: Body({ decision: Type.String({ enum: [...DECISIONS] }), reason: Type.String({ maxLength: 2000 }) }),
        response: { 200: Output, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      return presentOutput(services, await decideOutputCheck(services, request.actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/v1/data/outputs/:id/withdraw',
    {
      schema: {
        tags,
        security,
        summary: 'Withdraw my pending output request',
        params: Params,
        response: { 200: Output, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      return presentOutput(services, await withdrawOutputCheck(services, request.actor, request.params.id));
    },
  );
}
