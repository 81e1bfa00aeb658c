import { Type, type TSchema } from '@sinclair/typebox';
import { component } from '../../../core/http/schemas.js';
import { PROVENANCES, type Provenance } from '../domain/provenance.js';
import { UNPLACED_REASONS } from '../interiors/unplaced.js';

/** The answers of the upkeep API (interiors as edited, versions, proposals, reports, webhooks), for validation-free serialization and openapi.json. */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const NStr = Nullable(Type.String());
const NNum = Nullable(Type.Number());
const NInt = Nullable(Type.Integer());
const NBool = Nullable(Type.Boolean());

/** Korean and English words, both always given (a fallback fills a missing one). */
export const Words = component('Words', Type.Object({ ko: Str, en: Str }, { description: 'The same words in Korean (ko) and English (en)' }));

const Level = Type.Object({ levelId: Str, levelIndex: Type.Number(), levelName: NStr });
const Boarding = Type.Object({ car: Type.Integer(), door: Type.Integer(), toward: NStr, line: NStr });
const Node = Type.Object({
  stopId: Str, name: NStr, locationType: Type.Integer({ description: '0 platform, 2 entrance, 3 generic node, 4 boarding area (GTFS)' }), levelId: NStr, parentStopId: NStr,
  platformCode: NStr, lat: NNum, lon: NNum, wheelchairBoarding: NBool, boarding: Nullable(Boarding), photos: Type.Array(Str),
});
const Edge = Type.Object({
  pathwayId: Str, from: Str, to: Str, mode: Type.String({ description: 'walkway, stairs, escalator, elevator, …' }), bidirectional: Type.Boolean(),
  length: NNum, traversalTime: NNum, stairCount: NNum, maxSlope: NNum, minWidth: NNum, stepHeightCm: NNum, doorWidthCm: NNum,
  wideGate: NBool, handrail: NBool, tactile: NBool, signpostedAs: NStr, reversedSignpostedAs: NStr, facilityId: NStr, photos: Type.Array(Str),
});

/** A station interior in plain fields: levels, nodes (stops) and edges (pathways); null where a value is not known. */
export const EditedInterior = component('EditedInterior', Type.Object({ levels: Type.Array(Level), nodes: Type.Array(Node), edges: Type.Array(Edge) }, {
  description: 'A station interior in plain fields (GTFS pathways model); null where a value is not known',
}));

export const DiffEntry = component('InteriorDiffEntry', Type.Object({
  entity: Type.Union([Type.Literal('level'), Type.Literal('node'), Type.Literal('edge')]), id: Str,
  change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]), field: NStr,
  before: Type.Unknown({ description: 'The value before (a field value, or the whole element when added or removed)' }), after: Type.Unknown(),
  label: Type.String({ description: 'The node\'s name, or "from → to" for a pathway' }),
}, { description: 'One readable line of a diff: an element added or removed, or one field changed' }));

/** One change operation, echoed as sent: `op` and its own fields (see the proposal body). */
export const ChangeOp = component('ChangeOp', Type.Object({ op: Str }, {
  additionalProperties: true, description: 'add_level | add_node | update_node | remove_node | add_edge | update_edge | remove_edge, with the fields of that operation',
}));

const Place = Type.Object({ ko: NStr, en: NStr });

/** A way-facility of the station its interior graph does not hold, and why. */
export const UnplacedFacility = component('UnplacedFacility', Type.Object({
  facilityId: Str, type: Str, line: NStr, name: Str, levels: NStr, location: NStr,
  reason: Type.Unsafe<string>({ type: 'string', enum: [...UNPLACED_REASONS] }), place: NStr, message: Type.Object({ ko: Str, en: Str }),
}, { description: 'An elevator, escalator, wheelchair lift or moving walkway of the station that is not in its interior graph, and why' }));

export const CurrentInterior = Type.Object({
  stationId: Str, baseVersion: Type.Integer({ description: 'The version a change made now is based on (1 before any version exists)' }), interior: EditedInterior,
  unplaced: Type.Array(UnplacedFacility),
});

