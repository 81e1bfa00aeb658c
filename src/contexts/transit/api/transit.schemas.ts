import { Type, type TSchema } from '@sinclair/typebox';
import { component } from '../../../core/http/schemas.js';
import { PROVENANCES, type Provenance } from '../domain/provenance.js';
import { UNPLACED_REASONS } from '../interiors/unplaced.js';

/** The answers of the transit API (station graphs, IndoorGML, routes, journeys, unplaced facilities), for serialization and openapi.json. */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const NStr = Nullable(Type.String());
const NNum = Nullable(Type.Number());
const NInt = Nullable(Type.Integer());
const _NBool = Nullable(Type.Boolean());
const Place = Type.Object({ ko: NStr, en: NStr });

/** A way-facility of the station its interior graph does not hold, and why. */
export const UnplacedFacility = component(
  'UnplacedFacility',
  Type.Object(
    {
      facilityId: Str,
      type: Str,
      line: NStr,
      name: Str,
      levels: NStr,
      location: NStr,
      reason: Type.Unsafe<string>({ type: 'string', enum: [...UNPLACED_REASONS] }),
      place: NStr,
      message: Type.Object({ ko: Str, en: Str }),
    },
    { description: 'An elevator, escalator, wheelchair lift or moving walkway of the station that is not in its interior graph, and why' },
  ),
);

const Source = Type.Unsafe<Provenance>({ type: 'string', enum: [...PROVENANCES], description: 'How we know it: surveyed, derived, estimated or unknown' });
const JsonText = (description: string) => Type.String({ description: `${description} (a JSON object, as text)` });

/** The station graph as stored: GTFS levels, stops and pathways, each place and pathway with how we know it. */
export const StationGraph = Type.Object({
  levels: Type.Array(
    Type.Object({ id: Str, feed: Str, station_id: NStr, level_id: Str, level_index: Type.Number(), level_name: NStr, extra: JsonText('More fields') }),
  ),
  nodes: Type.Array(
    Type.Object({
      id: Str,
      feed: Str,
      station_id: NStr,
      stop_id: Str,
      location_type: Type.Integer(),
      parent_stop_id: NStr,
      level_id: NStr,
      name: NStr,
      code: NStr,
      platform_code: NStr,
      lat: NNum,
      lon: NNum,
      wheelchair_boarding: NInt,
      extra: JsonText('More fields'),
      provenance: JsonText('Where each value came from'),
      source: Source,
    }),
  ),
  edges: Type.Array(
    Type.Object({
      id: Str,
      feed: Str,
      pathway_id: Str,
      from_stop_id: Str,
      to_stop_id: Str,
      pathway_mode: Type.Integer(),
      is_bidirectional: Type.Integer(),
      length: NNum,
      traversal_time: NNum,
      stair_count: NNum,
      max_slope: NNum,
      min_width: NNum,
      signposted_as: NStr,
      reversed_signposted_as: NStr,
      extra: JsonText('More fields'),
      provenance: JsonText('Where each value came from'),
      source: Source,
    }),
  ),
  unplaced: Type.Array(UnplacedFacility),
});

/** IndoorGML 2.0 (IndoorJSON2 style): one thematic layer per traveller profile, logical network only. */
export const IndoorGmlDocument = Type.Object({
  type: Type.String({ description: 'IndoorFeatures' }),
  id: Str,
  name: Place,
  note: Str,
  layers: Type.Array(
    Type.Object({
      id: Str,
      type: Str,
      theme: Str,
      semanticExtension: Type.Boolean(),
      profile: Str,
      dualSpaceLayer: Type.Object({
        id: Str,
        type: Str,
        isDirected: Type.Boolean(),
        isLogical: Type.Boolean(),
        nodeMember: Type.Array(Type.Object({ id: Str, type: Str, stopId: Str, name: NStr, level: NStr, function: Str, locomotionType: Str })),
        edgeMember: Type.Array(
          Type.Object({
            id: Str,
            type: Str,
            pathwayId: Str,
            mode: Str,
            connects: Type.Array(Str),
            weight: Type.Number({ description: 'Seconds for this profile' }),
            weightKnown: Type.Boolean(),
            unknown: Type.Array(Str, { description: 'What is not known about this pathway' }),
          }),
        ),
      }),
    }),
  ),
  layerConnections: Type.Array(Type.Object({ type: Str, typeOfTopoExpression: Str, connectedNodes: Type.Array(Str), connectedLayers: Type.Array(Str) })),
});

/** How a piece of data is known, in the platform's one vocabulary. */
export const ProvenanceSchema = component(
  'Provenance',
  Type.Unsafe<Provenance>({
    type: 'string',
    enum: [...PROVENANCES],
    description: 'surveyed (checked in an approved field survey), derived, estimated or unknown: never shown as surveyed when it is not',
  }),
);

/** A part of a routing answer given with its own fields (documented in the route\'s description). */
const Part = (description: string) => Type.Object({}, { additionalProperties: true, description });
const Text = Type.Object({ ko: Str, en: Str });
const End = Type.Object({ id: Str, name: NStr, source: ProvenanceSchema });

