import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { DECISIONS, DECLINE_REASONS, SEOUL_DISTRICTS, SUPPORTER_GROUPS, USE_TYPES } from '../domain/vocabularies.js';
import { demandCatalog, type DemandKey } from '../messages.js';
import { loadRubric } from '../store/request.repository.js';
import { answerDataRequest } from '../use-cases/answer-data-request.js';
import { assessDataRequest } from '../use-cases/assess-data-request.js';
import { buildDemandDashboard } from '../use-cases/build-demand-dashboard.js';
import { describeDataRequest, publicRequestView } from '../use-cases/describe-data-requests.js';
import { findSimilarRequests } from '../use-cases/find-similar-requests.js';
import { disputeDatasetLink } from '../use-cases/dispute-dataset-link.js';
import { linkPublishedDataset } from '../use-cases/link-published-dataset.js';
import { listDataRequests } from '../use-cases/list-data-requests.js';
import { submitDataRequest } from '../use-cases/submit-data-request.js';
import { supportDataRequest } from '../use-cases/support-data-request.js';
import { triageDataRequest } from '../use-cases/triage-data-request.js';
import { updatePriorityRubric } from '../use-cases/update-priority-rubric.js';
import { registerDemandFeed } from './feed.api.js';
import * as S from './schemas.js';

const tags = ['demand'];
const security = [{ apiKey: [] }];
const Params = Type.Object({ id: Type.String({ maxLength: 100 }) });
const labelled = (ids: readonly string[], prefix: string) => ids.map((id) => ({ id, ...demandCatalog[`${prefix}.${id}` as DemandKey] }));