export const StationVersion = Type.Object({
  version: Type.Integer(), kind: Str, summary: Str, proposalId: NStr, restoredVersion: NInt, verifiedAt: Type.Union([Str, Type.Null()], { description: 'When verified in the field; null when never' }),
  verifiedBy: NStr, createdAt: Str,
});

export const StationVersionDetail = Type.Object({
  stationId: Str, version: Type.Integer(), kind: Str, summary: Str, proposalId: NStr, restoredVersion: NInt, verifiedAt: NStr, createdAt: Str,
  latest: Type.Integer({ description: 'The latest version of this station' }), diff: Type.Array(DiffEntry), interior: EditedInterior,
});

export const RestoredVersion = Type.Object({ stationId: Str, version: Type.Integer(), restoredVersion: NInt, summary: Str });

export const Preview = Type.Object({ baseVersion: Type.Integer(), attributes: Type.Array(Str), diff: Type.Array(DiffEntry) });

const Photo = Type.Object({ id: Str, caption: NStr, width: Type.Integer(), height: Type.Integer(), mime: Str, public: Type.Boolean(), url: Str });

const Proposal = Type.Object({
  id: Str, stationId: Str, station: Place, title: Str, status: Type.String({ description: 'pending, changes_requested, approved or rejected' }), source: Str,
  revision: Type.Integer(),
  revisions: Type.Array(Type.Object({
    revision: Type.Integer(), title: Str, baseVersion: Type.Integer(), sentAt: Str, supersededAt: NStr,
    review: Nullable(Type.Object({ reason: Str, by: NStr, at: NStr })), ops: Type.Array(ChangeOp),
  })),
  baseVersion: Type.Integer(), currentVersion: Type.Integer(), resultVersion: NInt,
  author: Type.Object({ id: Str, name: NStr }), createdAt: Str, reviewedAt: NStr, reviewReason: NStr,
  ops: Type.Array(ChangeOp), diff: Nullable(Type.Array(DiffEntry)),
  evidence: Type.Object({
    note: NStr, photos: Type.Array(Photo), surveyedAt: Type.Union([Str, Type.Null()], { description: 'When the volunteer was in the station (a survey)' }),
    measurements: Type.Optional(Type.Array(Type.Object({ what: Str, value: Type.Number(), unit: Str }))),
  }),
  review: Type.Array(Type.Object({
    attribute: Str, steward: Nullable(Type.Object({ id: Str, nameKo: NStr, nameEn: NStr })), approvedAt: NStr,
  }, { description: 'Per attribute the proposal touches: the steward who must approve, and when they did' })),
});

export const ProposalSchema = component('TransitProposal', Proposal);

export const ReviewedProposal = Type.Composite([Proposal, Type.Object({
  waitingFor: Type.Array(Str, { description: 'Attributes whose stewards have not approved yet' }), version: Type.Union([Type.Integer(), Type.Null()], { description: 'The new station version, once approved by every steward concerned' }),
})]);

export const ProposalSummary = Type.Object({
  id: Str, stationId: Str, station: Place, title: Str, status: Str, source: Str, baseVersion: Type.Integer(), resultVersion: NInt, attributes: Type.Array(Str), createdAt: Str,
});

const StewardOrg = Type.Object({ id: Str, slug: Str, nameKo: NStr, nameEn: NStr });
export const StationStewards = Type.Array(Type.Object({ attribute: Str, organisation: Nullable(StewardOrg), stationSpecific: Type.Boolean() }));
/** Setting or removing a steward answers the station's stewards, or for "*" (every station) the default just set. */
export const StewardChange = Type.Union([StationStewards, Type.Object({ stationKey: Type.String({ description: '"*": every station' }), attribute: Str, organisationId: NStr })]);

export const UploadedPhoto = Type.Object({ id: Str, mime: Str, bytes: Type.Integer(), width: Type.Integer(), height: Type.Integer(), caption: NStr, public: Type.Boolean(), url: Str });

const Organisation = Type.Object({ id: Str, slug: Str, nameKo: NStr, nameEn: NStr });
export const ReportReceived = Type.Object({
  id: Str, stationId: Str, problem: Str, problemName: Words, facilityId: NStr, title: Words, receivedAt: Str, url: Str,
  organisation: Organisation, status: Type.Literal('open'), statusName: Words,
});

