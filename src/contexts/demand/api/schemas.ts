import { Type, type TSchema } from '@sinclair/typebox';
import { Body, component, LocalizedSchema, Page, PagingQuery } from '../../../core/http/schemas.js';
import { CRITERIA } from '../domain/priority.js';
import { PUBLIC_STATES } from '../domain/public-state.js';
import { DECISIONS, DECLINE_REASONS, SUPPORTER_GROUPS, USE_TYPES } from '../domain/vocabularies.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A string from a fixed list (an `enum` in the OpenAPI document). */
const OneOf = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const OrganisationRef = Type.Object({ id: Type.String(), slug: Type.String(), name: LocalizedSchema });
const Tally = Type.Array(Type.Object({ id: Type.String(), count: Type.Integer() }));
const Part = Type.Object({
  criterion: OneOf(CRITERIA),
  weight: Type.Integer(),
  value: Nullable(Type.Number()),
  share: Type.Number({ description: '0–1' }),
  points: Type.Number({ description: 'Contribution to the 0–100 score' }),
});

export const DataRequestSchema = component(
  'DataRequest',
  Type.Object({
    id: Type.String(),
    url: Type.String(),
    title: Type.String(),
    why: Type.String(),
    useType: OneOf(USE_TYPES),
    useDescription: Type.String(),
    requester: Type.Object({ displayName: Type.String() }),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    suggestedOrganisation: Nullable(OrganisationRef),
    department: OrganisationRef,
    state: OneOf(
      PUBLIC_STATES,
      'open and late: the answer is owed (within or past its due date); answered; published (its publisher linked a dataset, with a reason); disputed (the requester disputes that link); declined',
    ),
    answer: Type.Object({
      itemId: Nullable(Type.String({ description: 'The accountability item: GET /api/v1/accountability/items/{itemId}' })),
      itemState: Nullable(Type.String()),
      dueOn: Nullable(Type.String()),
      overdue: Type.Boolean(),
      answeredOn: Nullable(Type.String()),
      answeredOnTime: Nullable(Type.Boolean()),
    }),
    decision: Nullable(
      Type.Object({
        type: OneOf(DECISIONS),
        publishBy: Nullable(Type.String()),
        partialWhat: Nullable(Type.String()),
        declineReason: Nullable(OneOf(DECLINE_REASONS)),
        declineText: Nullable(Type.String()),
        decidedAt: Nullable(Type.String()),
      }),
    ),
    publicationOverdue: Type.Boolean({ description: 'A "will publish by" date passed without a dataset' }),
    dataset: Nullable(
      Type.Object({
        id: Type.String(),
        title: LocalizedSchema,
        url: Type.String(),
        reason: Nullable(Type.String({ description: "Why the dataset answers the request, in its publisher's words" })),
      }),
    ),
    publishedAt: Nullable(Type.String()),
    dispute: Nullable(
      Type.Object(
        { at: Type.String(), reason: Type.String() },
        { description: 'The requester disputes the link: the request is then `disputed`, not `published`' },
      ),
    ),
    support: Type.Object({ supporters: Type.Integer(), distinctDistricts: Type.Integer(), distinctGroups: Type.Integer(), districts: Tally, groups: Tally }),
    priority: Type.Object({
      score: Type.Number(),
      feasibility: Nullable(Type.Integer()),
      reuse: Nullable(Type.Integer()),
      assessedAt: Nullable(Type.String()),
      parts: Type.Array(Part),
    }),
  }),
);

export const RequestListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  state: Type.Optional(OneOf(PUBLIC_STATES)),
  organisation: Type.Optional(Type.String({ maxLength: 100, description: 'Department id or slug' })),
  useType: Type.Optional(OneOf(USE_TYPES)),
  sort: Type.Optional(OneOf(['newest', 'supported', 'priority'])),
  ...PagingQuery,
});
/** A page of requests: the shared Pagination component (total, limit, offset), the items, and the sort applied. */
export const RequestPage = Page(DataRequestSchema, { sort: OneOf(['newest', 'supported', 'priority']) });