/** The JSON API of the demand window: requests (list, one, create), support, answer, assessment, department, dataset link, rubric, dashboard. */
export function registerDemandApi(app: App, services: Services) {
  const today = () => kstDate(services.now());
  const one = async (id: string) => publicRequestView(await describeDataRequest(services.db, id, today()));

  app.get(
    '/api/v1/demand/requests',
    {
      schema: {
        tags,
        summary: 'Data requests, filtered and sorted (newest, most supported, priority)',
        querystring: S.RequestListQuery,
        response: { 200: S.RequestPage, ...errorResponses(400) },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listDataRequests(services.db, today(), {
        ...q,
        state: q.state as string | undefined,
        useType: q.useType as string | undefined,
        sort: q.sort as string | undefined,
      });
      return { ...page, items: page.items.map(publicRequestView) };
    },
  );

  app.get(
    '/api/v1/demand/requests/:id',
    {
      schema: {
        tags,
        summary: 'One data request: state, decision, dataset, representativeness, priority and its parts',
        params: Params,
        response: { 200: S.DataRequestSchema, ...errorResponses(404) },
      },
    },
    async (request) => one(request.params.id),
  );

  app.post(
    '/api/v1/demand/requests',
    {
      schema: {
        tags,
        security,
        summary: "Request data (starts the department's answer clock)",
        body: S.CreateRequestBody,
        response: { 201: S.DataRequestSchema, ...errorResponses(400, 401, 409, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await submitDataRequest(services, request.actor, { ...request.body, organisation: request.body.organisation ?? undefined });
      return reply.status(201).send(await one(row.id));
    },
  );

  app.post(
    '/api/v1/demand/requests/:id/supports',
    {
      schema: {
        tags,
        security,
        summary: 'Support a request with your district and group (once per person)',
        params: Params,
        body: S.SupportBody,
        response: { 201: S.SupportSchema, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await supportDataRequest(services, request.actor, { requestId: request.params.id, ...request.body });
      return reply.status(201).send({ requestId: row.request_id, district: row.district, group: row.supporter_group, createdAt: row.created_at });
    },
  );

  app.post(
    '/api/v1/demand/requests/:id/answer',
    {
      schema: {
        tags,
        security,
        summary: 'Answer with a decision (officials of the department; then its head, then the committee)',
        params: Params,
        body: S.AnswerBody,
        response: { 200: S.DataRequestSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await answerDataRequest(services, request.actor, { requestId: request.params.id, ...request.body });
      return one(request.params.id);
    },
  );

  app.post(
    '/api/v1/demand/requests/:id/dataset',
    {
      schema: {
        tags,
        security,
        summary: "Link the published dataset with the reason it answers the request (the dataset's publisher); notifies requester and supporters",
        params: Params,
        body: S.LinkDatasetBody,
        response: { 200: S.DataRequestSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await linkPublishedDataset(services, request.actor, { requestId: request.params.id, datasetId: request.body.datasetId, reason: request.body.reason });
      return one(request.params.id);
    },
  );

  app.post(
    '/api/v1/demand/requests/:id/dispute',
    {
      schema: {
        tags,
        security,
        summary: 'Dispute the linked dataset (the requester): the request shows as disputed until its publisher links one that answers',
        params: Params,
        body: S.DisputeBody,
        response: { 200: S.DataRequestSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await disputeDatasetLink(services, request.actor, { requestId: request.params.id, reason: request.body.reason });
      return one(request.params.id);
    },
  );

  app.post(
    '/api/v1/demand/requests/:id/assessment',
    {
      schema: {
        tags,
        security,
        summary: 'Rate feasibility and reuse potential, 0–3 (officials of the department)',
        params: Params,
        body: S.AssessmentBody,
        response: { 200: S.DataRequestSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await assessDataRequest(services, request.actor, { requestId: request.params.id, ...request.body });
      return one(request.params.id);
    },
  );

  app.post(
    '/api/v1/demand/requests/:id/department',
    {
      schema: {
        tags,
        security,
        summary: 'Hand the request to the department holding the data (admins, officials of the current department)',
        params: Params,
        body: S.DepartmentBody,
        response: { 200: S.DataRequestSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await triageDataRequest(services, request.actor, { requestId: request.params.id, organisation: request.body.organisation });
      return one(request.params.id);
    },
  );

  app.get(
    '/api/v1/demand/similar',
    {
      schema: {
        tags,
        summary: 'Requests and datasets similar to a text (duplicate suggestions while typing)',
        querystring: S.SimilarQuery,
        response: { 200: S.SimilarSchema, ...errorResponses(400) },
      },
    },
    async (request) => findSimilarRequests(services.db, request.query.q, today(), request.query.limit ?? 5),
  );

  const rubric = async () => {
    const r = await loadRubric(services.db);
    const formula = Object.fromEntries(['support', 'representativeness', 'feasibility', 'reuse'].map((c) => [c, demandCatalog[`rubric.${c}` as DemandKey].en]));
    return {
      weights: { support: r.support, representativeness: r.representativeness, feasibility: r.feasibility, reuse: r.reuse },
      updatedAt: r.updatedAt,
      formula: formula as S.RubricFormula,
    };
  };
  app.get(
    '/api/v1/demand/rubric',
    { schema: { tags, summary: 'The published priority rubric: weights and formula', response: { 200: S.RubricSchema } } },
    rubric,
  );
  app.put(
    '/api/v1/demand/rubric',
    {
      schema: {
        tags,
        security,
        summary: "Change the rubric's weights (admins)",
        body: S.RubricBody,
        response: { 200: S.RubricSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await updatePriorityRubric(services, request.actor, request.body);
      return rubric();
    },
  );

  app.get(
    '/api/v1/demand/dashboard',
    {
      schema: {
        tags,
        summary: 'Public dashboard: requests by state, on time or late, declined by reason, per department',
        response: { 200: S.DashboardSchema },
      },
    },
    async () => buildDemandDashboard(services.db, today()),
  );

  app.get(
    '/api/v1/demand/vocabularies',
    {
      schema: {
        tags,
        summary: 'Districts (with 시군구 codes), supporter groups, use types, decisions and reasons, in Korean and English',
        response: { 200: S.VocabulariesSchema },
      },
    },
    async () => ({
      districts: SEOUL_DISTRICTS.map((d) => ({ ...d })),
      groups: labelled(SUPPORTER_GROUPS, 'group'),
      useTypes: labelled(USE_TYPES, 'use'),
      decisions: labelled(DECISIONS, 'decision'),
      declineReasons: labelled(DECLINE_REASONS, 'reason'),
    }),
  );

  registerDemandFeed(app, services);
}