export const ReportResolved = Type.Object({ id: Str, status: Type.String({ description: 'confirmed or not_confirmed' }), facilityStatus: NStr, resolvedAt: Str });

export const Report = component('TransitReport', Type.Object({
  id: Str, url: Str, title: Words, problem: Str, problemName: Words,
  station: Type.Object({ id: Str, name: Words, lat: NNum, lon: NNum }),
  facility: Nullable(Type.Object({ id: Str, type: Str, name: NStr, location: NStr, status: Str, statusName: Words })),
  note: NStr, status: Str, statusName: Words,
  organisation: Type.Object({ id: Str, slug: Str, name: Words }),
  receivedAt: Str, resolvedAt: NStr, channel: Str,
  clock: Nullable(Type.Object({
    state: Type.Union([Type.Literal('running'), Type.Literal('overdue'), Type.Literal('paused')]), dueOn: NStr, businessDaysLeft: NInt, businessDaysLate: NInt,
  }, { description: 'The answer clock while the report waits (due date in business days)' })),
  answeredOnTime: NBool,
  answer: Nullable(Type.Object({ decision: Str, reasons: Str, publishedAt: NStr })),
}, { description: 'A problem reported at a station, its answer clock and its answer' }));

export const ReportList = Type.Object({ items: Type.Array(Report), count: Type.Integer(), note: Words });

export const FeedSecret = Type.Object({ operator: Str, secret: Type.String({ description: 'Shown once' }), createdAt: Str });
export const FeedAccepted = Type.Object({ operator: Str, pushId: Str, received: Type.Integer(), changed: Type.Integer(), at: Str });

export const ChangeList = Type.Object({
  items: Type.Array(Type.Object({
    seq: Type.Integer(), kind: Str, stationId: Str, ref: Str, at: Str,
    data: Type.Unknown({ description: 'What changed: an object (version and summary, or status and the one before)' }),
  })),
});

export const WebhookCreated = Type.Object({ id: Str, url: Str, scope: Str, secret: Type.String({ description: 'Shown once' }), createdAt: Str });
export const WebhookList = Type.Array(Type.Object({
  id: Str, url: Str, scope: Str, createdAt: Str,
  deliveries: Type.Array(Type.Object({
    id: Str, change_seq: Type.Integer(), status: Str, attempts: Type.Integer(), next_attempt_at: Str, last_status: NInt, last_error: NStr, delivered_at: NStr,
  })),
}));
export const WebhookDeleted = Type.Object({ id: Str, active: Type.Boolean({ description: 'false: removed' }) });

export const AlertList = Type.Object({
  items: Type.Array(Type.Object({
    id: Str, kind: Str, stationId: Str, stopId: Str, facilityId: Str, type: Str, status: Str, routeId: NStr,
    pathwayIds: Type.Array(Str), stopIds: Type.Array(Str), headerKo: Str, headerEn: Str, descriptionKo: Str, descriptionEn: Str,
    start: NStr, end: Type.Union([Str, Type.Null()], { description: 'The operator\'s expected return, when given' }),
  })),
});

export const Coverage = Type.Object({
  totals: Type.Object({
    stations: Type.Integer(), withInterior: Type.Integer(), verified: Type.Integer(), stale: Type.Integer(), openReports: Type.Integer(),
    pendingProposals: Type.Integer(), meanHoursToResolve: NNum, verifiedStaleAfterDays: Type.Number(),
  }),
  stations: Type.Array(Type.Object({
    stationId: Str, nameKo: NStr, nameEn: NStr, version: NInt, lastVerifiedAt: NStr, verifiedBy: NStr, stale: Type.Boolean(), openReports: Type.Integer(), pendingProposals: Type.Integer(),
  })),
  organisations: Type.Array(Type.Object({
    organisationId: Str, slug: Str, nameKo: NStr, nameEn: NStr, attributes: Type.Array(Str), approvals: Type.Integer(), reportsOpen: Type.Integer(),
    reportsResolved: Type.Integer(), meanHoursToResolve: NNum,
  })),
  problems: Type.Unsafe<readonly string[]>(Type.Array(Str)),
});

