import { Type, type TSchema } from '@sinclair/typebox';
import { Body, component, LocalizedSchema } from '../../../core/http/schemas.js';
import {
  AGE_BANDS,
  APPLICATION_STATES,
  CALL_KINDS,
  FEEDBACK_DECISIONS,
  FEEDBACK_KINDS,
  FIELDS,
  OPPORTUNITY_KINDS,
  RULE_DATE_KINDS,
  RULE_KINDS,
  STAGES,
  TEXT_KINDS,
} from '../domain/vocabularies.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const OneOf = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Str = (max: number, description?: string) => Type.String({ maxLength: max, ...(description ? { description } : {}) });
const Opt = <T extends TSchema>(t: T) => Type.Optional(Nullable(t));
const Ymd = (description = 'YYYY-MM-DD') => Str(10, description);

export const Slug = Type.Object({ slug: Str(100) });
export const Id = Type.Object({ id: Str(100) });

export const StartupSchema = component(
  'Startup',
  Type.Object({
    id: Type.String(),
    slug: Type.String(),
    url: Type.String(),
    name: LocalizedSchema,
    what: LocalizedSchema,
    field: OneOf(FIELDS),
    stage: OneOf(STAGES),
    teamSize: Type.Integer(),
    foundersAgeBand: OneOf(AGE_BANDS),
    foundedYear: Nullable(Type.Integer()),
    website: Nullable(Type.String()),
    contact: Type.Object({ name: Nullable(Type.String()), email: Type.String(), phone: Nullable(Type.String()) }),
    references: Nullable(Type.String()),
    example: Type.Boolean({ description: 'Example (demo) data' }),
    bodyMember: Type.Boolean({ description: 'A member of the Youth Startup Consultative Body' }),
    solutions: Type.Array(
      Type.Object({
        id: Type.String(),
        title: LocalizedSchema,
        description: LocalizedSchema,
        image: Nullable(Type.String()),
        imageAlt: Nullable(Type.String()),
      }),
    ),
    booklet: Type.Object(
      {
        team: Nullable(Type.String()),
        traction: Nullable(Type.String()),
        ask: Nullable(Type.String()),
        contactName: Nullable(Type.String({ description: 'The contact, in roman letters' })),
      },
      { description: 'What the English booklet prints (English only; a missing field keeps the startup out of the booklet)' },
    ),
  }),
);
export const StartupList = Type.Object({ items: Type.Array(StartupSchema) });
export const StartupQuery = Type.Object({ field: Type.Optional(OneOf(FIELDS)) });
export const ProfileBody = Body({
  nameKo: Opt(Str(120)),
  nameEn: Opt(Str(120)),
  whatKo: Opt(Str(2000)),
  whatEn: Opt(Str(2000)),
  field: Str(40, FIELDS.join(', ')),
  stage: Str(40, STAGES.join(', ')),
  teamSize: Type.Integer({ minimum: 0, maximum: 100000 }),
  foundersAgeBand: Str(20, `${AGE_BANDS.join(', ')} (eldest founder)`),
  foundedYear: Opt(Type.Integer()),
  website: Opt(Str(500)),
  contactName: Opt(Str(120)),
  contactEmail: Str(254),
  contactPhone: Opt(Str(40)),
  references: Opt(Str(3000)),
  teamEn: Opt(Str(600)),
  tractionEn: Opt(Str(600)),
  askEn: Opt(Str(600)),
  contactNameEn: Opt(Str(120, 'the contact in roman letters')),
});

const ApplicationView = Type.Object({
  id: Type.String(),
  startup: Type.Object({ slug: Type.String(), name: LocalizedSchema }),
  state: OneOf(APPLICATION_STATES),
  motivation: Nullable(Type.String({ description: 'Shown to the programme and to the startup itself' })),
  reason: Nullable(Type.String()),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});
