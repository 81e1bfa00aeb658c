import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { readLakeManifest } from '../use-cases/read-lake-manifest.js';

export function registerLakeManifestApi(app: App, services: Services) {
  app.get(
    '/api/v1/data/datasets/:id/versions/:version/manifest.json',
    {
      schema: {
        tags: ['data'],
        summary: "A version's lake manifest: its Parquet file's place, size, SHA-256, columns and state",
        description:
          'The same JSON as `lake/<dataset>/<resource>/_manifests/v<N>.json` in the file store (docs/lake.md). ' +
          '`history` is append-only: a withdrawal or deletion adds an entry and a revision; `status` is the last entry.',
        params: Type.Object({ id: Type.String({ maxLength: 80 }), version: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({ resource: Type.Optional(Type.String({ maxLength: 200, description: 'Resource id; default the first table' })) }),
        response: { 200: Type.Object({}, { additionalProperties: true }), ...errorResponses(404, 410) },
      },
    },
    async (request) =>
      readLakeManifest(services, request.actor, { datasetId: request.params.id, version: request.params.version, resourceId: request.query.resource }),
  );
}
