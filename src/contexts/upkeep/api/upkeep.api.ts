import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { MultipartFile } from '@fastify/multipart';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { binaryBody, errorResponses, textBody } from '../../../core/http/schemas.js';
import { idempotencyKey } from '../../../core/http/idempotency.js';
import { requireUser } from '../../../core/http/request-context.js';
import { encodeAlertsFeed, listAccessibilityAlerts } from '../use-cases/accessibility-alerts.js';
import { buildCoverage } from '../use-cases/build-coverage.js';
import { ATTRIBUTES } from '../use-cases/change-ops.js';
import { changesAtom, listChanges } from '../use-cases/change-feed.js';
import { describeCurrentInterior, describeProposal, describeVersion, listProposals, listVersions } from '../use-cases/describe-upkeep.js';
import { previewChange, proposeChange } from '../use-cases/propose-change.js';
import { reportProblem, resolveReport, PROBLEMS } from '../use-cases/report-problem.js';
import { appsSendAKey, REPORT_RATE_LIMIT } from './reports.api.js';
import { restoreVersion, revertVersion } from '../use-cases/restore-version.js';
import { REVIEW_DECISIONS, reviewProposal } from '../use-cases/review-proposal.js';
import { setStationSteward, listStationStewards } from '../use-cases/manage-stewards.js';
import { submitSurvey, SURVEY_STEP_KINDS } from '../use-cases/submit-survey.js';
import { PHOTO_MAX_BYTES, uploadPhoto } from '../use-cases/upload-photo.js';
import { receiveSignedStatusFeed, rotateFeedSecret } from '../use-cases/signed-status-feed.js';
import { SIGNATURE_HEADER } from '../use-cases/webhook-signature.js';
import { deleteWebhook, listWebhooks, registerWebhook, WEBHOOK_SCOPES } from '../use-cases/webhooks.js';
import { FACILITY_STATUSES, interiorGtfsTables, listUnplaced, pushStatusFeed } from '../../transit/index.js';
import { toCsv } from '../../../core/csv.js';
import { latestVersion, loadStationRows, snapshotOf } from '../use-cases/interior-store.js';
import {
  AlertList,
  ChangeList,
  Coverage,
  CurrentInterior,
  FeedAccepted,
  FeedSecret,
  Preview,
  ProposalSchema,
  ProposalSummary,
  ReportReceived,
  ReportResolved,
  RestoredVersion,
  ReviewedProposal,
  StationStewards,
  StationVersion,
  StationVersionDetail,
  StewardChange,
  UploadedPhoto,
  WebhookCreated,
  WebhookDeleted,
  WebhookList,
} from './upkeep.schemas.js';

const tags = ['transit upkeep'];
const security = [{ apiKey: [] }];
const StationParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const VersionParams = Type.Object({ id: Type.String({ maxLength: 100 }), version: Type.Integer({ minimum: 1 }) });
const Op = Type.Object(
  { op: Type.String({ maxLength: 20 }) },
  { additionalProperties: true, description: 'add_level | add_node | update_node | remove_node | add_edge | update_edge | remove_edge' },
);
const Ops = Type.Array(Op, { minItems: 1, maxItems: 500 });
const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
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

