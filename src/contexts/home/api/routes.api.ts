import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { errorResponses, LocalizedSchema, MAX_OFFSET } from '../../../core/http/schemas.js';
import { searchDocuments } from '../../../core/search/search-index.js';

const Hit = Type.Object({ type: Type.String(), id: Type.String(), title: LocalizedSchema, summary: LocalizedSchema, url: Type.String(), score: Type.Number() });

export function registerSearchApi(app: App, services: Services) {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['platform'],
        summary: 'Search everything (Korean and English, partial words)',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 200 }),
          type: Type.Optional(Type.String({ maxLength: 40, description: 'Restrict to one document type, e.g. organisation' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 })),
        }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(Hit) }), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { q, type, limit = 20, offset = 0 } = request.query;
      const result = await searchDocuments(services.db, q, { types: type ? [type] : undefined, limit, offset });
      return { total: result.total, items: result.hits };
    },
  );
}
