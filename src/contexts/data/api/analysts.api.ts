import { Type } from '@sinclair/typebox';
import { assertAllowed } from '../../accounts/index.js';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { Body, errorResponses } from '../../../core/http/schemas.js';
import { datasetPolicy } from '../domain/policy.js';
import { listAnalysts } from '../use-cases/list-analysts.js';
import { getDataset } from '../store/dataset.repository.js';
import { approveAnalyst, revokeAnalyst } from '../use-cases/approve-analyst.js';

const tags = ['data'];
const security = [{ apiKey: [] }];
const Params = Type.Object({ id: Type.String({ maxLength: 80 }) });
const Analyst = Type.Object({
  datasetId: Type.String(),
  userId: Type.String(),
  email: Type.String(),
  projectNote: Type.String(),
  projectId: Type.Union([Type.String(), Type.Null()]),
  approvedAt: Type.String(),
  approvedBy: Type.Union([Type.String(), Type.Null()]),
});

export const analystsOf = async (services: Services, datasetId: string) =>
  (await listAnalysts(services.db, datasetId)).map((a) => ({
    datasetId: a.dataset_id,
    userId: a.user_id,
    email: a.email,
    projectNote: a.project_note,
    projectId: a.project_id ?? null,
    approvedAt: a.approved_at,
    approvedBy: a.approved_by_email ?? null,
  }));

/** Approved analysts of restricted datasets (admins and the dataset's publisher). */
export function registerAnalystsApi(app: App, services: Services) {
  app.get(
    '/api/v1/data/datasets/:id/analysts',
    {
      schema: {
        tags,
        security,
        summary: 'Approved analysts of a restricted dataset',
        params: Params,
        response: { 200: Type.Array(Analyst), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      requireUser(request);
      const dataset = await getDataset(services.db, request.params.id);
      assertAllowed(request.actor, datasetPolicy.canApproveAnalyst(request.actor, dataset), 'see the analysts of this dataset');
      return analystsOf(services, dataset.id);
    },
  );

  app.post(
    '/api/v1/data/datasets/:id/analysts',
    {
      schema: {
        tags,
        security,
        summary: 'Approve an analyst of a restricted dataset for a project',
        description:
          'Approved analysts query the dataset in the SQL sandbox; results pass the output check (aggregates only, small groups suppressed) and every query is audited.',
        params: Params,
        body: Body({
          email: Type.String({ maxLength: 200 }),
          projectNote: Type.String({ maxLength: 1000 }),
          projectId: Type.Optional(Type.String({ maxLength: 80 })),
        }),
        response: { 201: Analyst, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const approved = await approveAnalyst(services, request.actor, { datasetId: request.params.id, ...request.body });
      return reply.status(201).send({ ...approved, approvedBy: request.actor.user?.email ?? null });
    },
  );

  app.delete(
    '/api/v1/data/datasets/:id/analysts/:userId',
    {
      schema: {
        tags,
        security,
        summary: "Revoke an analyst's approval",
        params: Type.Object({ id: Type.String({ maxLength: 80 }), userId: Type.String({ maxLength: 80 }) }),
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      await revokeAnalyst(services, request.actor, { datasetId: request.params.id, userId: request.params.userId });
      return reply.status(204).send(null);
    },
  );
}
