import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { Body, errorResponses, LocalizedSchema } from '../../../core/http/schemas.js';
import { publicKind, updateKindRule } from '../use-cases/update-kind-rule.js';
import { listAnswerableKinds } from '../use-cases/list-kinds.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { buildScorecard } from '../use-cases/build-scorecard.js';
import { describeItem } from '../use-cases/describe-item.js';
import { listDepartmentOverdue } from '../use-cases/list-overdue.js';
import { addExtraHoliday, describeHolidays, loadExtraHolidays, removeExtraHoliday } from '../use-cases/manage-holidays.js';

const tags = ['accountability'];
const Line = Type.Object({
  key: Type.String(),
  name: LocalizedSchema,
  received: Type.Integer(),
  answered: Type.Integer(),
  answeredOnTime: Type.Integer(),
  medianDays: Type.Union([Type.Number(), Type.Null()]),
  overdueNow: Type.Integer(),
  disputes: Type.Integer(),
});
const Item = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  url: Type.String(),
  state: Type.String(),
  escalationLevel: Type.Integer(),
  receivedOn: Type.String(),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  clock: Type.Union([Type.String(), Type.Null()]),
  businessDaysLate: Type.Union([Type.Integer(), Type.Null()]),
  extensionDays: Type.Integer(),
  extensionReason: Type.Union([Type.String(), Type.Null()]),
  answeredOnTime: Type.Union([Type.Boolean(), Type.Null()]),
  answers: Type.Array(
    Type.Object({
      decision: Type.String(),
      reasons: Type.String(),
      nextSteps: Type.String(),
      publishedAt: Type.Union([Type.String(), Type.Null()]),
      level: Type.Integer(),
    }),
  ),
  pauses: Type.Array(Type.Object({ stage: Type.Integer(), from: Type.String(), to: Type.Union([Type.String(), Type.Null()]), reason: Type.String() })),
  stages: Type.Array(
    Type.Object({
      level: Type.Integer(),
      openedOn: Type.String(),
      dueOn: Type.Union([Type.String(), Type.Null()]),
      answeredOn: Type.Union([Type.String(), Type.Null()]),
      onTime: Type.Union([Type.Boolean(), Type.Null()]),
      businessDaysToAnswer: Type.Union([Type.Integer(), Type.Null()]),
      businessDaysLate: Type.Integer(),
      extension: Type.Union([Type.Object({ days: Type.Integer(), reason: Type.String(), on: Type.String() }), Type.Null()]),
      outcome: Type.Union([Type.Object({ kind: Type.String(), on: Type.String(), reason: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
    }),
    { description: 'Each stage of the answer (the first, then one per escalation), computed from the append-only history; an earlier stage never changes.' },
  ),
  history: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      stage: Type.Integer(),
      type: Type.String(),
      on: Type.String(),
      days: Type.Union([Type.Integer(), Type.Null()]),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

const Kind = Type.Object({
  id: Type.String(),
  context: Type.String(),
  name: LocalizedSchema,
  unit: Type.String(),
  days: Type.Integer(),
  maxExtensionDays: Type.Integer(),
  veryOverdueAfterDays: Type.Integer(),
  remindDaysBefore: Type.Integer(),
});
const KindRuleBody = Body({
  unit: Type.Optional(Type.Unsafe<'business_days' | 'calendar_days'>({ type: 'string', enum: ['business_days', 'calendar_days'] })),
  days: Type.Optional(Type.Integer()),
  maxExtensionDays: Type.Optional(Type.Integer()),
  veryOverdueAfterDays: Type.Optional(Type.Integer()),
  remindDaysBefore: Type.Optional(Type.Integer()),
});

const HolidayList = Type.Object({
  year: Type.Integer(),
  tables: Type.Object(
    { first: Type.Integer(), last: Type.Integer() },
    { description: 'The years the published tables cover; other years are computed from the rules.' },
  ),
  lunarKnown: Type.Boolean(),
  notes: Type.Array(LocalizedSchema),
  holidays: Type.Array(
    Type.Object({
      date: Type.String(),
      name: LocalizedSchema,
      source: Type.Unsafe<'table' | 'rules' | 'admin'>({
        type: 'string',
        enum: ['table', 'rules', 'admin'],
        description: 'table: the published tables; rules: computed from the statutory rules; admin: added by an admin',
      }),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
const ExtraHoliday = Type.Object({ date: Type.String(), nameKo: Type.String(), nameEn: Type.String(), reason: Type.String() });

export function registerAccountabilityApi(app: App, services: Services) {
  app.addHook('onReady', async () => loadExtraHolidays(services.db));

  app.get(
    '/api/v1/accountability/holidays',
    {
      schema: {
        tags,
        summary: 'The Korean public holidays of a year that due dates skip, each with its source',
        querystring: Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2200 }) }),
        response: { 200: HolidayList, ...errorResponses(400) },
      },
    },
    async (request) => describeHolidays(request.query.year),
  );

  app.post(
    '/api/v1/accountability/holidays',
    {
      schema: {
        tags,
        security: [{ apiKey: [] }],
        summary: 'Add a day off that neither the tables nor the rules know (admin)',
        body: Body({
          date: Type.String({ maxLength: 10 }),
          nameKo: Type.String({ maxLength: 100 }),
          nameEn: Type.String({ maxLength: 100 }),
          reason: Type.String({ maxLength: 1000 }),
        }),
        response: { 201: ExtraHoliday, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await addExtraHoliday(services, request.actor, request.body);
      return reply.code(201).send({ date: row.on_date, nameKo: row.name_ko, nameEn: row.name_en, reason: row.reason });
    },
  );

  app.delete(
    '/api/v1/accountability/holidays/:date',
    {
      schema: {
        tags,
        security: [{ apiKey: [] }],
        summary: 'Remove an admin-added day, saying why (admin)',
        params: Type.Object({ date: Type.String({ maxLength: 10 }) }),
        body: Body({ reason: Type.String({ maxLength: 1000 }) }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      await removeExtraHoliday(services, request.actor, { date: request.params.date, reason: request.body.reason });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/accountability/kinds',
    {
      schema: { tags, summary: 'Kinds of input an authority must answer, with their response rules', response: { 200: Type.Array(Kind) } },
    },
    async () => listAnswerableKinds(services.db),
  );

  app.patch(
    '/api/v1/accountability/kinds/:id',
    {
      schema: {
        tags,
        security: [{ apiKey: [] }],
        summary: 'Change the response rule of a kind (admin)',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        body: KindRuleBody,
        response: { 200: Kind, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      return publicKind(await updateKindRule(services, request.actor, request.params.id, request.body));
    },
  );

  app.get(
    '/api/v1/accountability/scorecard',
    {
      schema: {
        tags,
        summary: 'Responsiveness per department and per kind of input',
        response: { 200: Type.Object({ today: Type.String(), byDepartment: Type.Array(Line), byKind: Type.Array(Line) }) },
      },
    },
    async () => buildScorecard(services.db, kstDate(services.now())),
  );

  app.get(
    '/api/v1/accountability/departments/:slug/overdue',
    {
      schema: {
        tags,
        summary: "A department's overdue inputs, most overdue first, and whether anyone there can answer",
        params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
        response: {
          200: Type.Object({
            organisation: Type.Object({ id: Type.String(), slug: Type.String(), name: LocalizedSchema }),
            today: Type.String(),
            hasResponder: Type.Boolean(),
            overdue: Type.Array(
              Type.Object({
                id: Type.String(),
                title: Type.String(),
                url: Type.String(),
                kind: Type.String(),
                level: Type.Integer(),
                dueOn: Type.String(),
                businessDaysLate: Type.Integer(),
                veryOverdue: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => listDepartmentOverdue(services.db, request.params.slug, kstDate(services.now())),
  );

  app.get(
    '/api/v1/accountability/items/:id',
    {
      schema: {
        tags,
        summary: 'One public input: its clock, answers and pauses',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: Item, ...errorResponses(404) },
      },
    },
    async (request) => {
      const v = await describeItem(services.db, request.params.id, kstDate(services.now()));
      return {
        id: v.item.id,
        kind: v.item.kind_id,
        title: v.item.title,
        url: v.item.url,
        state: v.item.state,
        escalationLevel: v.item.escalation_level,
        receivedOn: v.figures.stages[0]?.openedOn ?? v.item.received_on,
        dueOn: v.clock && v.clock.kind !== 'paused' ? v.clock.dueOn : null,
        clock: v.clock?.kind ?? null,
        businessDaysLate: v.clock?.kind === 'overdue' ? v.clock.businessDaysLate : null,
        extensionDays: v.item.extension_days,
        extensionReason: v.item.extension_reason,
        answeredOnTime: v.figures.answeredOnTime,
        answers: v.answers.map((a) => ({
          decision: a.decision,
          reasons: a.reasons,
          nextSteps: a.next_steps,
          publishedAt: a.published_at,
          level: a.escalation_level,
        })),
        pauses: v.stages.flatMap((st) => st.pauses.map((p) => ({ stage: st.level, from: p.from, to: p.to, reason: p.reason }))),
        stages: v.figures.stages.map((f, i) => ({
          level: f.level,
          openedOn: f.openedOn,
          dueOn: f.dueOn,
          answeredOn: f.answeredOn,
          onTime: f.onTime,
          businessDaysToAnswer: f.businessDaysToAnswer,
          businessDaysLate: f.businessDaysLate,
          extension: v.stages[i]!.extension,
          outcome: f.outcome,
        })),
        history: v.events
          .filter((e) => e.type !== 'assigned')
          .map((e) => ({ seq: e.seq, stage: e.stage, type: e.type, on: e.on_date, days: e.days, reason: e.reason })),
      };
    },
  );
}
