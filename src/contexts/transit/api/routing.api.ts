import { type Static, Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { binaryBody, errorResponses, textBody } from '../../../core/http/schemas.js';
import { PROFILE_IDS, type RouteOverrides } from '../routing/route-types.js';
import { findJourney } from '../use-cases/find-journey.js';
import { FACILITY_STATUSES, setFacilityStatus } from '../use-cases/set-facility-status.js';
import { listStationTransfers, transferMapInput } from '../use-cases/transfer-maps.js';
import { renderTransferMapSvg } from '../maps/transfer-map-svg.js';
import { renderTransferMapPdf } from '../maps/transfer-map-pdf.js';
import { transferMapText } from '../maps/transfer-map-text.js';
import { cachedTransferMap } from '../use-cases/transfer-map-cache.js';
import { Journey, StationRoute, StationTransfers } from './transit.schemas.js';
import { cachedRouteAnswer, questionKey, type RouteQuestion, routeAnswer, sendRouteAnswer } from './route-answers.js';

const tags = ['transit'];
const Profile = Type.Union(
  PROFILE_IDS.map((p) => Type.Literal(p)),
  { description: 'Traveller profile (default walking)' },
);
const Overrides = {
  maxSlope: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Steepest slope accepted (0.083 = 1:12)' })),
  avoidEscalators: Type.Optional(Type.Boolean()),
  avoidStairs: Type.Optional(Type.Boolean()),
};
const overridesOf = (q: RouteOverrides): RouteOverrides | undefined =>
  q.maxSlope !== undefined || q.avoidEscalators || q.avoidStairs
    ? { maxSlope: q.maxSlope, avoidEscalators: q.avoidEscalators, avoidStairs: q.avoidStairs }
    : undefined;

export function registerRoutingApi(app: App, services: Services) {
  app.get(
    '/api/v1/transit/stations/:id/routes',
    {
      schema: {
        tags,
        summary:
          'A route inside a station for a profile: feasibility and why, time, steps with Korean and English instructions, counts, facilities it depends on, where to board',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object({
          from: Type.String({ minLength: 1, maxLength: 200, description: 'stop_id of a platform, boarding position, entrance or node' }),
          to: Type.String({ minLength: 1, maxLength: 200 }),
          profile: Type.Optional(Profile),
          toward: Type.Optional(Type.String({ maxLength: 100, description: 'Direction of the arriving train (next station name), to choose the door' })),
          ...Overrides,
        }),
        // The answer is sent as JSON bytes from the per-station cache (not serialized again): the schema documents it.
        response: { 200: Type.Unsafe<Static<typeof StationRoute> | Buffer>(StationRoute), ...errorResponses(400, 404) },
      },
    },
    // Not async: an answer already computed for the station's current status is sent at once, without a promise.
    (request, reply) => {
      const q = request.query;
      const question: RouteQuestion = { from: q.from, to: q.to, profile: q.profile ?? 'walking', toward: q.toward, overrides: overridesOf(q) };
      const key = questionKey(question);
      const cached = cachedRouteAnswer(services, request.params.id, key);
      if (cached) return sendRouteAnswer(request, reply, cached);
      return routeAnswer(services, request.params.id, question, key).then((answer) => sendRouteAnswer(request, reply, answer));
    },
  );

  const MapQuery = Type.Object({
    from: Type.String({ minLength: 1, maxLength: 200 }),
    to: Type.String({ minLength: 1, maxLength: 200 }),
    profile: Type.Optional(Profile),
    toward: Type.Optional(Type.String({ maxLength: 100 })),
    lang: Type.Optional(Type.Union([Type.Literal('ko'), Type.Literal('en')])),
    ...Overrides,
  });
  const StationParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
  const mapQuery = (q: { from: string; to: string; profile?: (typeof PROFILE_IDS)[number]; toward?: string } & RouteOverrides) => ({
    from: q.from,
    to: q.to,
    profile: q.profile ?? ('walking' as const),
    toward: q.toward,
    overrides: overridesOf(q),
  });

  app.get(
    '/api/v1/transit/stations/:id/transfer-map.svg',
    {
      schema: {
        tags,
        summary: 'The transfer map of a route as an accessible SVG (levels stacked, route highlighted, numbered steps, boarding door)',
        params: StationParams,
        querystring: MapQuery,
        response: { 200: textBody('image/svg+xml', 'An accessible SVG (title, description, numbered steps)'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const q = mapQuery(request.query);
      const lang = request.query.lang ?? request.locale;
      const svg = await cachedTransferMap(services, { kind: 'svg', stationId: request.params.id, route: q, profile: q.profile, lang }, async () =>
        renderTransferMapSvg((await transferMapInput(services, request.params.id, q)).input, lang),
      );
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'no-cache').send(svg);
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/transfer-map.txt',
    {
      schema: {
        tags,
        summary: 'The transfer map as text, for screen readers and SMS',
        params: StationParams,
        querystring: MapQuery,
        response: { 200: textBody('text/plain', 'The steps in words, one a line'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { input } = await transferMapInput(services, request.params.id, mapQuery(request.query));
      return reply.type('text/plain; charset=utf-8').send(transferMapText(input, request.query.lang ?? request.locale).join('\n'));
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/transfer-map.pdf',
    {
      schema: {
        tags,
        summary: 'The transfer map as a printable A4 PDF (Korean and English)',
        params: StationParams,
        querystring: MapQuery,
        response: { 200: binaryBody('application/pdf', 'An A4 PDF'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const q = mapQuery(request.query);
      const pdf = await cachedTransferMap(
        services,
        { kind: 'pdf', stationId: request.params.id, route: q, profile: q.profile, lang: request.query.lang ?? request.locale },
        async () => renderTransferMapPdf((await transferMapInput(services, request.params.id, q)).input),
      );
      return reply.type('application/pdf').header('content-disposition', `inline; filename="transfer-map-${request.params.id}.pdf"`).send(pdf);
    },
  );

  app.get(
    '/api/v1/transit/stations/:id/transfers',
    {
      schema: {
        tags,
        summary: "A station's transfers (platform to platform of another line) for a profile: feasible, time, lifts, where to board",
        params: StationParams,
        querystring: Type.Object({ profile: Type.Optional(Profile) }),
        response: { 200: StationTransfers, ...errorResponses(400, 404) },
      },
    },
    async (request) => listStationTransfers(services, request.params.id, request.query.profile ?? 'walking'),
  );

  app.get(
    '/api/v1/transit/journeys',
    {
      schema: {
        tags,
        summary:
          'The fastest journey between two stations for a profile: the way in from the street, rides, each transfer routed through the station interior (or estimated and flagged), the way out; every warning placed at the part it concerns, and the provenance of each part',
        description:
          'Each leg and route step has `source` (surveyed | derived | estimated | unknown); the answer has `assurance`, the weakest of its parts. ' +
          '`warnings` lists every warning and unknown with `at` (journey | origin | destination | leg:<i>) and `step`. Stations may be given by id or by name; ' +
          'a name matching several stations is refused (422, `transit.journey.ambiguous_station`) with the choices.',
        querystring: Type.Object({
          from: Type.String({ minLength: 1, maxLength: 100, description: 'station id (see /api/v1/transit/stations) or name (교대, Gyodae)' }),
          to: Type.String({ minLength: 1, maxLength: 100, description: 'station id or name' }),
          profile: Type.Optional(Profile),
        }),
        response: { 200: Journey, ...errorResponses(400, 404, 422) },
      },
    },
    async (request) => findJourney(services, { from: request.query.from, to: request.query.to, profile: request.query.profile ?? 'walking' }),
  );

  app.put(
    '/api/v1/transit/facilities/:id/status',
    {
      schema: {
        tags,
        summary: "Set a facility's live status (operators: API key of a transit_operator member); routes change at once",
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        body: Type.Object(
          {
            status: Type.Union(FACILITY_STATUSES.map((v) => Type.Literal(v))),
            reason: Type.Optional(Type.String({ maxLength: 500 })),
            expectedReturn: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            stationId: Type.String(),
            type: Type.String(),
            name: Type.Union([Type.String(), Type.Null()]),
            status: Type.String(),
            previous: Type.String(),
            updatedAt: Type.String(),
            reason: Type.Union([Type.String(), Type.Null()]),
            expectedReturn: Type.Union([Type.String(), Type.Null()]),
            observedAt: Type.String({ description: 'When the source observed the status' }),
            since: Type.String({ description: 'When the current status began' }),
            source: Type.String({ description: 'Who set it: operator_api, operator_feed, staff or citizen_report' }),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => setFacilityStatus(services, request.actor, { facilityId: request.params.id, ...request.body }),
  );
}