export function registerUpkeepApi(app: App, services: Services) {
  app.get(
    '/api/v1/transit/stations/:id/stewards',
    {
      schema: {
        tags,
        summary: 'Who stewards what at a station (per attribute: geometry, accessibility, boarding, instructions, media, facility)',
        params: StationParams,
        response: { 200: StationStewards, ...errorResponses(404) },
      },
    },
    async (request) => listStationStewards(services, request.params.id),
  );

  app.put(
    '/api/v1/transit/stations/:id/stewards/:attribute',
    {
      schema: {
        tags,
        security,
        summary: 'Make an organisation the steward of an attribute at this station (admins; station id "*" for every station)',
        params: Type.Object({ id: Type.String({ maxLength: 100 }), attribute: Type.Union(ATTRIBUTES.map((a) => Type.Literal(a))) }),
        body: Type.Object({ organisationId: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: StewardChange, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      requireUser(request) &&
      setStationSteward(services, request.actor, {
        stationKey: request.params.id,
        attribute: request.params.attribute,
        organisationId: request.body.organisationId,
      }),
  );

  app.get(
    '/api/v1/transit/stations/:id/interior',
    {
      schema: {
        tags,
        summary: 'The station interior as edited (levels, nodes, pathways in plain fields) and the version a change made now is based on',
        params: StationParams,
        response: { 200: CurrentInterior, ...errorResponses(404) },
      },
    },
    async (request) => {
      const current = await describeCurrentInterior(services, request.params.id);
      const latest = await latestVersion(services.db, request.params.id);
      const rows = latest ? snapshotOf(latest) : (await loadStationRows(services.db, request.params.id)).rows;
      return { ...current, unplaced: await listUnplaced(services.db, request.params.id, rows) };
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/gtfs/:file',
    {
      schema: {
        tags,
        summary: 'The station interior as it is now (the approved version) in GTFS: stops.txt, levels.txt or pathways.txt, for apps',
        params: Type.Object({
          id: Type.String({ maxLength: 100 }),
          file: Type.Union([Type.Literal('stops.txt'), Type.Literal('levels.txt'), Type.Literal('pathways.txt')]),
        }),
        response: { 200: textBody('text/csv', 'The GTFS file (CSV with a header row; empty when the station has no interior)') },
      },
    },
    async (request, reply) => {
      const latest = await latestVersion(services.db, request.params.id);
      const rows = latest ? snapshotOf(latest) : (await loadStationRows(services.db, request.params.id)).rows;
      const table = interiorGtfsTables(rows).find((x) => x.file === request.params.file);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `inline; filename="${request.params.id}-${request.params.file}"`)
        .send(table ? toCsv(table.columns, table.rows, 'gtfs') : '');
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a station interior, newest first (when verified in the field, by whom)',
        params: StationParams,
        response: { 200: Type.Array(StationVersion), ...errorResponses(404) },
      },
    },
    async (request) => listVersions(services, request.params.id),
  );

  app.get(
    '/api/v1/transit/stations/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version: its interior (levels, nodes, pathways) and the diff from the version before',
        params: VersionParams,
        response: { 200: StationVersionDetail, ...errorResponses(404) },
      },
    },
    async (request) => describeVersion(services, request.params.id, request.params.version),
  );

  app.post(
    '/api/v1/transit/stations/:id/versions/:version/revert',
    {
      schema: {
        tags,
        security,
        summary: 'Revert the latest version (restores the one before it, as a new version); stewards of what changes',
        params: VersionParams,
        body: Reason,
        response: { 200: RestoredVersion, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      const v = await revertVersion(services, request.actor, { stationId: request.params.id, version: request.params.version, reason: request.body.reason });
      return { stationId: v.station_id, version: v.version, restoredVersion: v.restored_version, summary: v.summary };
    },
  );

  app.post(
    '/api/v1/transit/stations/:id/versions/:version/restore',
    {
      schema: {
        tags,
        security,
        summary: 'Restore any earlier version as a new version',
        params: VersionParams,
        body: Reason,
        response: { 200: RestoredVersion, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      const v = await restoreVersion(services, request.actor, { stationId: request.params.id, version: request.params.version, reason: request.body.reason });
      return { stationId: v.station_id, version: v.version, restoredVersion: v.restored_version, summary: v.summary };
    },
  );

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

  app.post(
    '/api/v1/transit/stations/:id/reports',
    {
      config: { rateLimit: REPORT_RATE_LIMIT },
      preValidation: appsSendAKey, // any developer API key, no cookie or CSRF; browsers keep the token
      schema: {
        tags,
        summary: 'Report a problem at a station (elevator out, blocked passage, wrong direction …); the responsible steward must answer in business days',
        params: StationParams,
        body: Type.Object(
          {
            problem: Type.Union(PROBLEMS.map((p) => Type.Literal(p))),
            facilityId: Type.Optional(Type.String({ maxLength: 100 })),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ReportReceived, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reportProblem(services, request.actor, { stationId: request.params.id, ...request.body, channel: 'api' })),
  );

  app.post(
    '/api/v1/transit/reports/:id/resolve',
    {
      schema: {
        tags,
        security,
        summary: 'The steward answers a report: confirmed (optionally setting the facility status, which routing uses at once) or not, with reasons',
        params: IdParams,
        body: Type.Object(
          {
            confirmed: Type.Boolean(),
            reasons: Type.String({ maxLength: 5000 }),
            facilityStatus: Type.Optional(Type.Union([...FACILITY_STATUSES.map((s) => Type.Literal(s)), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReportResolved, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      return resolveReport(services, request.actor, { reportId: request.params.id, ...request.body });
    },
  );

  app.post(
    '/api/v1/transit/facility-status',
    {
      schema: {
        tags,
        security,
        summary:
          'Operator feed: many facility statuses at once, all or nothing (API key of a transit operator member). Re-sending a status keeps it fresh; one not confirmed for TRANSIT_STATUS_STALE_MINUTES counts as unknown',
        body: Type.Object(
          {
            statuses: Type.Array(
              Type.Object(
                {
                  facilityId: Type.String({ maxLength: 100 }),
                  status: Type.Union(FACILITY_STATUSES.map((s) => Type.Literal(s))),
                  reason: Type.Optional(Type.String({ maxLength: 500 })),
                  expectedReturn: Type.Optional(Type.String({ format: 'date-time' })),
                  observedAt: Type.Optional(
                    Type.String({
                      format: 'date-time',
                      description: 'When the source saw this status (default: now); an older one than the status held is refused (409)',
                    }),
                  ),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 5000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ received: Type.Integer(), changed: Type.Integer(), at: Type.String() }), ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request) => pushStatusFeed(services, request.actor, request.body.statuses),
  );

  app.post(
    '/api/v1/transit/operators/:slug/status-feed/secret',
    {
      schema: {
        tags,
        security,
        summary: "Create or rotate an operator's shared secret for signed status pushes (its organisation admins); shown once",
        params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
        response: { 201: FeedSecret, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      return reply.status(201).send(await rotateFeedSecret(services, request.actor, request.params.slug));
    },
  );

  app.post(
    '/api/v1/transit/operators/:slug/status-feed',
    {
      config: { signedPayload: true },
      // The signature covers the exact bytes sent: keep them before JSON parsing.
      preParsing: async (request, _reply, payload) => {
        const chunks: Buffer[] = [];
        for await (const chunk of payload) chunks.push(chunk as Buffer);
        const raw = Buffer.concat(chunks);
        (request as { rawBody?: string }).rawBody = raw.toString('utf8');
        return Readable.from([raw]);
      },
      schema: {
        tags,
        summary:
          "Signed status push from an operator's system: header X-Open-Seoul-Signature t=<unix>,v1=HMAC-SHA256(secret, t.body); body { id (unique) or sequence (increasing), observedAt?, statuses: [{ facilityId, status, observedAt? }] }, all or nothing, accepted once (409 replayed, out of order or older than the status held; 422 without id or sequence, or observed in the future)",
        params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
        body: Type.Unknown(),
        response: { 200: FeedAccepted, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) =>
      receiveSignedStatusFeed(services, {
        slug: request.params.slug,
        rawBody: (request as { rawBody?: string }).rawBody ?? '',
        signature: request.headers[SIGNATURE_HEADER] as string | undefined,
      }),
  );

  app.get(
    '/api/v1/transit/changes',
    {
      schema: {
        tags,
        summary: 'The change feed: approved station versions and facility status changes after a sequence number, oldest first',
        querystring: Type.Object({
          after: Type.Optional(Type.Integer({ minimum: 0 })),
          station: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        }),
        response: { 200: ChangeList },
      },
    },
    async (request) => ({ items: await listChanges(services, { after: request.query.after, stationId: request.query.station, limit: request.query.limit }) }),
  );

  app.get('/transit/changes.atom', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/atom+xml; charset=utf-8').send(await changesAtom(services, services.config.publicUrl)),
  );

  app.post(
    '/api/v1/transit/webhooks',
    {
      schema: {
        tags,
        security,
        summary:
          'Subscribe a URL to the change feed: any developer with an API key follows the public changes (scope public); operators and stewards may keep private ones (scope organisation). Payloads are signed: X-Open-Seoul-Signature t=…,v1=HMAC-SHA256(secret, t.body); the secret is shown once',
        body: Type.Object(
          { url: Type.String({ maxLength: 2000 }), scope: Type.Optional(Type.Union(WEBHOOK_SCOPES.map((x) => Type.Literal(x)))) },
          { additionalProperties: false },
        ),
        response: { 201: WebhookCreated, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      return reply.status(201).send(await registerWebhook(services, request.actor, { url: request.body.url, scope: request.body.scope }));
    },
  );

  app.get(
    '/api/v1/transit/webhooks',
    {
      schema: { tags, security, summary: 'Your webhooks and their recent deliveries', response: { 200: WebhookList, ...errorResponses(401) } },
    },
    async (request) => {
      requireUser(request);
      return listWebhooks(services, request.actor);
    },
  );

  app.delete(
    '/api/v1/transit/webhooks/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a webhook (pending deliveries are cancelled)',
        params: IdParams,
        response: { 200: WebhookDeleted, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      requireUser(request);
      return deleteWebhook(services, request.actor, request.params.id);
    },
  );

  app.get(
    '/api/v1/transit/alerts.pb',
    {
      schema: {
        tags,
        summary: 'GTFS-Realtime alerts (protobuf) for facilities out of service: effect ACCESSIBILITY_ISSUE, Korean and English',
        response: { 200: binaryBody('application/x-protobuf', 'A GTFS-Realtime FeedMessage') },
      },
    },
    async (_request, reply) =>
      reply
        .type('application/x-protobuf')
        .header('cache-control', 'no-cache')
        .send(Buffer.from(encodeAlertsFeed(await listAccessibilityAlerts(services), services.now()))),
  );

  app.get(
    '/api/v1/transit/alerts',
    {
      schema: { tags, summary: 'The same accessibility alerts as JSON', response: { 200: AlertList } },
    },
    async () => ({ items: await listAccessibilityAlerts(services) }),
  );

  app.get(
    '/api/v1/transit/coverage',
    {
      schema: {
        tags,
        summary: 'Coverage and freshness: stations with interiors, verified in the field, stale, open reports, time to resolve, per organisation',
        response: { 200: Coverage },
      },
    },
    async () => buildCoverage(services),
  );
}
