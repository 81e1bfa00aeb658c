import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { forbidden } from '../../../core/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { reusePolicy } from '../domain/policy.js';
import { describeReuse, listReuses } from '../use-cases/list-reuses.js';
import { moderateReuse } from '../use-cases/moderate-reuse.js';
import { submitReuse } from '../use-cases/submit-reuse.js';
import * as S from './schemas.js';

const tags = ['showcase'];
const security = [{ apiKey: [] }];
const Params = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** The showcase of reuses: list (published; pending and rejected for admins), submit, moderate. */
export function registerShowcaseApi(app: App, services: Services) {
  const one = (id: string) => describeReuse(services.db, id);

  app.get(
    '/api/v1/showcase',
    {
      schema: {
        tags,
        summary: 'Reuses of the datasets (apps, articles, visualisations, research), newest first',
        querystring: S.ReuseListQuery,
        response: { 200: S.ReusePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const state = request.query.state as 'pending' | 'published' | 'rejected' | undefined;
      if (state && state !== 'published') {
        requireUser(request);
        if (!reusePolicy.canModerate(request.actor)) throw forbidden('see reuses waiting for moderation');
      }
      return listReuses(services.db, { ...request.query, state });
    },
  );

  app.post(
    '/api/v1/showcase',
    {
      schema: {
        tags,
        security,
        summary: 'Submit a reuse of one or more public datasets (waits for moderation)',
        body: S.CreateReuseBody,
        response: { 201: S.ReuseSchema, ...errorResponses(400, 401, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const b = request.body;
      const row = await submitReuse(services, request.actor, { ...b, imageUrl: b.imageUrl ?? undefined, author: b.author ?? undefined });
      return reply.status(201).send(await one(row.id));
    },
  );

  app.post(
    '/api/v1/showcase/:id/moderate',
    {
      schema: {
        tags,
        security,
        summary: 'Publish or reject (with a reason) a reuse (admins)',
        params: Params,
        body: S.ModerateBody,
        response: { 200: S.ReuseSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await moderateReuse(services, request.actor, { reuseId: request.params.id, ...request.body });
      return one(request.params.id);
    },
  );
}
