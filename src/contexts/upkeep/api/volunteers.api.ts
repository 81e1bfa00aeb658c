import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { requireUser } from '../../../core/http/request-context.js';
import { describeProposal } from '../use-cases/describe-upkeep.js';
import { reviseProposal } from '../use-cases/revise-proposal.js';
import { removeStationSteward } from '../use-cases/manage-stewards.js';
import { ATTRIBUTES } from '../use-cases/change-ops.js';
import { ProposalSchema, StewardChange } from './upkeep.schemas.js';

const tags = ['transit upkeep'];
const security = [{ apiKey: [] }];
const Op = Type.Object(
  { op: Type.String({ maxLength: 20 }) },
  { additionalProperties: true, description: 'add_level | add_node | update_node | remove_node | add_edge | update_edge | remove_edge' },
);

/** Volunteers protected: revising a proposal sent back with changes requested; removing a steward (admins). */
export function registerVolunteersApi(app: App, services: Services) {
  app.post(
    '/api/v1/transit/proposals/:id/revisions',
    {
      schema: {
        tags,
        security,
        summary:
          'The author revises a proposal sent back with changes requested: the same proposal, a new revision on the current version, pending again (earlier revisions and their reviews are kept)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object(
          {
            ops: Type.Array(Op, { minItems: 1, maxItems: 500 }),
            title: Type.Optional(Type.String({ maxLength: 200 })),
            note: Type.Optional(Type.String({ maxLength: 5000 })),
            photos: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ProposalSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await reviseProposal(services, request.actor, { proposalId: request.params.id, ...request.body });
      return reply.status(201).send(await describeProposal(services, row.id));
    },
  );

  app.delete(
    '/api/v1/transit/stations/:id/stewards/:attribute',
    {
      schema: {
        tags,
        security,
        summary: 'Remove the steward of an attribute at this station (admins; station id "*" for the default of every station); audited',
        params: Type.Object({ id: Type.String({ maxLength: 100 }), attribute: Type.Union(ATTRIBUTES.map((a) => Type.Literal(a))) }),
        response: { 200: StewardChange, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      requireUser(request) && removeStationSteward(services, request.actor, { stationKey: request.params.id, attribute: request.params.attribute }),
  );
}
