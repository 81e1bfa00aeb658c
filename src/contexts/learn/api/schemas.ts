import { Type, type TSchema } from '@sinclair/typebox';
import { Body, component, LocalizedSchema } from '../../../core/http/schemas.js';
import { APPLICATION_STATES, AUDIENCES, DECISIONS, LEVELS, PROGRAMME_KINDS, PROGRAMME_STATUSES, REGISTRATION_STATES } from '../domain/vocabularies.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const OneOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Both = Type.Object({ ko: Type.String(), en: Type.String() });

export const SessionSchema = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  title: LocalizedSchema,
  startsAt: Type.String(),
  endsAt: Type.String(),
});
export const ProgrammeSchema = component(
  'LearnProgramme',
  Type.Object({
    id: Type.String(),
    url: Type.String(),
    kind: OneOf(PROGRAMME_KINDS),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    audience: OneOf(AUDIENCES),
    level: OneOf(LEVELS),
    place: LocalizedSchema,
    online: Type.Boolean(),
    capacity: Type.Integer(),
    registered: Type.Integer(),
    waitlisted: Type.Integer(),
    seatsLeft: Type.Integer(),
    sessionsRequired: Type.Integer({ description: 'Sessions to attend for the certificate of completion' }),
    materials: Type.String({ description: 'Markdown' }),
    status: OneOf(PROGRAMME_STATUSES),
    example: Type.Boolean({ description: 'An example of the action plan (예시), not a real event' }),
    organisation: Type.Object({ id: Type.String(), slug: Type.String(), name: LocalizedSchema }),
    sessions: Type.Array(SessionSchema),
  }),
);
export const ProgrammeList = Type.Object({ items: Type.Array(ProgrammeSchema) });
export const ProgrammeQuery = Type.Object({
  kind: Type.Optional(OneOf(PROGRAMME_KINDS)),
  audience: Type.Optional(OneOf(AUDIENCES)),
  organisation: Type.Optional(Type.String({ maxLength: 100, description: 'Organisation id' })),
});
export const CreateProgrammeBody = Body({
  kind: Type.String({ maxLength: 40, description: PROGRAMME_KINDS.join(', ') }),
  titleKo: Type.String({ maxLength: 200 }),
  titleEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  summaryKo: Type.String({ maxLength: 4000 }),
  summaryEn: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  audience: Type.String({ maxLength: 40, description: AUDIENCES.join(', ') }),
  level: Type.String({ maxLength: 40, description: LEVELS.join(', ') }),
  placeKo: Type.String({ maxLength: 300, description: 'e.g. 서울시 빅데이터캠퍼스 교육장' }),
  placeEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  online: Type.Optional(Type.Boolean()),
  capacity: Type.Integer({ minimum: 1, maximum: 10000 }),
  sessionsRequired: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: every session' })),
  materials: Type.Optional(Type.String({ maxLength: 12000, description: 'Markdown' })),
  organisation: Type.String({ maxLength: 100, description: 'Id or slug of an organisation you are a member of' }),
  sessions: Type.Array(
    Type.Object(
      {
        titleKo: Type.Optional(Type.String({ maxLength: 200 })),
        titleEn: Type.Optional(Type.String({ maxLength: 200 })),
        startsAt: Type.String({ maxLength: 40, description: 'ISO 8601 instant, or YYYY-MM-DDTHH:mm in Seoul time' }),
        endsAt: Type.String({ maxLength: 40 }),
      },
      { additionalProperties: false },
    ),
    { minItems: 1, maxItems: 60 },
  ),
});
export const RegistrationSchema = Type.Object({
  programmeId: Type.String(),
  state: OneOf(REGISTRATION_STATES),
  place: Nullable(Type.Integer({ description: 'Place on the waitlist (1 = next)' })),
  message: Both,
});
export const AttendanceBody = Body({
  present: Type.Array(Type.String({ maxLength: 100 }), {
    maxItems: 10000,
    description: 'User ids of the registered people who came; everyone else is marked absent',
  }),
});
export const AttendanceResult = Type.Object({ sessionId: Type.String(), present: Type.Array(Type.String()), certificatesIssued: Type.Integer() });
export const CertificateSchema = Type.Object({
  id: Type.String(),
  valid: Type.Boolean(),
  holder: Type.String(),
  issuedAt: Type.String(),
  sessionsAttended: Type.Integer(),
  verifyUrl: Type.String(),
  pdfUrl: Type.String(),
  programme: Type.Object({
    id: Type.String(),
    url: Type.String(),
    kind: Type.String(),
    title: LocalizedSchema,
    organisation: Type.Object({ ko: Nullable(Type.String()), en: Nullable(Type.String()), slug: Type.String() }),
    firstDay: Nullable(Type.String()),
    lastDay: Nullable(Type.String()),
  }),
});
export const FeedbackBody = Body({
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  useful: Type.String({ maxLength: 3, description: 'yes or no' }),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const FeedbackSchema = Type.Object({ programmeId: Type.String(), rating: Type.Integer(), useful: Type.Boolean(), comment: Type.String() });
export const ApplicationBody = Body({ motivation: Type.String({ maxLength: 4000 }), projectIdea: Type.String({ maxLength: 4000 }) });
export const ApplicationSchema = Type.Object({ id: Type.String(), programmeId: Type.String(), state: OneOf(APPLICATION_STATES), createdAt: Type.String() });
export const DecisionBody = Body({
  decision: Type.String({ maxLength: 20, description: DECISIONS.join(', ') }),
  mentor: Type.Optional(Type.String({ maxLength: 200 })),
  projectTitle: Type.Optional(Type.String({ maxLength: 300 })),
});
export const DecisionSchema = Type.Object({
  id: Type.String(),
  state: OneOf(DECISIONS),
  mentor: Nullable(Type.String()),
  projectTitle: Nullable(Type.String()),
});
const Share = Nullable(Type.Number({ description: '0–1; null when nothing is counted yet' }));
export const DashboardSchema = Type.Object({
  programmeId: Type.String(),
  capacity: Type.Integer(),
  registrations: Type.Object({ registered: Type.Integer(), waitlisted: Type.Integer(), cancelled: Type.Integer(), promoted: Type.Integer() }),
  attendance: Type.Object({
    rate: Share,
    sessions: Type.Array(
      Type.Object({
        id: Type.String(),
        position: Type.Integer(),
        title: LocalizedSchema,
        startsAt: Type.String(),
        endsAt: Type.String(),
        marked: Type.Boolean(),
        present: Type.Integer(),
        absent: Type.Integer(),
      }),
    ),
  }),
  completion: Type.Object({ certificates: Type.Integer(), rate: Share }),
  feedback: Type.Object({
    responses: Type.Integer(),
    averageRating: Nullable(Type.Number()),
    usefulShare: Share,
    ratingCounts: Type.Array(Type.Integer()),
    comments: Type.Array(Type.Object({ rating: Type.Integer(), comment: Type.String(), at: Type.String() })),
  }),
  people: Type.Array(Type.Object({ userId: Type.String(), displayName: Type.String(), state: OneOf(REGISTRATION_STATES), certified: Type.Boolean() })),
  applications: Type.Array(
    Type.Object({
      id: Type.String(),
      displayName: Type.String(),
      state: OneOf(APPLICATION_STATES),
      motivation: Type.String(),
      projectIdea: Type.String(),
      mentor: Nullable(Type.String()),
      projectTitle: Nullable(Type.String()),
      createdAt: Type.String(),
    }),
  ),
});
export const LessonSummary = Type.Object({
  slug: Type.String(),
  url: Type.String(),
  position: Type.Integer(),
  level: Type.String(),
  title: Both,
  summary: Both,
  datasets: Type.Array(Type.String()),
  exercises: Type.Integer(),
});
export const LessonList = Type.Object({ items: Type.Array(LessonSummary) });
export const AnswerBody = Body({
  answer: Type.String({ maxLength: 20000, description: 'A number, a text, a choice id, or a SQL query, by the exercise kind' }),
});
export const AnswerSchema = Type.Object({
  lesson: Type.String(),
  exercise: Type.String(),
  correct: Type.Boolean(),
  reason: Nullable(Type.String({ description: 'not_a_number, off, columns, row_count, values, empty, sql_error' })),
  hint: Nullable(Both),
  sqlError: Nullable(Type.String()),
  solved: Type.Integer(),
  total: Type.Integer(),
  completed: Type.Boolean(),
});
export const ProgressSchema = Type.Object({
  lessons: Type.Array(Type.Object({ slug: Type.String(), solved: Type.Integer(), total: Type.Integer(), completedAt: Nullable(Type.String()) })),
  registrations: Type.Array(Type.Object({ programmeId: Type.String(), state: OneOf(REGISTRATION_STATES), title: LocalizedSchema })),
  certificates: Type.Array(Type.Object({ id: Type.String(), programmeId: Type.String(), url: Type.String(), issuedAt: Type.String() })),
  calendarUrl: Type.String({ description: 'Your personal iCalendar feed: a secret address, keep it to yourself' }),
});
export const SettingsBody = Body({
  status: Type.Optional(Type.String({ maxLength: 20, description: PROGRAMME_STATUSES.join(', ') })),
  capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'Not below the seats taken; more seats promote from the waitlist' })),
  materials: Type.Optional(Type.String({ maxLength: 12000, description: 'Markdown; replaces the materials' })),
});
export const SettingsSchema = Type.Object({
  programmeId: Type.String(),
  status: OneOf(PROGRAMME_STATUSES),
  capacity: Type.Integer(),
  promoted: Type.Integer({ description: 'People moved off the waitlist by the new capacity' }),
});
