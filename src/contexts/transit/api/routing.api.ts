import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { PROFILE_IDS, type RouteOverrides } from '../routing/route-types.js';
import { findJourney } from '../use-cases/find-journey.js';
import { routeInStationJson } from '../use-cases/route-in-station.js';
import { FACILITY_STATUSES, setFacilityStatus } from '../use-cases/set-facility-status.js';

const tags = ['transit'];
const Profile = Type.Union(PROFILE_IDS.map((p) => Type.Literal(p)), { description: 'Traveller profile (default walking)' });
const Overrides = {
  maxSlope: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Steepest slope accepted (0.083 = 1:12)' })),
  avoidEscalators: Type.Optional(Type.Boolean()),
  avoidStairs: Type.Optional(Type.Boolean()),
};
const overridesOf = (q: RouteOverrides): RouteOverrides | undefined =>
  q.maxSlope !== undefined || q.avoidEscalators || q.avoidStairs ? { maxSlope: q.maxSlope, avoidEscalators: q.avoidEscalators, avoidStairs: q.avoidStairs } : undefined;

export function registerRoutingApi(app: App, services: Services) {
  app.get('/api/v1/transit/stations/:id/routes', {
    schema: {
      tags, summary: 'A route inside a station for a profile: feasibility and why, time, steps with Korean and English instructions, counts, facilities it depends on, where to board',
      params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
      querystring: Type.Object({
        from: Type.String({ minLength: 1, maxLength: 200, description: 'stop_id of a platform, boarding position, entrance or node' }),
        to: Type.String({ minLength: 1, maxLength: 200 }),
        profile: Type.Optional(Profile),
        toward: Type.Optional(Type.String({ maxLength: 100, description: 'Direction of the arriving train (next station name), to choose the door' })),
        ...Overrides,
      }),
      response: { 200: Type.Unknown(), ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const q = request.query;
    const json = await routeInStationJson(services, request.params.id, { from: q.from, to: q.to, profile: q.profile ?? 'walking', toward: q.toward, overrides: overridesOf(q) });
    return reply.type('application/json; charset=utf-8').send(json);
  });

  app.get('/api/v1/transit/journeys', {
    schema: {
      tags, summary: 'The fastest journey between two stations for a profile: rides, and each transfer routed through the station interior (or estimated and flagged)',
      querystring: Type.Object({
        from: Type.String({ minLength: 1, maxLength: 100, description: 'station id (see /api/v1/transit/stations)' }),
        to: Type.String({ minLength: 1, maxLength: 100 }),
        profile: Type.Optional(Profile),
      }),
      response: { 200: Type.Unknown(), ...errorResponses(400, 404) },
    },
  }, async (request) => findJourney(services, { from: request.query.from, to: request.query.to, profile: request.query.profile ?? 'walking' }));

  app.put('/api/v1/transit/facilities/:id/status', {
    schema: {
      tags, summary: 'Set a facility\'s live status (operators: API key of a transit_operator member); routes change at once',
      params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
      body: Type.Object({
        status: Type.Union(FACILITY_STATUSES.map((v) => Type.Literal(v))),
        reason: Type.Optional(Type.String({ maxLength: 500 })),
        expectedReturn: Type.Optional(Type.String({ format: 'date-time' })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          id: Type.String(), stationId: Type.String(), type: Type.String(), name: Type.Union([Type.String(), Type.Null()]), status: Type.String(), previous: Type.String(),
          updatedAt: Type.String(), reason: Type.Union([Type.String(), Type.Null()]), expectedReturn: Type.Union([Type.String(), Type.Null()]),
        }),
        ...errorResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => setFacilityStatus(services, request.actor, { facilityId: request.params.id, ...request.body }));
}
