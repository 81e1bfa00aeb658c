import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { requireUser } from '../../../core/http/request-context.js';
import { FACILITY_STATUSES, pushStatusFeed } from '../../transit/index.js';
import { PROBLEMS, reportProblem, resolveReport } from '../use-cases/report-problem.js';
import { receiveSignedStatusFeed, rotateFeedSecret } from '../use-cases/signed-status-feed.js';
import { SIGNATURE_HEADER } from '../use-cases/webhook-signature.js';
import { appsSendAKey, REPORT_RATE_LIMIT } from './reports.api.js';
import { FeedAccepted, FeedSecret, ReportReceived, ReportResolved } from './upkeep.schemas.js';

const tags = ['transit upkeep'];
const security = [{ apiKey: [] }];
const StationParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * What a facility's status is, from those who know it: a rider's report and the steward's answer (which may set
 * the status), an operator's statuses by API key, and an operator's signed pushes with their shared secret.
 */
export function registerFacilityStatusApi(app: App, services: Services) {
  app.post(
    '/api/v1/transit/stations/:id/reports',
    {
      config: { rateLimit: REPORT_RATE_LIMIT },
      preValidation: appsSendAKey, // any developer API key, no cookie or CSRF; browsers keep the token
      schema: {
        tags,
        summary: 'Report a problem at a station (elevator out, blocked passage, wrong direction …); the responsible steward must answer in business days',
        params: StationParams,
        body: Type.Object(
          {
            problem: Type.Union(PROBLEMS.map((p) => Type.Literal(p))),
            facilityId: Type.Optional(Type.String({ maxLength: 100 })),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ReportReceived, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reportProblem(services, request.actor, { stationId: request.params.id, ...request.body, channel: 'api' })),
  );

  app.post(
    '/api/v1/transit/reports/:id/resolve',
    {
      schema: {
        tags,
        security,
        summary: 'The steward answers a report: confirmed (optionally setting the facility status, which routing uses at once) or not, with reasons',
        params: IdParams,
        body: Type.Object(
          {
            confirmed: Type.Boolean(),
            reasons: Type.String({ maxLength: 5000 }),
            facilityStatus: Type.Optional(Type.Union([...FACILITY_STATUSES.map((s) => Type.Literal(s)), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReportResolved, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      return resolveReport(services, request.actor, { reportId: request.params.id, ...request.body });
    },
  );

  app.post(
    '/api/v1/transit/facility-status',
    {
      schema: {
        tags,
        security,
        summary:
          'Operator feed: many facility statuses at once, all or nothing (API key of a transit operator member). Re-sending a status keeps it fresh; one not confirmed for TRANSIT_STATUS_STALE_MINUTES counts as unknown',
        body: Type.Object(
          {
            statuses: Type.Array(
              Type.Object(
                {
                  facilityId: Type.String({ maxLength: 100 }),
                  status: Type.Union(FACILITY_STATUSES.map((s) => Type.Literal(s))),
                  reason: Type.Optional(Type.String({ maxLength: 500 })),
                  expectedReturn: Type.Optional(Type.String({ format: 'date-time' })),
                  observedAt: Type.Optional(
                    Type.String({
                      format: 'date-time',
                      description: 'When the source saw this status (default: now); an older one than the status held is refused (409)',
                    }),
                  ),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 5000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ received: Type.Integer(), changed: Type.Integer(), at: Type.String() }), ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request) => pushStatusFeed(services, request.actor, request.body.statuses),
  );

  app.post(
    '/api/v1/transit/operators/:slug/status-feed/secret',
    {
      schema: {
        tags,
        security,
        summary: "Create or rotate an operator's shared secret for signed status pushes (its organisation admins); shown once",
        params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
        response: { 201: FeedSecret, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      return reply.status(201).send(await rotateFeedSecret(services, request.actor, request.params.slug));
    },
  );

  app.post(
    '/api/v1/transit/operators/:slug/status-feed',
    {
      config: { signedPayload: true },
      // The signature covers the exact bytes sent: keep them before JSON parsing.
      preParsing: async (request, _reply, payload) => {
        const chunks: Buffer[] = [];
        for await (const chunk of payload) chunks.push(chunk as Buffer);
        const raw = Buffer.concat(chunks);
        (request as { rawBody?: string }).rawBody = raw.toString('utf8');
        return Readable.from([raw]);
      },
      schema: {
        tags,
        summary:
          "Signed status push from an operator's system: header X-Open-Seoul-Signature t=<unix>,v1=HMAC-SHA256(secret, t.body); body { id (unique) or sequence (increasing), observedAt?, statuses: [{ facilityId, status, observedAt? }] }, all or nothing, accepted once (409 replayed, out of order or older than the status held; 422 without id or sequence, or observed in the future)",
        params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
        body: Type.Unknown(),
        response: { 200: FeedAccepted, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) =>
      receiveSignedStatusFeed(services, {
        slug: request.params.slug,
        rawBody: (request as { rawBody?: string }).rawBody ?? '',
        signature: request.headers[SIGNATURE_HEADER] as string | undefined,
      }),
  );
}
