import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { CSRF_COOKIE } from '../../../core/http/request-context.js';
import { listReports } from '../use-cases/list-reports.js';
import { REPORT_STATUSES } from '../use-cases/report-words.js';
import { Report, ReportList } from './upkeep.schemas.js';

const tags = ['transit reports'];

/** Reports per key (or per address without one): enough for a person or an app's users, not for a flood. */
export const REPORT_RATE_LIMIT = { max: 30, timeWindow: '1 hour' };

/**
 * Apps file reports with any developer API key and no cookie or CSRF token; a browser (which has the CSRF cookie)
 * keeps its token check. A call with neither is told what to send, instead of a bare CSRF refusal.
 */
export async function appsSendAKey(request: FastifyRequest) {
  if (request.actor.kind === 'anonymous' && !request.cookies[CSRF_COOKIE]) {
    throw new AppError(
      'auth.api_key_required',
      'Apps send a developer API key (Authorization: Bearer <key> or X-API-Key; create one at /account); no cookie or CSRF token is needed with a key. People without a key can use the form at /transit/stations/{id}/report.',
      401,
    );
  }
}

const ListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('closed'), ...REPORT_STATUSES.map((s) => Type.Literal(s))], {
        description: 'open, closed (answered either way), confirmed or not_confirmed; all by default',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);

const listing = (items: Awaited<ReturnType<typeof listReports>>) => ({
  items,
  count: items.length,
  note: {
    ko: '신고마다 답변 기한(영업일)과 운영기관의 답을 함께 보여 줍니다. 신고자의 개인 정보는 공개하지 않습니다.',
    en: 'Each report with its answer clock (business days) and the operator’s answer. Nothing about who reported is public.',
  },
});

/** The public lists of reports, per station and per operator (steward organisation), with their answers; one report. */
export function registerReportsApi(app: App, services: Services) {
  app.get(
    '/api/v1/transit/stations/:id/reports',
    {
      schema: {
        tags,
        summary: 'Reports at a station, newest first: problem and status in words (ko/en), received, due date, the answer',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        querystring: ListQuery,
        response: { 200: ReportList, ...errorResponses(400, 404) },
      },
    },
    async (request) => listing(await listReports(services, { stationId: request.params.id, status: request.query.status, limit: request.query.limit })),
  );

  app.get(
    '/api/v1/transit/operators/:slug/reports',
    {
      schema: {
        tags,
        summary: 'Reports an operator (the organisation that must answer) received, newest first, with clocks and answers',
        params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
        querystring: ListQuery,
        response: { 200: ReportList, ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      listing(await listReports(services, { organisationSlug: request.params.slug, status: request.query.status, limit: request.query.limit })),
  );

  app.get(
    '/api/v1/transit/reports/:id',
    {
      schema: {
        tags,
        summary: 'One report: problem, station, facility, status in words, received, due date, the answer',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Report, ...errorResponses(404) },
      },
    },
    async (request) => {
      const [report] = await listReports(services, { ids: [request.params.id], limit: 1 });
      if (!report) throw notFound('report');
      return report;
    },
  );
}
