import { Type } from '@sinclair/typebox';
import type { MultipartFile } from '@fastify/multipart';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { idempotencyKey } from '../../../core/http/idempotency.js';
import { requireUser } from '../../../core/http/request-context.js';
import { describeProposal, listProposals } from '../use-cases/describe-upkeep.js';
import { previewChange, proposeChange } from '../use-cases/propose-change.js';
import { REVIEW_DECISIONS, reviewProposal } from '../use-cases/review-proposal.js';
import { SURVEY_STEP_KINDS, submitSurvey } from '../use-cases/submit-survey.js';
import { PHOTO_MAX_BYTES, uploadPhoto } from '../use-cases/upload-photo.js';
import { Preview, ProposalSchema, ProposalSummary, ReviewedProposal, UploadedPhoto } from './upkeep.schemas.js';

const tags = ['transit upkeep'];
const security = [{ apiKey: [] }];
const StationParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Op = Type.Object(
  { op: Type.String({ maxLength: 20 }) },
  { additionalProperties: true, description: 'add_level | add_node | update_node | remove_node | add_edge | update_edge | remove_edge' },
);
const Ops = Type.Array(Op, { minItems: 1, maxItems: 500 });
const Num = Type.Optional(Type.Union([Type.Number(), Type.Null()]));
const SurveyStep = Type.Object(
  {
    kind: Type.Union(SURVEY_STEP_KINDS.map((k) => Type.Literal(k))),
    toStopId: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    newPlace: Type.Optional(Type.Union([Type.Object({ name: Type.String({ maxLength: 120 }), levelId: Type.String({ maxLength: 200 }) }), Type.Null()])),
    lengthM: Num,
    widthM: Num,
    slopePercent: Num,
    stepHeightCm: Num,
    stairCount: Num,
    doorWidthCm: Num,
    photos: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);

/** Changes to a station interior: preview, propose, send a field survey, the proposals and their review, and the field photos they cite. */
export function registerProposalsApi(app: App, services: Services) {
  app.post(
    '/api/v1/transit/stations/:id/proposals/preview',
    {
      schema: {
        tags,
        summary: 'Check a change without saving it: the diff, the attributes (and so the stewards) it touches, or every problem with its place',
        params: StationParams,
        body: Type.Object({ ops: Ops }, { additionalProperties: false }),
        response: { 200: Preview, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const p = await previewChange(services, request.params.id, request.body.ops);
      return { baseVersion: p.base.version, attributes: p.attributes, diff: p.diff };
    },
  );

  app.post(
    '/api/v1/transit/stations/:id/proposals',
    {
      schema: {
        tags,
        security,
        summary: 'Propose a change to a station interior (anyone signed in); the stewards review it',
        params: StationParams,
        body: Type.Object(
          {
            title: Type.String({ maxLength: 200 }),
            ops: Ops,
            note: Type.Optional(Type.String({ maxLength: 5000 })),
            photos: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 })),
            surveyedAt: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ProposalSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await proposeChange(services, request.actor, {
        stationId: request.params.id,
        ...request.body,
        source: request.actor.kind === 'api_key' ? 'api' : 'editor',
      });
      return reply.status(201).send(await describeProposal(services, row.id));
    },
  );

  app.post(
    '/api/v1/transit/stations/:id/surveys',
    {
      schema: {
        tags,
        security,
        summary: 'Send a field survey (a route walked step by step with measurements and photos); it becomes a change proposal',
        params: StationParams,
        body: Type.Object(
          {
            startStopId: Type.String({ maxLength: 200 }),
            steps: Type.Array(SurveyStep, { minItems: 1, maxItems: 50 }),
            title: Type.Optional(Type.String({ maxLength: 200 })),
            note: Type.Optional(Type.String({ maxLength: 5000 })),
            photos: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 })),
            surveyedAt: Type.Optional(Type.String({ format: 'date-time' })),
            clientId: Type.Optional(
              Type.String({
                maxLength: 64,
                description: 'The draft id on the device (sending twice makes one proposal); the Idempotency-Key header does the same and wins',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: ProposalSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await submitSurvey(services, request.actor, {
        stationId: request.params.id,
        ...request.body,
        clientId: idempotencyKey(request) ?? request.body.clientId,
      });
      return reply.status(201).send(await describeProposal(services, row.id));
    },
  );

  app.get(
    '/api/v1/transit/proposals',
    {
      schema: {
        tags,
        summary: 'Change proposals, newest first',
        querystring: Type.Object({
          station: Type.Optional(Type.String({ maxLength: 100 })),
          status: Type.Optional(Type.Union(['pending', 'changes_requested', 'approved', 'rejected'].map((s) => Type.Literal(s)))),
        }),
        response: { 200: Type.Array(ProposalSummary) },
      },
    },
    async (request) => listProposals(services, { stationId: request.query.station, status: request.query.status }),
  );

  app.get(
    '/api/v1/transit/proposals/:id',
    {
      schema: {
        tags,
        summary: 'A proposal: the readable diff, evidence and photos, and which stewards must approve',
        params: IdParams,
        response: { 200: ProposalSchema, ...errorResponses(404) },
      },
    },
    async (request) => describeProposal(services, request.params.id),
  );

  app.post(
    '/api/v1/transit/proposals/:id/review',
    {
      schema: {
        tags,
        security,
        summary: 'A steward reviews: approve (a new station version once every steward concerned approved), request_changes or reject with a reason',
        params: IdParams,
        body: Type.Object(
          { decision: Type.Union(REVIEW_DECISIONS.map((d) => Type.Literal(d))), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: ReviewedProposal, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      const r = await reviewProposal(services, request.actor, { proposalId: request.params.id, decision: request.body.decision, reason: request.body.reason });
      return { ...(await describeProposal(services, request.params.id)), waitingFor: r.waitingFor, version: r.version };
    },
  );

  app.post(
    '/api/v1/transit/stations/:id/photos',
    {
      bodyLimit: PHOTO_MAX_BYTES + 64 * 1024,
      config: { multipartOptions: { limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } } },
      schema: {
        tags,
        security,
        consumes: ['multipart/form-data'],
        summary:
          "Upload a field photo (PNG, JPEG or WebP, at most 5 MB) for a later proposal: decoded and re-encoded without any metadata (EXIF, GPS), private to you and the station's stewards until a proposal citing it is approved",
        params: StationParams,
        body: Type.Object({ file: Type.Unknown(), caption: Type.Optional(Type.Unknown()) }),
        response: { 201: UploadedPhoto, ...errorResponses(400, 401, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const part = body.file as MultipartFile | undefined;
      if (!part?.toBuffer)
        throw new AppError('validation.failed', 'file: a photo is required (multipart field "file")', 400, [
          { field: 'file', code: 'validation.required', message: 'A file is required' },
        ]);
      const data = await part.toBuffer();
      const caption = (body.caption as { value?: unknown } | undefined)?.value;
      return reply
        .status(201)
        .send(await uploadPhoto(services, request.actor, { stationId: request.params.id, data, caption: typeof caption === 'string' ? caption : null }));
    },
  );
}
