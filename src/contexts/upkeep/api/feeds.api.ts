import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { binaryBody, errorResponses } from '../../../core/http/schemas.js';
import { requireUser } from '../../../core/http/request-context.js';
import { encodeAlertsFeed, listAccessibilityAlerts } from '../use-cases/accessibility-alerts.js';
import { buildCoverage } from '../use-cases/build-coverage.js';
import { changesAtom, listChanges } from '../use-cases/change-feed.js';
import { deleteWebhook, listWebhooks, registerWebhook, WEBHOOK_SCOPES } from '../use-cases/webhooks.js';
import { AlertList, ChangeList, Coverage, WebhookCreated, WebhookDeleted, WebhookList } from './upkeep.schemas.js';

const tags = ['transit upkeep'];
const security = [{ apiKey: [] }];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** For apps: the change feed (JSON and Atom) and its webhooks, the accessibility alerts (GTFS-Realtime and JSON), and coverage. */
export function registerUpkeepFeedsApi(app: App, services: Services) {
  app.get(
    '/api/v1/transit/changes',
    {
      schema: {
        tags,
        summary: 'The change feed: approved station versions and facility status changes after a sequence number, oldest first',
        querystring: Type.Object({
          after: Type.Optional(Type.Integer({ minimum: 0 })),
          station: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        }),
        response: { 200: ChangeList },
      },
    },
    async (request) => ({ items: await listChanges(services, { after: request.query.after, stationId: request.query.station, limit: request.query.limit }) }),
  );

  app.get('/transit/changes.atom', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/atom+xml; charset=utf-8').send(await changesAtom(services, services.config.publicUrl)),
  );

  app.post(
    '/api/v1/transit/webhooks',
    {
      schema: {
        tags,
        security,
        summary:
          'Subscribe a URL to the change feed: any developer with an API key follows the public changes (scope public); operators and stewards may keep private ones (scope organisation). Payloads are signed: X-Open-Seoul-Signature t=…,v1=HMAC-SHA256(secret, t.body); the secret is shown once',
        body: Type.Object(
          { url: Type.String({ maxLength: 2000 }), scope: Type.Optional(Type.Union(WEBHOOK_SCOPES.map((x) => Type.Literal(x)))) },
          { additionalProperties: false },
        ),
        response: { 201: WebhookCreated, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      return reply.status(201).send(await registerWebhook(services, request.actor, { url: request.body.url, scope: request.body.scope }));
    },
  );

  app.get(
    '/api/v1/transit/webhooks',
    {
      schema: { tags, security, summary: 'Your webhooks and their recent deliveries', response: { 200: WebhookList, ...errorResponses(401) } },
    },
    async (request) => {
      requireUser(request);
      return listWebhooks(services, request.actor);
    },
  );

  app.delete(
    '/api/v1/transit/webhooks/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a webhook (pending deliveries are cancelled)',
        params: IdParams,
        response: { 200: WebhookDeleted, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      requireUser(request);
      return deleteWebhook(services, request.actor, request.params.id);
    },
  );

  app.get(
    '/api/v1/transit/alerts.pb',
    {
      schema: {
        tags,
        summary: 'GTFS-Realtime alerts (protobuf) for facilities out of service: effect ACCESSIBILITY_ISSUE, Korean and English',
        response: { 200: binaryBody('application/x-protobuf', 'A GTFS-Realtime FeedMessage') },
      },
    },
    async (_request, reply) =>
      reply
        .type('application/x-protobuf')
        .header('cache-control', 'no-cache')
        .send(Buffer.from(encodeAlertsFeed(await listAccessibilityAlerts(services), services.now()))),
  );

  app.get(
    '/api/v1/transit/alerts',
    {
      schema: { tags, summary: 'The same accessibility alerts as JSON', response: { 200: AlertList } },
    },
    async () => ({ items: await listAccessibilityAlerts(services) }),
  );

  app.get(
    '/api/v1/transit/coverage',
    {
      schema: {
        tags,
        summary: 'Coverage and freshness: stations with interiors, verified in the field, stale, open reports, time to resolve, per organisation',
        response: { 200: Coverage },
      },
    },
    async () => buildCoverage(services),
  );
}
