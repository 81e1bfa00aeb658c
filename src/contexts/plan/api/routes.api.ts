import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { toCsv } from '../../../core/csv.js';
import { AppError } from '../../../core/errors.js';
import { component, errorResponses, LocalizedSchema, textBody } from '../../../core/http/schemas.js';
import { ATOM_TYPE, atomFeed } from '../../../web/atom.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { describePlan, type PlanModel } from '../use-cases/describe-plan.js';

const tags = ['plan'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Update = Type.Object({
  id: Type.String(),
  reportedOn: Type.String(),
  text: Type.String(),
  completion: Type.Integer(),
  status: Type.String(),
  author: Type.String(),
  evidence: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
});
const Translated = Type.Array(Type.String(), { description: "Fields (titleKo, outlineKo…) whose text is Open Seoul's translation, not the city's own words" });
const Milestone = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  title: LocalizedSchema,
  activities: LocalizedSchema,
  newOrOngoing: Type.String(),
  start: Nullable(Type.String()),
  end: Nullable(Type.String()),
  status: Type.String(),
  completion: Type.Integer(),
  weight: Type.Integer({ description: "The milestone's share in the commitment's progress figure (0–100; set by officials)" }),
  late: Type.Boolean(),
  translated: Translated,
  updates: Type.Array(Update),
});
const Assessment = Type.Object({
  verifiable: Nullable(Type.String()),
  relevance: Type.Array(Type.String()),
  potentialImpact: Nullable(Type.String()),
  completion: Nullable(Type.String()),
  openedGovernment: Nullable(Type.String()),
  note: Nullable(Type.String()),
  assessedAt: Nullable(Type.String()),
  ambition: Type.Optional(Nullable(Type.String())),
  reportStatus: Type.Optional(Nullable(Type.String())),
  source: Type.Optional(
    Type.Object({
      kind: Type.String({ description: 'reviewer: recorded here by a reviewer; ogp_page: copied from the OGP commitment page' }),
      ref: Nullable(Type.String()),
    }),
  ),
});
const Commitment = component(
  'Commitment',
  Type.Object(
    {
      id: Type.String(),
      number: Type.Integer(),
      slug: Type.String(),
      title: LocalizedSchema,
      outline: LocalizedSchema,
      objectives: LocalizedSchema,
      statusQuo: LocalizedSchema,
      description: LocalizedSchema,
      responsible: Type.Object({
        department: Nullable(Type.String({ description: 'The department as the plan names it (English)' })),
        contactName: Nullable(Type.String()),
        phone: Nullable(Type.String()),
        email: Nullable(Type.String()),
        organisation: Nullable(Type.Object({ slug: Type.String(), name: LocalizedSchema, translated: Translated })),
      }),
      translated: Translated,
      otherActors: Type.Object({ government: Type.Array(Type.String()), civilSociety: Type.Array(Type.String()) }),
      ogpValues: Type.Array(Type.String()),
      policyAreas: Type.Array(Type.String()),
      progress: Type.Integer(),
      completion: Type.String(),
      assessment: Assessment,
      assessments: Type.Array(Type.Intersect([Assessment, Type.Object({ recordedAt: Type.String() })]), {
        description: 'Every IRM assessment ever recorded, newest first; a new one never replaces an old one.',
      }),
      milestones: Type.Array(Milestone),
    },
    { description: 'A commitment of the action plan, its milestones and every IRM assessment recorded' },
  ),
);

/** One row per milestone: the plan as a spreadsheet (UTF-8 with BOM, so Excel reads the Korean). */
export function planToCsv(plan: PlanModel): string {
  const header = [
    'commitment',
    'commitment_title_ko',
    'commitment_title_en',
    'department',
    'milestone',
    'milestone_title_ko',
    'milestone_title_en',
    'start',
    'end',
    'status',
    'completion',
    'late',
    'last_update',
  ];
  const rows = plan.flatMap((c) =>
    c.milestones.map((m) => [
      c.number,
      c.title.ko,
      c.title.en,
      c.responsible.department,
      m.number,
      m.title.ko,
      m.title.en,
      m.start,
      m.end,
      m.status,
      m.completion,
      m.late,
      m.updates[0]?.reportedOn ?? '',
    ]),
  );
  return toCsv(header, rows);
}

export function registerPlanApi(app: App, services: Services) {
  const today = () => kstDate(services.now());

  app.get(
    '/api/v1/plan/commitments',
    {
      schema: { tags, summary: 'The commitments of the action plan, with milestones and progress', response: { 200: Type.Array(Commitment) } },
    },
    async () => describePlan(services.db, today()),
  );

  app.get(
    '/api/v1/plan/commitments/:id',
    {
      schema: {
        tags,
        summary: 'One commitment by id, slug or number',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: Commitment, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const [found] = await describePlan(services.db, today(), (c) => c.id === id || c.slug === id || String(c.number) === id);
      if (!found) throw new AppError('commitment.not_found', `No commitment ${id}`, 404);
      return found;
    },
  );

  app.get(
    '/api/v1/plan/export.json',
    {
      schema: {
        tags,
        summary: 'The whole plan as one JSON document',
        response: { 200: Type.Object({ generatedAt: Type.String(), commitments: Type.Array(Commitment) }) },
      },
    },
    async (_request, reply) => {
      reply.header('content-disposition', 'attachment; filename="seoul-ogp-plan.json"');
      return { generatedAt: new Date().toISOString(), commitments: await describePlan(services.db, today()) };
    },
  );

  app.get(
    '/api/v1/plan/export.csv',
    {
      schema: {
        tags,
        summary: 'The plan as CSV, one row per milestone',
        response: { 200: textBody('text/csv', 'CSV with a header row, one row per milestone') },
      },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="seoul-ogp-plan.csv"')
        .send(planToCsv(await describePlan(services.db, today()))),
  );

  app.get('/plan/progress.atom', { schema: { hide: true } }, async (_request, reply) => {
    const plan = await describePlan(services.db, today());
    const updates = plan
      .flatMap((c) => c.milestones.flatMap((m) => m.updates.map((u) => ({ c, m, u }))))
      .sort((a, b) => b.u.reportedOn.localeCompare(a.u.reportedOn))
      .slice(0, 50);
    const base = services.config.publicUrl;
    return reply.type(ATOM_TYPE).send(
      atomFeed({
        id: `${base}/plan/progress.atom`,
        title: 'Open Seoul: action plan progress',
        self: `${base}/plan/progress.atom`,
        alternate: `${base}/plan`,
        lang: 'en',
        updated: updates[0] ? `${updates[0].u.reportedOn}T00:00:00+09:00` : services.now(),
        entries: updates.map(({ c, m, u }) => ({
          id: `${base}/plan/progress/${u.id}`,
          title: `${c.number}-${m.number} ${m.title.en ?? m.title.ko ?? ''}: ${u.status} ${u.completion}%`,
          updated: `${u.reportedOn}T00:00:00+09:00`,
          link: `${base}/plan/milestones/${m.id}`,
          author: u.author,
          text: u.text,
        })),
      }),
    );
  });
}