const Source = Type.Unsafe<Provenance>({ type: 'string', enum: [...PROVENANCES], description: 'How we know it: surveyed, derived, estimated or unknown' });
const JsonText = (description: string) => Type.String({ description: `${description} (a JSON object, as text)` });

/** The station graph as stored: GTFS levels, stops and pathways, each place and pathway with how we know it. */
export const StationGraph = Type.Object({
  levels: Type.Array(Type.Object({ id: Str, feed: Str, station_id: NStr, level_id: Str, level_index: Type.Number(), level_name: NStr, extra: JsonText('More fields') })),
  nodes: Type.Array(Type.Object({
    id: Str, feed: Str, station_id: NStr, stop_id: Str, location_type: Type.Integer(), parent_stop_id: NStr, level_id: NStr, name: NStr, code: NStr, platform_code: NStr,
    lat: NNum, lon: NNum, wheelchair_boarding: NInt, extra: JsonText('More fields'), provenance: JsonText('Where each value came from'), source: Source,
  })),
  edges: Type.Array(Type.Object({
    id: Str, feed: Str, pathway_id: Str, from_stop_id: Str, to_stop_id: Str, pathway_mode: Type.Integer(), is_bidirectional: Type.Integer(),
    length: NNum, traversal_time: NNum, stair_count: NNum, max_slope: NNum, min_width: NNum, signposted_as: NStr, reversed_signposted_as: NStr,
    extra: JsonText('More fields'), provenance: JsonText('Where each value came from'), source: Source,
  })),
  unplaced: Type.Array(UnplacedFacility),
});

/** IndoorGML 2.0 (IndoorJSON2 style): one thematic layer per traveller profile, logical network only. */
export const IndoorGmlDocument = Type.Object({
  type: Type.String({ description: 'IndoorFeatures' }), id: Str, name: Place, note: Str,
  layers: Type.Array(Type.Object({
    id: Str, type: Str, theme: Str, semanticExtension: Type.Boolean(), profile: Str,
    dualSpaceLayer: Type.Object({
      id: Str, type: Str, isDirected: Type.Boolean(), isLogical: Type.Boolean(),
      nodeMember: Type.Array(Type.Object({ id: Str, type: Str, stopId: Str, name: NStr, level: NStr, function: Str, locomotionType: Str })),
      edgeMember: Type.Array(Type.Object({
        id: Str, type: Str, pathwayId: Str, mode: Str, connects: Type.Array(Str), weight: Type.Number({ description: 'Seconds for this profile' }),
        weightKnown: Type.Boolean(), unknown: Type.Array(Str, { description: 'What is not known about this pathway' }),
      })),
    }),
  })),
  layerConnections: Type.Array(Type.Object({ type: Str, typeOfTopoExpression: Str, connectedNodes: Type.Array(Str), connectedLayers: Type.Array(Str) })),
});

/** How a piece of data is known, in the platform's one vocabulary. */
export const ProvenanceSchema = component('Provenance', Type.Unsafe<Provenance>({
  type: 'string', enum: [...PROVENANCES], description: 'surveyed (checked in an approved field survey), derived, estimated or unknown: never shown as surveyed when it is not',
}));

/** A part of a routing answer given with its own fields (documented in the route\'s description). */
const Part = (description: string) => Type.Object({}, { additionalProperties: true, description });
const Text = Type.Object({ ko: Str, en: Str });
const End = Type.Object({ id: Str, name: NStr, source: ProvenanceSchema });

const routeFields = {
  feed: Str, stationId: NStr, profile: Str, from: End, to: End, feasible: Type.Boolean(),
  assurance: ProvenanceSchema,
  reason: Nullable(Type.Object({ code: Str, message: Text, blockedBy: Type.Array(Part('A pathway that blocks this profile, and why')) })),
  timeS: NNum, timeSlowS: NNum,
  steps: Type.Array(Part('One step: mode, from and to, instructions in Korean and English, what is unknown about it, its source (provenance)')),
  counts: Part('Counts of the route: elevators, escalators, stairs, steps whose attributes are unknown'),
  dependsOn: Type.Array(Part('A facility the route depends on, with its status')),
  unknownSteps: Type.Integer(), boardAt: Nullable(Part('Where to board (car and door) for this route')),
};
const Alternatives = Nullable(Type.Object({
  nearby: Type.Array(Part('A nearby station with a working step-free way')),
  assistance: Type.Object({ phones: Type.Array(Type.Object({ line: NStr, phone: Str })), message: Text }),
}));

