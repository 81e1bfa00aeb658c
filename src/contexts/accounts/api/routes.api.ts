import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import { errorResponses, Page, PagingQuery } from '../../../core/http/schemas.js';
import { assertAllowed, userPolicy } from '../domain/policy.js';
import { listApiKeys, publicApiKey } from '../store/api-key.repository.js';
import { countOrganisations, findOrganisation, listOrganisations, publicOrganisation } from '../store/organisation.repository.js';
import { listUsers, publicUser } from '../store/user.repository.js';
import { addOrganisationMember } from '../use-cases/add-organisation-member.js';
import { changeUserRole } from '../use-cases/change-user-role.js';
import { createApiKey } from '../use-cases/create-api-key.js';
import { createOrganisation } from '../use-cases/create-organisation.js';
import { createUser } from '../use-cases/create-user.js';
import { revokeApiKey } from '../use-cases/revoke-api-key.js';
import * as S from './schemas.js';

const tags = ['accounts'];
const security = [{ apiKey: [] }];
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

export function registerAccountsApi(app: App, services: Services) {
  app.get(
    '/api/v1/me',
    {
      schema: { tags, security, summary: 'The signed-in user', response: { 200: S.MeSchema, ...errorResponses(401) } },
    },
    async (request) => requireUser(request),
  );

  app.get(
    '/api/v1/organisations',
    {
      schema: {
        tags,
        summary: 'List organisations',
        querystring: Type.Object({ type: Type.Optional(Type.String({ maxLength: 40 })), ...PagingQuery }),
        response: { 200: Page(S.OrganisationSchema), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { type, limit = 50, offset = 0 } = request.query;
      const [rows, total] = await Promise.all([listOrganisations(services.db, { type, limit, offset }), countOrganisations(services.db, type)]);
      return { total, limit, offset, items: rows.map(publicOrganisation) };
    },
  );

  app.get(
    '/api/v1/organisations/:id',
    {
      schema: { tags, summary: 'One organisation, by id or slug', params: IdParams, response: { 200: S.OrganisationSchema, ...errorResponses(404) } },
    },
    async (request) => {
      const row = await findOrganisation(services.db, request.params.id);
      if (!row) throw notFound('organisation');
      return publicOrganisation(row);
    },
  );

  app.post(
    '/api/v1/organisations',
    {
      schema: {
        tags,
        security,
        summary: 'Register an organisation',
        body: S.CreateOrganisationBody,
        response: { 201: S.OrganisationSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrganisation(services, request.actor, request.body)),
  );

  app.post(
    '/api/v1/organisations/:id/members',
    {
      schema: {
        tags,
        security,
        summary: 'Add or re-role a member',
        params: IdParams,
        body: S.AddMemberBody,
        response: { 200: S.MembershipSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => addOrganisationMember(services, request.actor, { organisation: request.params.id, ...request.body }),
  );

  app.get(
    '/api/v1/api-keys',
    {
      schema: { tags, security, summary: 'My API keys', response: { 200: Type.Array(S.ApiKeySchema), ...errorResponses(401) } },
    },
    async (request) => (await listApiKeys(services.db, requireUser(request).id)).map(publicApiKey),
  );

  app.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key (signed-in session only)',
        body: S.CreateApiKeyBody,
        response: { 201: S.NewApiKeySchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      return reply.status(201).send(await createApiKey(services, request.actor, request.body));
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      schema: { tags, security, summary: 'Revoke an API key', params: IdParams, response: { 200: S.ApiKeySchema, ...errorResponses(401, 403, 404) } },
    },
    async (request) => {
      requireUser(request);
      return revokeApiKey(services, request.actor, { id: request.params.id });
    },
  );

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        security,
        summary: 'List users (admin)',
        querystring: Type.Object(PagingQuery),
        response: { 200: Type.Array(S.UserSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      requireUser(request);
      assertAllowed(request.actor, userPolicy.canList(request.actor), 'list users');
      const { limit = 50, offset = 0 } = request.query;
      return (await listUsers(services.db, limit, offset)).map(publicUser);
    },
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        security,
        summary: 'Create a user with a role (admin)',
        body: S.CreateUserBody,
        response: { 201: S.UserSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      return reply.status(201).send(await createUser(services, request.actor, request.body));
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        security,
        summary: "Change a user's platform role (admin)",
        params: IdParams,
        body: S.ChangeRoleBody,
        response: { 200: S.UserSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      return changeUserRole(services, request.actor, { userId: request.params.id, role: request.body.role });
    },
  );
}