export const CallSchema = component(
  'StartupCall',
  Type.Object({
    id: Type.String(),
    slug: Type.String(),
    kind: OneOf(CALL_KINDS),
    url: Type.String(),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    location: Nullable(Type.String()),
    link: Nullable(Type.String()),
    startsOn: Nullable(Type.String()),
    endsOn: Nullable(Type.String()),
    opensOn: Type.String(),
    applyBy: Type.String({ description: 'Last day to apply (Seoul date, inclusive)' }),
    open: Type.Boolean(),
    eligibility: LocalizedSchema,
    covers: LocalizedSchema,
    how: LocalizedSchema,
    membersOnly: Type.Boolean(),
    maxAgeBand: Nullable(OneOf(AGE_BANDS)),
    seats: Nullable(Type.Integer()),
    resultsPublishedAt: Nullable(Type.String()),
    example: Type.Boolean(),
    applicationCount: Type.Integer(),
    fields: Type.Array(OneOf(FIELDS), { description: 'The fields it is for; empty: any field' }),
    applications: Type.Array(ApplicationView),
  }),
);
export const OpportunityQuery = Type.Object({
  kind: Type.Optional(OneOf(OPPORTUNITY_KINDS)),
  field: Type.Optional(OneOf(FIELDS, 'Only those for this field (or for any field)')),
  ageBand: Type.Optional(OneOf(AGE_BANDS, 'Only those a startup whose eldest founder is in this band may apply to')),
  open: Type.Optional(Type.Boolean({ description: 'Only those open for applications today' })),
});
export const CallList = Type.Object({ items: Type.Array(CallSchema) });
export const CallBody = (kinds: readonly string[]) =>
  Body({
    kind: Type.Optional(Str(20, kinds.join(', '))),
    slug: Type.Optional(Str(80)),
    titleKo: Str(300),
    titleEn: Str(300),
    summaryKo: Str(4000),
    summaryEn: Str(4000),
    location: Opt(Str(200)),
    url: Opt(Str(500)),
    startsOn: Opt(Ymd()),
    endsOn: Opt(Ymd()),
    opensOn: Ymd(),
    applyBy: Ymd('Last day to apply, YYYY-MM-DD'),
    eligibilityKo: Str(4000),
    eligibilityEn: Str(4000),
    coversKo: Opt(Str(3000)),
    coversEn: Opt(Str(3000)),
    howKo: Opt(Str(3000)),
    howEn: Opt(Str(3000)),
    membersOnly: Type.Optional(Type.Boolean()),
    maxAgeBand: Opt(Str(20, AGE_BANDS.join(', '))),
    seats: Opt(Type.Integer({ minimum: 0, maximum: 100000 })),
    fields: Type.Optional(Type.Array(Str(40), { maxItems: 10, description: `${FIELDS.join(', ')}; none: any field` })),
  });
export const OpportunityKinds = OPPORTUNITY_KINDS;
export const ApplyBody = Body({ startup: Str(100, 'Startup slug'), motivation: Str(5000) });
export const ApplicationSchema = Type.Object({
  id: Type.String(),
  callId: Type.String(),
  startupId: Type.String(),
  state: OneOf(APPLICATION_STATES),
  reason: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const DecisionBody = Body({ decision: Str(20, 'selected, not_selected'), reason: Str(4000) });

export const BodySchema = Type.Object({
  members: Type.Array(Type.Object({ slug: Type.String(), url: Type.String(), name: LocalizedSchema, field: Type.String(), since: Nullable(Type.String()) })),
  council: Type.Array(
    Type.Object({ id: Type.String(), name: LocalizedSchema, field: Type.String(), website: Nullable(Type.String()), example: Type.Boolean() }),
  ),
  meetings: Type.Array(Type.Object({ id: Type.String(), heldOn: Type.String(), title: LocalizedSchema, minutes: LocalizedSchema })),
  calls: Type.Array(CallSchema),
});
export const MeetingBody = Body({ heldOn: Ymd(), titleKo: Str(300), titleEn: Str(300), minutesKo: Str(25000), minutesEn: Opt(Str(25000)) });
export const MeetingSchema = Type.Object({ id: Type.String(), heldOn: Type.String(), title: LocalizedSchema, minutes: LocalizedSchema });

const DiffSchema = Nullable(
  component(
    'WordDiff',
    Type.Object(
      {
        parts: Type.Array(Type.Object({ op: Type.Union([Type.Literal('same'), Type.Literal('added'), Type.Literal('removed')]), text: Type.String() })),
        added: Type.Integer({ description: 'Words added' }),
        removed: Type.Integer({ description: 'Words removed' }),
      },
      { description: 'Word diff of the text against the version before; null when either text is missing' },
    ),
  ),
);
const Version = component(
  'RuleVersion',
  Type.Object(
    {
      version: Type.Integer(),
      effectiveOn: Type.String(),
      dateKind: OneOf(RULE_DATE_KINDS, 'effective: in force from this day; promulgated: promulgated this day (the source gives no effective day)'),
      textChanges: Nullable(
        Type.Object({ ko: DiffSchema, en: DiffSchema }, { description: 'What changed in the text since the version before; null for the first version' }),
      ),
      textKind: OneOf(TEXT_KINDS, 'summary: a summary written by the city, not the official text'),
      text: LocalizedSchema,
      change: LocalizedSchema,
    },
    { description: 'One version of a rule: its text, the day it took effect and what changed' },
  ),
);
const Org = Type.Object({ slug: Type.String(), name: LocalizedSchema });
const RuleFields = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  url: Type.String(),
  title: LocalizedSchema,
  kind: Type.String(),
  department: Org,
  source: Type.Object({ name: Type.String(), url: Type.String() }),
  tags: Type.Array(Type.String()),
  updatedAt: Type.String(),
  current: Nullable(Version),
  versions: Type.Array(Version),
});
export const RuleSchema = component('Rule', RuleFields);
export const RuleList = Type.Object({ total: Type.Integer(), items: Type.Array(RuleSchema) });
export const RuleQuery = Type.Object({
  q: Type.Optional(Str(200)),
  tag: Type.Optional(OneOf(FIELDS)),
  kind: Type.Optional(OneOf(RULE_KINDS, 'act: national act; ordinance: Seoul ordinance; …')),
});
const VersionProps = {
  effectiveOn: Ymd(),
  dateKind: Type.Optional(Str(20, `${RULE_DATE_KINDS.join(', ')} (default effective)`)),
  textKind: Str(20, TEXT_KINDS.join(', ')),
  textKo: Str(25000),
  textEn: Opt(Str(25000)),
  changeKo: Opt(Str(3000)),
  changeEn: Opt(Str(3000)),
};
export const RuleBody = Body({
  slug: Type.Optional(Str(80)),
  titleKo: Str(300),
  titleEn: Str(300),
  kind: Str(20, RULE_KINDS.join(', ')),
  department: Str(100, 'Department slug or id'),
  sourceName: Str(200),
  sourceUrl: Str(500),
  tags: Type.Array(Str(40), { maxItems: 10, description: FIELDS.join(', ') }),
  ...VersionProps,
});
export const VersionBody = Body(VersionProps);