/** A route inside a station for a profile. */
export const StationRoute = Type.Object({
  ...routeFields, alternatives: Alternatives,
  usual: Nullable(Type.Object({ timeS: NNum, outOfService: Type.Array(Part('A facility out of service now')) }, { description: 'The route with every facility in service, when different' })),
});

export const StationTransfers = Type.Array(Type.Object({
  from: Type.Object({ stopId: Str, name: NStr, line: NStr }), to: Type.Object({ stopId: Str, name: NStr, line: NStr }),
  feasible: Type.Boolean(), timeS: NNum, elevatorRides: Type.Integer(), unknownSteps: Type.Integer(), boardAt: NStr, source: ProvenanceSchema,
}));

const RouteInStation = component('RouteInStation', Type.Object(routeFields, { description: 'A route inside a station' }));
const Platform = Nullable(Type.Object({ stationId: Str, line: Str, stopId: NStr }));
const Blocked = Nullable(Type.Object({ stationId: Str, platformStopId: Str }));

const EndAccess = Type.Object({
  stationId: Str, name: Str, nameEn: Str, line: Str, direction: Str,
  state: Type.Unsafe<'route' | 'blocked' | 'lifts_listed' | 'unknown' | 'not_needed'>({ type: 'string', enum: ['route', 'blocked', 'lifts_listed', 'unknown', 'not_needed'] }),
  cause: Nullable(Type.Unsafe<string>({ type: 'string', enum: ['outage', 'no_lift', 'barrier', 'unknown_layout', 'no_lift_data', 'lift_status_unknown'] })),
  source: ProvenanceSchema, route: Nullable(RouteInStation),
  lifts: Type.Array(Part('A lift listed for this line at this station, with its status and what it rests on')),
  elevators: Type.Integer(), elevatorsInService: Type.Integer(), phones: Type.Array(Type.Object({ line: NStr, phone: Str })),
  warning: Type.Union([Text, Type.Null()], { description: 'The end\'s most important unknown or problem in words' }),
  outOfService: Type.Array(Type.Object({ facilityId: Str, name: NStr, type: Str, status: Str })),
}, { additionalProperties: true, description: 'The way between the street and the platform at one end: the route, or the lifts listed, and what is not known' });

/** The fastest journey between two stations for a profile, each part with its provenance and its warnings. */
export const Journey = Type.Object({
  profile: Str, from: Type.Object({ id: Str, name: Str }), to: Type.Object({ id: Str, name: Str }), feasible: Type.Boolean(), reason: Nullable(Text), timeS: NNum,
  legs: Type.Array(Part('A ride (line, stations, time) or a transfer (routed through the interior, or estimated and flagged), with `source`')),
  transfers: Type.Integer(), departure: Platform, arrival: Platform, entryRoute: Nullable(RouteInStation), entryBlocked: Blocked, exitRoute: Nullable(RouteInStation), exitBlocked: Blocked,
  dependsOn: Type.Array(Part('A facility the journey depends on, with its status')), unsurveyedTransfers: Type.Integer(),
  assurance: ProvenanceSchema, alternatives: Alternatives,
  access: Type.Object({ origin: Nullable(EndAccess), destination: Nullable(EndAccess) }, { description: 'Getting between the street and the platform at each end' }),
  disruption: Nullable(Type.Object({ usualTimeS: NNum, usualVia: Type.Array(Str), outOfService: Type.Array(Part('A facility out of service now')), message: Text })),
  warnings: Type.Array(Type.Object({
    code: Type.String({ description: 'Stable machine code, e.g. access.no_lift_data, transfer.estimated, step.unknown' }),
    at: Type.String({ description: 'journey, origin, destination, or leg:<index in legs>' }),
    step: Type.Union([Type.Integer(), Type.Null()], { description: 'The step number inside that part (its route\'s steps[].n), or null for the part as a whole' }),
    message: Text,
  }, { description: 'A warning or an unknown in words, placed at what it concerns' })),
}, { additionalProperties: true });
