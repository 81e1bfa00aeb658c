import { Type, type TSchema } from '@sinclair/typebox';
import { component } from '../../../core/http/schemas.js';
import { UnplacedFacility } from '../../transit/index.js';

/** The answers of the upkeep API (interiors as edited, versions, proposals, reports, webhooks), for serialization and openapi.json. */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const NStr = Nullable(Type.String());
const NNum = Nullable(Type.Number());
const NInt = Nullable(Type.Integer());
const NBool = Nullable(Type.Boolean());
const Place = Type.Object({ ko: NStr, en: NStr });

/** Korean and English words, both always given (a fallback fills a missing one). */
export const Words = component('Words', Type.Object({ ko: Str, en: Str }, { description: 'The same words in Korean (ko) and English (en)' }));

const Level = Type.Object({ levelId: Str, levelIndex: Type.Number(), levelName: NStr });
const Boarding = Type.Object({ car: Type.Integer(), door: Type.Integer(), toward: NStr, line: NStr });
const Node = Type.Object({
  stopId: Str,
  name: NStr,
  locationType: Type.Integer({ description: '0 platform, 2 entrance, 3 generic node, 4 boarding area (GTFS)' }),
  levelId: NStr,
  parentStopId: NStr,
  platformCode: NStr,
  lat: NNum,
  lon: NNum,
  wheelchairBoarding: NBool,
  boarding: Nullable(Boarding),
  photos: Type.Array(Str),
});
const Edge = Type.Object({
  pathwayId: Str,
  from: Str,
  to: Str,
  mode: Type.String({ description: 'walkway, stairs, escalator, elevator, …' }),
  bidirectional: Type.Boolean(),
  length: NNum,
  traversalTime: NNum,
  stairCount: NNum,
  maxSlope: NNum,
  minWidth: NNum,
  stepHeightCm: NNum,
  doorWidthCm: NNum,
  wideGate: NBool,
  handrail: NBool,
  tactile: NBool,
  signpostedAs: NStr,
  reversedSignpostedAs: NStr,
  facilityId: NStr,
  photos: Type.Array(Str),
});

/** A station interior in plain fields: levels, nodes (stops) and edges (pathways); null where a value is not known. */
export const EditedInterior = component(
  'EditedInterior',
  Type.Object(
    { levels: Type.Array(Level), nodes: Type.Array(Node), edges: Type.Array(Edge) },
    {
      description: 'A station interior in plain fields (GTFS pathways model); null where a value is not known',
    },
  ),
);

export const DiffEntry = component(
  'InteriorDiffEntry',
  Type.Object(
    {
      entity: Type.Union([Type.Literal('level'), Type.Literal('node'), Type.Literal('edge')]),
      id: Str,
      change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
      field: NStr,
      before: Type.Unknown({ description: 'The value before (a field value, or the whole element when added or removed)' }),
      after: Type.Unknown(),
      label: Type.String({ description: 'The node\'s name, or "from → to" for a pathway' }),
    },
    { description: 'One readable line of a diff: an element added or removed, or one field changed' },
  ),
);

/** One change operation, echoed as sent: `op` and its own fields (see the proposal body). */
export const ChangeOp = component(
  'ChangeOp',
  Type.Object(
    { op: Str },
    {
      additionalProperties: true,
      description: 'add_level | add_node | update_node | remove_node | add_edge | update_edge | remove_edge, with the fields of that operation',
    },
  ),
);

export const CurrentInterior = Type.Object({
  stationId: Str,
  baseVersion: Type.Integer({ description: 'The version a change made now is based on (1 before any version exists)' }),
  interior: EditedInterior,
  unplaced: Type.Array(UnplacedFacility),
});

export const StationVersion = Type.Object({
  version: Type.Integer(),
  kind: Str,
  summary: Str,
  proposalId: NStr,
  restoredVersion: NInt,
  verifiedAt: Type.Union([Str, Type.Null()], { description: 'When verified in the field; null when never' }),
  verifiedBy: NStr,
  createdAt: Str,
});

export const StationVersionDetail = Type.Object({
  stationId: Str,
  version: Type.Integer(),
  kind: Str,
  summary: Str,
  proposalId: NStr,
  restoredVersion: NInt,
  verifiedAt: NStr,
  createdAt: Str,
  latest: Type.Integer({ description: 'The latest version of this station' }),
  diff: Type.Array(DiffEntry),
  interior: EditedInterior,
});

