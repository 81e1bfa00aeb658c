import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { Body, errorResponses } from '../../../core/http/schemas.js';
import { issueOpenApiKey, revokeOpenApiKey } from '../use-cases/issue-openapi-key.js';
import { setSeoulService } from '../use-cases/set-seoul-service.js';

/** Setting up the Seoul Open API shim: a dataset's Plaza service name and field codes; read-only keys for the URL form. */
const tags = ['seoul-openapi'];
const security = [{ apiKey: [] }];
const Service = Type.Object({
  service: Type.Union([Type.String(), Type.Null()]),
  datasetId: Type.String(),
  fields: Type.Record(Type.String(), Type.String(), { description: 'Plaza field code → column' }),
  params: Type.Array(Type.String()),
});

export function registerSeoulAdminApi(app: App, services: Services) {
  app.put(
    '/api/v1/data/datasets/:id/seoul-service',
    {
      schema: {
        tags,
        security,
        summary: 'Give a dataset the Seoul Open Data Plaza service name and field codes (publishers)',
        description:
          'Apps written for openapi.seoul.go.kr then call /seoul-openapi/{KEY}/{json|xml}/{service}/{START}/{END}/{params…} unchanged: rows come back under the field codes, dates as YYYYMMDD. `service: null` removes the alias.',
        params: Type.Object({ id: Type.String({ maxLength: 80 }) }),
        body: Body({
          service: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
          fields: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 200 }))),
          params: Type.Optional(
            Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20, description: 'Field codes the positional URL filters name, in order' }),
          ),
        }),
        response: { 200: Service, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      const row = await setSeoulService(services, request.actor, request.params.id, request.body);
      return row
        ? {
            service: row.service,
            datasetId: row.dataset_id,
            fields: Object.fromEntries(JSON.parse(row.fields) as Array<[string, string]>),
            params: JSON.parse(row.params) as string[],
          }
        : { service: null, datasetId: request.params.id, fields: {}, params: [] };
    },
  );

  app.post(
    '/api/v1/data/openapi-keys',
    {
      schema: {
        tags,
        security,
        summary: 'Issue a key for the Seoul Open API URL form (shown once; reads public data only)',
        response: { 201: Type.Object({ id: Type.String(), key: Type.String(), prefix: Type.String(), createdAt: Type.String() }), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      return reply.status(201).send(await issueOpenApiKey(services, request.actor));
    },
  );

  app.delete(
    '/api/v1/data/openapi-keys/:keyId',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke one of your Seoul Open API keys',
        params: Type.Object({ keyId: Type.String({ maxLength: 60 }) }),
        response: { 200: Type.Object({ id: Type.String(), revokedAt: Type.String() }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      requireUser(request);
      return revokeOpenApiKey(services, request.actor, request.params.keyId);
    },
  );
}