export const FeedbackSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  kind: OneOf(FEEDBACK_KINDS),
  title: Type.String(),
  body: Type.String(),
  proposal: Nullable(Type.String()),
  createdAt: Type.String(),
  startup: Type.Object({ slug: Type.String(), name: LocalizedSchema }),
  endorsements: Type.Integer(),
  decision: Nullable(OneOf(FEEDBACK_DECISIONS)),
  reviewBy: Nullable(Type.String({ description: 'Decision date when under review' })),
  decidedAt: Nullable(Type.String()),
  answer: component(
    'FeedbackAnswer',
    Type.Object(
      {
        itemId: Nullable(Type.String({ description: 'GET /api/v1/accountability/items/{itemId}' })),
        state: Nullable(Type.String()),
        receivedOn: Nullable(Type.String()),
        dueOn: Nullable(Type.String()),
        overdue: Type.Boolean(),
        answeredOn: Nullable(Type.String()),
        answeredOnTime: Nullable(Type.Boolean()),
        escalationLevel: Type.Integer(),
        answers: Type.Array(Type.Object({ decision: Type.String(), reasons: Type.String(), nextSteps: Type.String(), publishedAt: Nullable(Type.String()) })),
      },
      { description: "The city's answer to a piece of feedback, tracked as an accountability item: due date, on-time flag, answers" },
    ),
  ),
});
const FeedbackRef = component('Feedback', FeedbackSchema);
export const RuleDetail = component('RuleDetail', Type.Composite([RuleFields, Type.Object({ feedback: Type.Array(FeedbackRef) })]));
export const FeedbackDetail = component(
  'FeedbackDetail',
  Type.Composite([FeedbackSchema, Type.Object({ rule: Type.Object({ slug: Type.String(), url: Type.String(), title: LocalizedSchema, department: Org }) })]),
);
export const FeedbackBody = Body({
  startup: Str(100, 'Startup slug'),
  kind: Str(20, FEEDBACK_KINDS.join(', ')),
  title: Str(300),
  body: Str(7000),
  proposal: Opt(Str(5000)),
});
export const AnswerBody = Body({
  decision: Str(20, FEEDBACK_DECISIONS.join(', ')),
  reviewBy: Opt(Ymd('Required when under_review')),
  reasons: Str(6000),
  nextSteps: Opt(Str(4000)),
});
export const EndorseSchema = Type.Object({ feedbackId: Type.String(), endorsements: Type.Integer() });

export const DepartmentSchema = Type.Object({
  department: Org,
  scorecard: Nullable(
    Type.Object({
      key: Type.String(),
      name: LocalizedSchema,
      received: Type.Integer(),
      answered: Type.Integer(),
      answeredOnTime: Type.Integer(),
      medianDays: Nullable(Type.Number()),
      overdueNow: Type.Integer(),
      disputes: Type.Integer(),
    }),
  ),
  startups: Type.Object({ received: Type.Integer(), answered: Type.Integer(), answeredOnTime: Type.Integer(), overdueNow: Type.Integer() }),
  feedback: Type.Array(FeedbackRef),
});
export const BookletQuery = Type.Object({ startups: Str(2000, 'Comma-separated startup slugs') });
export type AppState = 'submitted' | 'selected' | 'not_selected';
