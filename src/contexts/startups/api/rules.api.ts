import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { addRule, addRuleVersion } from '../use-cases/keep-rule.js';
import { answerFeedback } from '../use-cases/answer-feedback.js';
import { describeDepartment } from '../use-cases/describe-department.js';
import { describeFeedback, describeRule, publicFeedbackDetail, publicRuleDetail, searchRules } from '../use-cases/describe-rules.js';
import { endorseFeedback } from '../use-cases/endorse-feedback.js';
import { submitFeedback } from '../use-cases/submit-feedback.js';
import * as S from './schemas.js';

const tags = ['startups'];
const security = [{ apiKey: [] }];
const E = errorResponses;

/** The startups API on rules, feedback on them, and the departments that answer it. */
export function registerStartupsRulesApi(app: App, services: Services) {
  const today = () => kstDate(services.now());

  // Rules and feedback
  app.get(
    '/api/v1/startups/rules',
    {
      schema: {
        tags,
        summary: 'The rules library, searched in Korean or English and filtered by field',
        querystring: S.RuleQuery,
        response: { 200: S.RuleList, ...E(400) },
      },
    },
    async (request) => {
      const items = await searchRules(services.db, {
        q: request.query.q,
        tag: request.query.tag as string | undefined,
        kind: request.query.kind as string | undefined,
      });
      return { total: items.length, items };
    },
  );
  app.get(
    '/api/v1/startups/rules/:slug',
    {
      schema: {
        tags,
        summary: 'One rule: current text or summary, versions, feedback with answers',
        params: S.Slug,
        response: { 200: S.RuleDetail, ...E(404) },
      },
    },
    async (request) => publicRuleDetail(await describeRule(services.db, request.params.slug, today())),
  );
  app.post(
    '/api/v1/startups/rules',
    {
      schema: {
        tags,
        security,
        summary: 'Add a rule with its first version (officials of its department or of the programme)',
        body: S.RuleBody,
        response: { 201: S.RuleDetail, ...E(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const rule = await addRule(services, request.actor, request.body);
      return reply.status(201).send(publicRuleDetail(await describeRule(services.db, rule.slug, today())));
    },
  );
  app.post(
    '/api/v1/startups/rules/:slug/versions',
    {
      schema: {
        tags,
        security,
        summary: 'Add a version of a rule: what changed and from when',
        params: S.Slug,
        body: S.VersionBody,
        response: { 201: S.RuleDetail, ...E(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      await addRuleVersion(services, request.actor, { ...request.body, rule: request.params.slug });
      return reply.status(201).send(publicRuleDetail(await describeRule(services.db, request.params.slug, today())));
    },
  );
  app.post(
    '/api/v1/startups/rules/:slug/feedback',
    {
      schema: {
        tags,
        security,
        summary: "Comment on a rule or propose a change for your startup (starts the department's answer clock)",
        params: S.Slug,
        body: S.FeedbackBody,
        response: { 201: S.FeedbackDetail, ...E(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await submitFeedback(services, request.actor, { ...request.body, rule: request.params.slug });
      return reply.status(201).send(publicFeedbackDetail(await describeFeedback(services.db, row.id, today())));
    },
  );
  app.get(
    '/api/v1/startups/feedback/:id',
    { schema: { tags, summary: 'One piece of feedback: endorsements, due date, answers', params: S.Id, response: { 200: S.FeedbackDetail, ...E(404) } } },
    async (request) => publicFeedbackDetail(await describeFeedback(services.db, request.params.id, today())),
  );
  app.post(
    '/api/v1/startups/feedback/:id/endorsements',
    {
      schema: {
        tags,
        security,
        summary: 'Endorse feedback (once; you then follow its answer)',
        params: S.Id,
        response: { 201: S.EndorseSchema, ...E(401, 404, 409) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      return reply.status(201).send(await endorseFeedback(services, request.actor, { feedbackId: request.params.id }));
    },
  );
  app.post(
    '/api/v1/startups/feedback/:id/answer',
    {
      schema: {
        tags,
        security,
        summary: "The department's reasoned answer: accepted, under review (with a date) or declined",
        params: S.Id,
        body: S.AnswerBody,
        response: { 200: S.FeedbackDetail, ...E(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await answerFeedback(services, request.actor, { feedbackId: request.params.id, ...request.body });
      return publicFeedbackDetail(await describeFeedback(services.db, request.params.id, today()));
    },
  );
  app.get(
    '/api/v1/startups/departments/:slug',
    {
      schema: {
        tags,
        summary: "A department's answers to startup feedback and its timeliness",
        params: S.Slug,
        response: { 200: S.DepartmentSchema, ...E(404) },
      },
    },
    async (request) => describeDepartment(services.db, request.params.slug, today()),
  );
}