export const RestoredVersion = Type.Object({ stationId: Str, version: Type.Integer(), restoredVersion: NInt, summary: Str });

export const Preview = Type.Object({ baseVersion: Type.Integer(), attributes: Type.Array(Str), diff: Type.Array(DiffEntry) });

const Photo = Type.Object({ id: Str, caption: NStr, width: Type.Integer(), height: Type.Integer(), mime: Str, public: Type.Boolean(), url: Str });

const Proposal = Type.Object({
  id: Str,
  stationId: Str,
  station: Place,
  title: Str,
  status: Type.String({ description: 'pending, changes_requested, approved or rejected' }),
  source: Str,
  revision: Type.Integer(),
  revisions: Type.Array(
    Type.Object({
      revision: Type.Integer(),
      title: Str,
      baseVersion: Type.Integer(),
      sentAt: Str,
      supersededAt: NStr,
      review: Nullable(Type.Object({ reason: Str, by: NStr, at: NStr })),
      ops: Type.Array(ChangeOp),
    }),
  ),
  baseVersion: Type.Integer(),
  currentVersion: Type.Integer(),
  resultVersion: NInt,
  author: Type.Object({ id: Str, name: NStr }),
  createdAt: Str,
  reviewedAt: NStr,
  reviewReason: NStr,
  ops: Type.Array(ChangeOp),
  diff: Nullable(Type.Array(DiffEntry)),
  evidence: Type.Object({
    note: NStr,
    photos: Type.Array(Photo),
    surveyedAt: Type.Union([Str, Type.Null()], { description: 'When the volunteer was in the station (a survey)' }),
    measurements: Type.Optional(Type.Array(Type.Object({ what: Str, value: Type.Number(), unit: Str }))),
  }),
  review: Type.Array(
    Type.Object(
      {
        attribute: Str,
        steward: Nullable(Type.Object({ id: Str, nameKo: NStr, nameEn: NStr })),
        approvedAt: NStr,
      },
      { description: 'Per attribute the proposal touches: the steward who must approve, and when they did' },
    ),
  ),
});

export const ProposalSchema = component('TransitProposal', Proposal);

export const ReviewedProposal = Type.Composite([
  Proposal,
  Type.Object({
    waitingFor: Type.Array(Str, { description: 'Attributes whose stewards have not approved yet' }),
    version: Type.Union([Type.Integer(), Type.Null()], { description: 'The new station version, once approved by every steward concerned' }),
  }),
]);

export const ProposalSummary = Type.Object({
  id: Str,
  stationId: Str,
  station: Place,
  title: Str,
  status: Str,
  source: Str,
  baseVersion: Type.Integer(),
  resultVersion: NInt,
  attributes: Type.Array(Str),
  createdAt: Str,
});

const StewardOrg = Type.Object({ id: Str, slug: Str, nameKo: NStr, nameEn: NStr });
export const StationStewards = Type.Array(Type.Object({ attribute: Str, organisation: Nullable(StewardOrg), stationSpecific: Type.Boolean() }));
/** Setting or removing a steward answers the station's stewards, or for "*" (every station) the default just set. */
export const StewardChange = Type.Union([
  StationStewards,
  Type.Object({ stationKey: Type.String({ description: '"*": every station' }), attribute: Str, organisationId: NStr }),
]);

export const UploadedPhoto = Type.Object({
  id: Str,
  mime: Str,
  bytes: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
  caption: NStr,
  public: Type.Boolean(),
  url: Str,
});

const Organisation = Type.Object({ id: Str, slug: Str, nameKo: NStr, nameEn: NStr });
export const ReportReceived = Type.Object({
  id: Str,
  stationId: Str,
  problem: Str,
  problemName: Words,
  facilityId: NStr,
  title: Words,
  receivedAt: Str,
  url: Str,
  organisation: Organisation,
  status: Type.Literal('open'),
  statusName: Words,
});

export const ReportResolved = Type.Object({
  id: Str,
  status: Type.String({ description: 'confirmed or not_confirmed' }),
  facilityStatus: NStr,
  resolvedAt: Str,
});

