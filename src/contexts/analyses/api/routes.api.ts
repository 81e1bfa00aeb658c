import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { Body, errorResponses, MAX_OFFSET } from '../../../core/http/schemas.js';
import { commentOnAnalysis } from '../use-cases/comment-on-analysis.js';
import { createAnalysis } from '../use-cases/create-analysis.js';
import { describeAnalysis, listAnalyses } from '../use-cases/describe-analysis.js';
import { forkAnalysis } from '../use-cases/fork-analysis.js';
import { publishAnalysis } from '../use-cases/publish-analysis.js';
import { rerunAnalysis, runAnalysis } from '../use-cases/run-analysis.js';
import * as S from './schemas.js';

const tags = ['analyses'];
const security = [{ apiKey: [] }];
const Params = Type.Object({ id: Type.String({ maxLength: 80 }) });

/** The JSON API of analyses: list, one, create, run (pinned), rerun (latest, diff, re-pin), publish, fork, comments. */
export function registerAnalysesApi(app: App, services: Services) {
  const one = (request: { actor: Parameters<typeof describeAnalysis>[1] }, id: string) => describeAnalysis(services, request.actor, id);

  app.get(
    '/api/v1/analyses',
    {
      schema: {
        tags,
        summary: 'Published analyses (and your drafts)',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_OFFSET })),
        }),
        response: { 200: Type.Array(S.AnalysisSummary) },
      },
    },
    async (request) => listAnalyses(services, request.actor, { limit: request.query.limit ?? 50, offset: request.query.offset ?? 0 }),
  );

  app.get(
    '/api/v1/analyses/:id',
    {
      schema: {
        tags,
        summary: 'One analysis: SQL, pinned versions, chart, narrative, stored result, datasets it is behind on, comments',
        params: Params,
        response: { 200: S.AnalysisSchema, ...errorResponses(404) },
      },
    },
    async (request) => one(request, request.params.id),
  );

  app.post(
    '/api/v1/analyses',
    {
      schema: {
        tags,
        security,
        summary: 'Save an analysis (draft), pinned to the dataset versions its SQL reads now, with a first run',
        description:
          'The SQL runs in the data sandbox (see POST /api/v1/data/sql). A view named by the dataset id pins its latest version; "<dataset-id>@v<N>" pins version N.',
        body: S.CreateBody,
        response: { 201: S.AnalysisSchema, ...errorResponses(400, 401, 403, 422, 503) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await createAnalysis(services, request.actor, request.body);
      return reply.status(201).send(await one(request, row.id));
    },
  );

  app.post(
    '/api/v1/analyses/:id/run',
    {
      schema: {
        tags,
        security,
        summary: 'Run on the pinned versions (stored when the author runs it)',
        params: Params,
        response: { 200: S.RunResponse, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) => {
      requireUser(request);
      return runAnalysis(services, request.actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/analyses/:id/rerun',
    {
      schema: {
        tags,
        security,
        summary: 'Run on the latest versions and show what changed; repin: true (author) pins the analysis to them',
        params: Params,
        body: Type.Optional(Body({ repin: Type.Optional(Type.Boolean()) })),
        response: { 200: S.RerunResponse, ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (request) => {
      requireUser(request);
      return rerunAnalysis(services, request.actor, request.params.id, { repin: request.body?.repin === true });
    },
  );

  app.post(
    '/api/v1/analyses/:id/publish',
    {
      schema: {
        tags,
        security,
        summary: 'Publish (published: true, default) or take back to draft',
        params: Params,
        body: Type.Optional(Body({ published: Type.Optional(Type.Boolean()) })),
        response: { 200: S.AnalysisSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      await publishAnalysis(services, request.actor, request.params.id, { published: request.body?.published !== false });
      return one(request, request.params.id);
    },
  );

  app.post(
    '/api/v1/analyses/:id/fork',
    {
      schema: {
        tags,
        security,
        summary: 'Copy the analysis to yourself as a draft',
        params: Params,
        response: { 201: S.AnalysisSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await forkAnalysis(services, request.actor, request.params.id);
      return reply.status(201).send(await one(request, row.id));
    },
  );

  app.post(
    '/api/v1/analyses/:id/comments',
    {
      schema: {
        tags,
        security,
        summary: 'Comment on an analysis',
        params: Params,
        body: Body({ body: Type.String({ maxLength: 4000 }) }),
        response: { 201: Type.Object({ id: Type.String(), body: Type.String(), createdAt: Type.String() }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const c = await commentOnAnalysis(services, request.actor, request.params.id, request.body);
      return reply.status(201).send({ id: c.id, body: c.body, createdAt: c.created_at });
    },
  );
}