export const CreateRequestBody = Body({
  title: Type.String({ maxLength: 300 }),
  why: Type.String({ maxLength: 6000 }),
  organisation: Type.Optional(
    Nullable(Type.String({ maxLength: 100, description: 'Organisation id or slug of the likely holder; null or "unknown" when not known' })),
  ),
  useType: Type.String({ maxLength: 40, description: USE_TYPES.join(', ') }),
  useDescription: Type.String({ maxLength: 4000 }),
});
export const SupportBody = Body({
  district: Type.String({ maxLength: 40, description: 'A district id: GET /api/v1/demand/vocabularies' }),
  group: Type.String({ maxLength: 40, description: SUPPORTER_GROUPS.join(', ') }),
});
export const SupportSchema = Type.Object({ requestId: Type.String(), district: Type.String(), group: Type.String(), createdAt: Type.String() });
export const AnswerBody = Body({
  decision: Type.String({ maxLength: 40, description: DECISIONS.join(', ') }),
  publishBy: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD; required for will_publish' })),
  partialWhat: Type.Optional(Type.String({ maxLength: 1200 })),
  declineReason: Type.Optional(Type.String({ maxLength: 40, description: DECLINE_REASONS.join(', ') })),
  declineText: Type.Optional(Type.String({ maxLength: 1200, description: 'Required when declineReason is other' })),
  reasons: Type.String({ maxLength: 6000 }),
  nextSteps: Type.Optional(Type.String({ maxLength: 4000 })),
});
export const LinkDatasetBody = Body({
  datasetId: Type.String({ maxLength: 100, description: 'A dataset id of the catalogue (/api/v1/data/datasets/{id}); only its publisher may link it' }),
  reason: Type.String({ maxLength: 2000, description: 'Why this dataset answers the request (10 characters or more; public)' }),
});
export const DisputeBody = Body({
  reason: Type.String({ maxLength: 2000, description: 'Why the linked dataset does not answer the request (10 characters or more; public)' }),
});
export const AssessmentBody = Body({ feasibility: Type.Integer({ minimum: 0, maximum: 3 }), reuse: Type.Integer({ minimum: 0, maximum: 3 }) });
export const DepartmentBody = Body({
  organisation: Type.String({ maxLength: 100, description: 'Department id or slug (city department or transit operator)' }),
});

export const RubricSchema = component(
  'Rubric',
  Type.Object(
    {
      weights: Type.Object(
        Object.fromEntries(CRITERIA.map((c) => [c, Type.Integer({ minimum: 0, maximum: 10 })])) as Record<
          (typeof CRITERIA)[number],
          ReturnType<typeof Type.Integer>
        >,
      ),
      updatedAt: Nullable(Type.String()),
      formula: Type.Object(Object.fromEntries(CRITERIA.map((c) => [c, Type.String()])) as Record<(typeof CRITERIA)[number], ReturnType<typeof Type.String>>),
    },
    { description: 'The published priority rubric for data requests: the weight of each criterion and how it is scored' },
  ),
);
export const RubricBody = Body(
  Object.fromEntries(CRITERIA.map((c) => [c, Type.Integer({ minimum: 0, maximum: 10 })])) as Record<(typeof CRITERIA)[number], ReturnType<typeof Type.Integer>>,
);

export const SimilarQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 300 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
});
export const SimilarSchema = Type.Object({
  requests: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), url: Type.String(), state: OneOf(PUBLIC_STATES), supporters: Type.Integer() })),
  datasets: Type.Array(Type.Object({ id: Type.String(), title: LocalizedSchema, url: Type.String() })),
});

const Counts = {
  received: Type.Integer(),
  states: Type.Object(Object.fromEntries(PUBLIC_STATES.map((s) => [s, Type.Integer()]))),
  answeredOnTime: Type.Integer(),
  answeredLate: Type.Integer(),
  declinedBy: Type.Object(Object.fromEntries(DECLINE_REASONS.map((r) => [r, Type.Integer()]))),
  publicationOverdue: Type.Integer(),
};
export const DashboardSchema = Type.Object({
  today: Type.String(),
  ...Counts,
  byDepartment: Type.Array(Type.Object({ department: OrganisationRef, ...Counts })),
});

const Labelled = Type.Object({ id: Type.String(), ko: Type.String(), en: Type.String() });
export const VocabulariesSchema = Type.Object({
  districts: Type.Array(Type.Object({ id: Type.String(), code: Type.String({ description: '시군구 code' }), ko: Type.String(), en: Type.String() })),
  groups: Type.Array(Labelled),
  useTypes: Type.Array(Labelled),
  decisions: Type.Array(Labelled),
  declineReasons: Type.Array(Labelled),
});
export type RubricFormula = Record<(typeof CRITERIA)[number], string>;
