import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { Body, errorResponses, PagingQuery } from '../../../core/http/schemas.js';
import { CONTENT_ENTITIES } from '../domain/content-fields.js';
import { describeContent } from '../use-cases/describe-content.js';
import { editPlanContent } from '../use-cases/edit-plan-content.js';
import { listPlanHistory } from '../use-cases/list-plan-history.js';
import { isContentEntity } from '../domain/content-fields.js';
import { AppError } from '../../../core/errors.js';

const tags = ['plan'];
const Entity = Type.Union(
  CONTENT_ENTITIES.map((e) => Type.Literal(e)),
  { description: 'commitment, milestone, organisation (a department), committee_member or meeting (of the committee or a sub-group)' },
);
const Value = Type.Union([Type.String(), Type.Integer(), Type.Null()]);
const Content = Type.Object({
  entity: Type.String(),
  id: Type.String(),
  values: Type.Record(Type.String(), Value, {
    description:
      'Each editable field by name: bilingual texts as titleKo/titleEn…, weight (0–100, used by progress figures), subgroup (a commitment slug or null)',
  }),
  translated: Type.Array(Type.String(), { description: "Fields whose text is Open Seoul's translation, not the city's own words" }),
});
const Edit = Type.Object({
  id: Type.String(),
  at: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  field: Type.String(),
  before: Type.Union([Type.String(), Type.Null()]),
  after: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  by: Type.String(),
});

/** The plan's content, editable by officials and admins, and its public history. */
export function registerPlanContentApi(app: App, services: Services) {
  const entityOf = (e: string) => {
    if (!isContentEntity(e)) throw new AppError('plan.unknown_entity', `No editable content of kind ${e}`, 404);
    return e;
  };

  app.get(
    '/api/v1/plan/content/:entity/:id',
    {
      schema: {
        tags,
        summary: 'The editable content of one entity of the plan, with the fields that are our translation',
        params: Type.Object({ entity: Type.String({ maxLength: 40 }), id: Type.String({ maxLength: 100 }) }),
        response: { 200: Content, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { row: _row, ...view } = await describeContent(services.db, entityOf(request.params.entity), request.params.id);
      return view;
    },
  );

  app.patch(
    '/api/v1/plan/content/:entity/:id',
    {
      schema: {
        tags,
        security: [{ apiKey: [] }],
        summary: "Change the plan's content (officials of the responsible department, admins); each change joins the public history",
        params: Type.Object({ entity: Entity, id: Type.String({ maxLength: 100 }) }),
        body: Body({
          changes: Type.Record(Type.String({ maxLength: 40 }), Value, { description: 'Only the fields to change' }),
          note: Type.Optional(Type.String({ maxLength: 1000 })),
        }),
        response: {
          200: Type.Object({ entity: Type.String(), id: Type.String(), changed: Type.Array(Type.String()) }),
          ...errorResponses(400, 401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      requireUser(request);
      return editPlanContent(services, request.actor, {
        entity: request.params.entity,
        id: request.params.id,
        changes: request.body.changes,
        note: request.body.note,
      });
    },
  );

  app.get(
    '/api/v1/plan/history',
    {
      schema: {
        tags,
        summary: "Every change to the plan's content, newest first (append-only)",
        querystring: Type.Object({ entity: Type.Optional(Entity), id: Type.Optional(Type.String({ maxLength: 100 })), ...PagingQuery }),
        response: { 200: Type.Object({ limit: Type.Integer(), offset: Type.Integer(), edits: Type.Array(Edit) }), ...errorResponses(400) },
      },
    },
    async (request) => listPlanHistory(services.db, request.query),
  );
}
