import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { binaryBody, errorResponses } from '../../../core/http/schemas.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { addSolution } from '../use-cases/add-solution.js';
import { applyToCall } from '../use-cases/apply-to-call.js';
import { decideApplication } from '../use-cases/decide-application.js';
import { describeBody, describeCall, describeCalls, type CallFilter } from '../use-cases/describe-calls.js';
import { describeStartup, describeStartups, publicStartup } from '../use-cases/describe-startups.js';
import { makeBooklet } from '../use-cases/make-booklet.js';
import { openCall } from '../use-cases/open-call.js';
import { publishResults } from '../use-cases/publish-results.js';
import { recordMeeting } from '../use-cases/record-meeting.js';
import { registerStartup } from '../use-cases/register-startup.js';
import { removeSolution } from '../use-cases/remove-solution.js';
import { updateStartupProfile } from '../use-cases/update-startup-profile.js';
import { registerStartupsFeeds } from './feeds.api.js';
import { registerStartupsRulesApi } from './rules.api.js';
import * as S from './schemas.js';
import { readSolutionForm } from './upload.js';

const tags = ['startups'];
const security = [{ apiKey: [] }];
const E = errorResponses;

/** The JSON API of the startups context: startups, the body, opportunities, rules, feedback, departments, booklet. */
export function registerStartupsApi(app: App, services: Services) {
  const today = () => kstDate(services.now());
  const application = (a: { id: string; call_id: string; profile_id: string; state: S.AppState; decision_reason: string | null; created_at: string }) => ({
    id: a.id,
    callId: a.call_id,
    startupId: a.profile_id,
    state: a.state,
    reason: a.decision_reason,
    createdAt: a.created_at,
  });

  // Startups
  app.get(
    '/api/v1/startups',
    { schema: { tags, summary: 'Startup profiles (bilingual), by field', querystring: S.StartupQuery, response: { 200: S.StartupList, ...E(400) } } },
    async (request) => ({ items: (await describeStartups(services.db, { field: request.query.field as string | undefined })).map(publicStartup) }),
  );
  app.get(
    '/api/v1/startups/:slug',
    { schema: { tags, summary: 'One startup: profile, solutions, body membership', params: S.Slug, response: { 200: S.StartupSchema, ...E(404) } } },
    async (request) => publicStartup(await describeStartup(services.db, request.params.slug)),
  );
  app.post(
    '/api/v1/startups',
    {
      schema: {
        tags,
        security,
        summary: 'Register a startup: its organisation and profile (you become its admin)',
        body: S.ProfileBody,
        response: { 201: S.StartupSchema, ...E(400, 401, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await registerStartup(services, request.actor, request.body);
      return reply.status(201).send(publicStartup(await describeStartup(services.db, row.slug)));
    },
  );
  app.put(
    '/api/v1/startups/:slug',
    {
      schema: {
        tags,
        security,
        summary: "Change a startup's profile (its members)",
        params: S.Slug,
        body: S.ProfileBody,
        response: { 200: S.StartupSchema, ...E(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await updateStartupProfile(services, request.actor, { ...request.body, startup: request.params.slug });
      return publicStartup(await describeStartup(services.db, request.params.slug));
    },
  );
  app.post(
    '/api/v1/startups/:slug/solutions',
    {
      schema: {
        tags,
        security,
        summary:
          'Add a solution, with an optional image (multipart/form-data: titleKo, titleEn, descriptionKo, descriptionEn, imageAlt, image — PNG or JPEG up to 2 MB)',
        consumes: ['multipart/form-data'],
        params: S.Slug,
        response: { 201: S.StartupSchema, ...E(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const { fields, image } = await readSolutionForm(request.body);
      await addSolution(services, request.actor, { ...fields, image, startup: request.params.slug });
      return reply.status(201).send(publicStartup(await describeStartup(services.db, request.params.slug)));
    },
  );

  app.delete(
    '/api/v1/startups/:slug/solutions/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a solution and its image (its members)',
        params: Type.Object({ slug: Type.String({ maxLength: 100 }), id: Type.String({ maxLength: 100 }) }),
        response: { 200: S.StartupSchema, ...E(401, 403, 404) },
      },
    },
    async (request) => {
      requireUser(request);
      await removeSolution(services, request.actor, { startup: request.params.slug, solutionId: request.params.id });
      return publicStartup(await describeStartup(services.db, request.params.slug));
    },
  );

  // The consultative body and opportunities
  app.get(
    '/api/v1/startups/body',
    { schema: { tags, summary: 'The Youth Startup Consultative Body: members, calls, partner council, meetings', response: { 200: S.BodySchema } } },
    async (request) => ({ ...(await describeBody(services.db)), calls: await describeCalls(services.db, request.actor, 'body', today()) }),
  );
  app.post(
    '/api/v1/startups/body/meetings',
    {
      schema: {
        tags,
        security,
        summary: 'Record a meeting of the body with its minutes (programme officials)',
        body: S.MeetingBody,
        response: { 201: S.MeetingSchema, ...E(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const m = await recordMeeting(services, request.actor, request.body);
      return reply
        .status(201)
        .send({ id: m.id, heldOn: m.held_on, title: { ko: m.title_ko, en: m.title_en }, minutes: { ko: m.minutes_ko, en: m.minutes_en } });
    },
  );
  app.get(
    '/api/v1/startups/opportunities',
    {
      schema: {
        tags,
        summary:
          "Opportunities and support schemes (conferences, exhibitions, roadshows, incentives, programmes), filtered by kind, field and founders' age band",
        querystring: S.OpportunityQuery,
        response: { 200: S.CallList, ...E(400) },
      },
    },
    async (request) => ({ items: await describeCalls(services.db, request.actor, 'opportunity', today(), request.query as CallFilter) }),
  );
  for (const kind of ['body', 'opportunity'] as const) {
    const base = kind === 'body' ? '/api/v1/startups/calls' : '/api/v1/startups/opportunities';
    const what = kind === 'body' ? 'call for the consultative body' : 'opportunity';
    app.get(
      `${base}/:slug`,
      { schema: { tags, summary: `One ${what} with the applications you may see`, params: S.Slug, response: { 200: S.CallSchema, ...E(404) } } },
      async (request) => describeCall(services.db, request.actor, (request.params as { slug: string }).slug, kind, today()),
    );
    app.post(
      base,
      {
        schema: {
          tags,
          security,
          summary: `Open a ${what} (programme officials)`,
          body: S.CallBody(kind === 'body' ? ['body'] : S.OpportunityKinds),
          response: { 201: S.CallSchema, ...E(400, 401, 403, 422) },
        },
      },
      async (request, reply) => {
        requireUser(request);
        const body = request.body as Parameters<typeof openCall>[2];
        const call = await openCall(services, request.actor, {
          ...body,
          kind: kind === 'body' ? 'body' : body.kind === 'body' ? 'invalid' : (body.kind ?? ''),
        });
        return reply.status(201).send(await describeCall(services.db, request.actor, call.slug, kind, today()));
      },
    );
    app.post(
      `${base}/:slug/applications`,
      {
        schema: {
          tags,
          security,
          summary: `Apply to a ${what} for your startup (once, before the deadline, when eligible)`,
          params: S.Slug,
          body: S.ApplyBody,
          response: { 201: S.ApplicationSchema, ...E(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        requireUser(request);
        const row = await applyToCall(services, request.actor, {
          call: (request.params as { slug: string }).slug,
          kind,
          ...(request.body as { startup: string; motivation: string }),
        });
        return reply.status(201).send(application(row));
      },
    );
  }
  app.post(
    '/api/v1/startups/applications/:id/decision',
    {
      schema: {
        tags,
        security,
        summary: 'Select an application or not, with reasons (programme officials)',
        params: S.Id,
        body: S.DecisionBody,
        response: { 200: S.ApplicationSchema, ...E(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      return application(await decideApplication(services, request.actor, { applicationId: request.params.id, ...request.body }));
    },
  );
  app.post(
    '/api/v1/startups/opportunities/:slug/results',
    {
      schema: {
        tags,
        security,
        summary: 'Publish the results of an opportunity once every application is decided (programme officials)',
        params: S.Slug,
        response: { 200: S.CallSchema, ...E(401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      await publishResults(services, request.actor, { opportunity: request.params.slug });
      return describeCall(services.db, request.actor, request.params.slug, 'opportunity', today());
    },
  );

  registerStartupsRulesApi(app, services); // rules, feedback and departments, in this place in the route table

  app.get(
    '/api/v1/startups/booklet',
    {
      schema: {
        tags,
        summary: 'The English promotional booklet (PDF, A4) for the startups picked, in that order',
        querystring: S.BookletQuery,
        response: { 200: binaryBody('application/pdf', 'An A4 PDF') },
      },
    },
    async (request, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="seoul-youth-startups.pdf"')
        .send(await makeBooklet(services, request.query)),
  );

  registerStartupsFeeds(app, services);
}