export const Report = component(
  'TransitReport',
  Type.Object(
    {
      id: Str,
      url: Str,
      title: Words,
      problem: Str,
      problemName: Words,
      station: Type.Object({ id: Str, name: Words, lat: NNum, lon: NNum }),
      facility: Nullable(Type.Object({ id: Str, type: Str, name: NStr, location: NStr, status: Str, statusName: Words })),
      note: NStr,
      status: Str,
      statusName: Words,
      organisation: Type.Object({ id: Str, slug: Str, name: Words }),
      receivedAt: Str,
      resolvedAt: NStr,
      channel: Str,
      clock: Nullable(
        Type.Object(
          {
            state: Type.Union([Type.Literal('running'), Type.Literal('overdue'), Type.Literal('paused')]),
            dueOn: NStr,
            businessDaysLeft: NInt,
            businessDaysLate: NInt,
          },
          { description: 'The answer clock while the report waits (due date in business days)' },
        ),
      ),
      answeredOnTime: NBool,
      answer: Nullable(Type.Object({ decision: Str, reasons: Str, publishedAt: NStr })),
    },
    { description: 'A problem reported at a station, its answer clock and its answer' },
  ),
);

export const ReportList = Type.Object({ items: Type.Array(Report), count: Type.Integer(), note: Words });

export const FeedSecret = Type.Object({ operator: Str, secret: Type.String({ description: 'Shown once' }), createdAt: Str });
export const FeedAccepted = Type.Object({ operator: Str, pushId: Str, received: Type.Integer(), changed: Type.Integer(), at: Str });

export const ChangeList = Type.Object({
  items: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      kind: Str,
      stationId: Str,
      ref: Str,
      at: Str,
      data: Type.Unknown({ description: 'What changed: an object (version and summary, or status and the one before)' }),
    }),
  ),
});

export const WebhookCreated = Type.Object({ id: Str, url: Str, scope: Str, secret: Type.String({ description: 'Shown once' }), createdAt: Str });
export const WebhookList = Type.Array(
  Type.Object({
    id: Str,
    url: Str,
    scope: Str,
    createdAt: Str,
    deliveries: Type.Array(
      Type.Object({
        id: Str,
        change_seq: Type.Integer(),
        status: Str,
        attempts: Type.Integer(),
        next_attempt_at: Str,
        last_status: NInt,
        last_error: NStr,
        delivered_at: NStr,
      }),
    ),
  }),
);
export const WebhookDeleted = Type.Object({ id: Str, active: Type.Boolean({ description: 'false: removed' }) });

export const AlertList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Str,
      kind: Str,
      stationId: Str,
      stopId: Str,
      facilityId: Str,
      type: Str,
      status: Str,
      routeId: NStr,
      pathwayIds: Type.Array(Str),
      stopIds: Type.Array(Str),
      headerKo: Str,
      headerEn: Str,
      descriptionKo: Str,
      descriptionEn: Str,
      start: NStr,
      end: Type.Union([Str, Type.Null()], { description: "The operator's expected return, when given" }),
    }),
  ),
});

export const Coverage = Type.Object({
  totals: Type.Object({
    stations: Type.Integer(),
    withInterior: Type.Integer(),
    verified: Type.Integer(),
    stale: Type.Integer(),
    openReports: Type.Integer(),
    pendingProposals: Type.Integer(),
    meanHoursToResolve: NNum,
    verifiedStaleAfterDays: Type.Number(),
  }),
  stations: Type.Array(
    Type.Object({
      stationId: Str,
      nameKo: NStr,
      nameEn: NStr,
      version: NInt,
      lastVerifiedAt: NStr,
      verifiedBy: NStr,
      stale: Type.Boolean(),
      openReports: Type.Integer(),
      pendingProposals: Type.Integer(),
    }),
  ),
  organisations: Type.Array(
    Type.Object({
      organisationId: Str,
      slug: Str,
      nameKo: NStr,
      nameEn: NStr,
      attributes: Type.Array(Str),
      approvals: Type.Integer(),
      reportsOpen: Type.Integer(),
      reportsResolved: Type.Integer(),
      meanHoursToResolve: NNum,
    }),
  ),
  problems: Type.Unsafe<readonly string[]>(Type.Array(Str)),
});
