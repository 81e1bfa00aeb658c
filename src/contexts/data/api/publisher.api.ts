import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { Body, errorResponses, LocalizedSchema } from '../../../core/http/schemas.js';
import { deleteDataset } from '../use-cases/delete-dataset.js';
import { describeDataset } from '../use-cases/describe-dataset.js';
import { ACCESS_LEVELS, setDatasetAccess } from '../use-cases/set-dataset-access.js';
import { updateDataset } from '../use-cases/update-dataset.js';
import { withdrawVersion } from '../use-cases/withdraw-version.js';
import * as S from './catalogue.schemas.js';

const tags = ['data'];
const security = [{ apiKey: [] }];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DatasetParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
const VersionParams = Type.Object({ id: Type.String({ maxLength: 80 }), version: Type.Integer({ minimum: 1 }) });
const { id: _id, publisherId: _publisher, ...editable } = S.CreateDatasetBody.properties;
const Reason = Body({ reason: Type.String({ minLength: 5, maxLength: 1000, description: 'Public: shown with the withdrawn version or on the tombstone' }) });

/** Publisher control of a dataset: edit its catalogue entry, set who sees it, withdraw a version, delete it. */
export function registerPublisherApi(app: App, services: Services): void {
  app.patch(
    '/api/v1/data/datasets/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit a dataset\'s catalogue entry (both languages); absent fields keep their value, "" clears a field',
        params: DatasetParams,
        body: Body(editable),
        response: { 200: S.DatasetSchema, ...errorResponses(400, 401, 403, 404, 410, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await updateDataset(services, request.actor, request.params.id, request.body);
      return describeDataset(services.db, request.params.id, {}, request.actor);
    },
  );

  app.put(
    '/api/v1/data/datasets/:id/access',
    {
      schema: {
        tags,
        security,
        summary:
          "Who sees a dataset: public, private (its organisation's members only) or restricted (approved analysts, aggregates only) with an access policy",
        params: DatasetParams,
        body: Body({
          access: Type.Union(ACCESS_LEVELS.map((a) => Type.Literal(a))),
          reasonKo: Type.Optional(Type.String({ maxLength: 2000 })),
          reasonEn: Type.Optional(Type.String({ maxLength: 2000 })),
          conditionsKo: Type.Optional(Type.String({ maxLength: 4000 })),
          conditionsEn: Type.Optional(Type.String({ maxLength: 4000 })),
          contact: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: {
          200: Type.Object({
            access: Type.String(),
            policy: Nullable(Type.Object({ reason: LocalizedSchema, conditions: LocalizedSchema, contact: Nullable(Type.String()) })),
          }),
          ...errorResponses(400, 401, 403, 404, 410, 422),
        },
      },
    },
    async (request) => {
      requireUser(request);
      return setDatasetAccess(services, request.actor, request.params.id, request.body);
    },
  );

  app.post(
    '/api/v1/data/datasets/:id/versions/:version/withdraw',
    {
      schema: {
        tags,
        security,
        summary: 'Withdraw a published version with a public reason: its rows are deleted and no longer served; the fact and the reason stay listed',
        params: VersionParams,
        body: Reason,
        response: {
          200: Type.Object({
            datasetId: Type.String(),
            version: Type.Integer(),
            withdrawnAt: Type.String(),
            reason: Type.String(),
            latestVersion: Nullable(Type.Integer()),
          }),
          ...errorResponses(400, 401, 403, 404, 409, 410, 422),
        },
      },
    },
    async (request) => {
      requireUser(request);
      return withdrawVersion(services, request.actor, { datasetId: request.params.id, version: request.params.version, reason: request.body.reason });
    },
  );

  app.delete(
    '/api/v1/data/datasets/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a dataset, leaving a tombstone with the public reason: its page and every API answer 410 Gone',
        params: DatasetParams,
        body: Reason,
        response: { 200: Type.Object({ id: Type.String(), deletedAt: Type.String(), reason: Type.String() }), ...errorResponses(400, 401, 403, 404, 410, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      return deleteDataset(services, request.actor, request.params.id, request.body);
    },
  );
}