const routeFields = {
  feed: Str,
  stationId: NStr,
  profile: Str,
  from: End,
  to: End,
  feasible: Type.Boolean(),
  assurance: ProvenanceSchema,
  reason: Nullable(Type.Object({ code: Str, message: Text, blockedBy: Type.Array(Part('A pathway that blocks this profile, and why')) })),
  timeS: NNum,
  timeSlowS: NNum,
  steps: Type.Array(Part('One step: mode, from and to, instructions in Korean and English, what is unknown about it, its source (provenance)')),
  counts: Part('Counts of the route: elevators, escalators, stairs, steps whose attributes are unknown'),
  dependsOn: Type.Array(Part('A facility the route depends on, with its status')),
  unknownSteps: Type.Integer(),
  boardAt: Nullable(Part('Where to board (car and door) for this route')),
};
const Alternatives = Nullable(
  component(
    'StepFreeAlternatives',
    Type.Object(
      {
        nearby: Type.Array(Part('A nearby station with a working step-free way')),
        assistance: Type.Object({ phones: Type.Array(Type.Object({ line: NStr, phone: Str })), message: Text }),
      },
      { description: 'When no step-free route works: nearby stations with a working step-free way, and whom to call for help' },
    ),
  ),
);

/** A route inside a station for a profile. */
export const StationRoute = Type.Object({
  ...routeFields,
  alternatives: Alternatives,
  usual: Nullable(
    Type.Object(
      { timeS: NNum, outOfService: Type.Array(Part('A facility out of service now')) },
      { description: 'The route with every facility in service, when different' },
    ),
  ),
});

export const StationTransfers = Type.Array(
  Type.Object({
    from: Type.Object({ stopId: Str, name: NStr, line: NStr }),
    to: Type.Object({ stopId: Str, name: NStr, line: NStr }),
    feasible: Type.Boolean(),
    timeS: NNum,
    elevatorRides: Type.Integer(),
    unknownSteps: Type.Integer(),
    boardAt: NStr,
    source: ProvenanceSchema,
  }),
);

const RouteInStation = component('RouteInStation', Type.Object(routeFields, { description: 'A route inside a station' }));
const Platform = Nullable(Type.Object({ stationId: Str, line: Str, stopId: NStr }));
const Blocked = Nullable(Type.Object({ stationId: Str, platformStopId: Str }));

const EndAccess = component(
  'EndAccess',
  Type.Object(
    {
      stationId: Str,
      name: Str,
      nameEn: Str,
      line: Str,
      direction: Str,
      state: Type.Unsafe<'route' | 'blocked' | 'lifts_listed' | 'unknown' | 'not_needed'>({
        type: 'string',
        enum: ['route', 'blocked', 'lifts_listed', 'unknown', 'not_needed'],
      }),
      cause: Nullable(Type.Unsafe<string>({ type: 'string', enum: ['outage', 'no_lift', 'barrier', 'unknown_layout', 'no_lift_data', 'lift_status_unknown'] })),
      source: ProvenanceSchema,
      route: Nullable(RouteInStation),
      lifts: Type.Array(Part('A lift listed for this line at this station, with its status and what it rests on')),
      elevators: Type.Integer(),
      elevatorsInService: Type.Integer(),
      phones: Type.Array(Type.Object({ line: NStr, phone: Str })),
      warning: Type.Union([Text, Type.Null()], { description: "The end's most important unknown or problem in words" }),
      outOfService: Type.Array(Type.Object({ facilityId: Str, name: NStr, type: Str, status: Str })),
    },
    {
      additionalProperties: true,
      description: 'The way between the street and the platform at one end: the route, or the lifts listed, and what is not known',
    },
  ),
);

/** The fastest journey between two stations for a profile, each part with its provenance and its warnings. */
export const Journey = Type.Object(
  {
    profile: Str,
    from: Type.Object({ id: Str, name: Str }),
    to: Type.Object({ id: Str, name: Str }),
    feasible: Type.Boolean(),
    reason: Nullable(Text),
    timeS: NNum,
    legs: Type.Array(Part('A ride (line, stations, time) or a transfer (routed through the interior, or estimated and flagged), with `source`')),
    transfers: Type.Integer(),
    departure: Platform,
    arrival: Platform,
    entryRoute: Nullable(RouteInStation),
    entryBlocked: Blocked,
    exitRoute: Nullable(RouteInStation),
    exitBlocked: Blocked,
    dependsOn: Type.Array(Part('A facility the journey depends on, with its status')),
    unsurveyedTransfers: Type.Integer(),
    assurance: ProvenanceSchema,
    alternatives: Alternatives,
    access: Type.Object(
      { origin: Nullable(EndAccess), destination: Nullable(EndAccess) },
      { description: 'Getting between the street and the platform at each end' },
    ),
    disruption: Nullable(
      Type.Object({ usualTimeS: NNum, usualVia: Type.Array(Str), outOfService: Type.Array(Part('A facility out of service now')), message: Text }),
    ),
    warnings: Type.Array(
      Type.Object(
        {
          code: Type.String({ description: 'Stable machine code, e.g. access.no_lift_data, transfer.estimated, step.unknown' }),
          at: Type.String({ description: 'journey, origin, destination, or leg:<index in legs>' }),
          step: Type.Union([Type.Integer(), Type.Null()], {
            description: "The step number inside that part (its route's steps[].n), or null for the part as a whole",
          }),
          message: Text,
        },
        { description: 'A warning or an unknown in words, placed at what it concerns' },
      ),
    ),
  },
  { additionalProperties: true },
);
