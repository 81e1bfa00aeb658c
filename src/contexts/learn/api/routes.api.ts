import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { requireUser } from '../../../core/http/request-context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { answerExercise } from '../use-cases/answer-exercise.js';
import { applyForFellowship, decideApplication } from '../use-cases/apply-for-fellowship.js';
import { buildOrganiserDashboard } from '../use-cases/build-organiser-dashboard.js';
import { cancelRegistration } from '../use-cases/cancel-registration.js';
import { createProgramme } from '../use-cases/create-programme.js';
import { describeLearner, lessonSummaries } from '../use-cases/describe-learner.js';
import { describeProgramme, listProgrammes, myRegistration } from '../use-cases/describe-programmes.js';
import { markAttendance } from '../use-cases/mark-attendance.js';
import { registerForProgramme } from '../use-cases/register-for-programme.js';
import { submitFeedback } from '../use-cases/submit-feedback.js';
import { updateProgrammeSettings } from '../use-cases/update-programme-settings.js';
import { verifyCertificate } from '../use-cases/verify-certificate.js';
import { registrationMessage } from './registration-message.js';
import * as S from './schemas.js';

const tags = ['learn'];
const security = [{ apiKey: [] }];
const Id = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** The JSON API of data-literacy programmes and lessons. */
export function registerLearnApi(app: App, services: Services) {
  app.get(
    '/api/v1/learn/programmes',
    {
      schema: {
        tags,
        summary: 'Programmes (courses, seminars, forums, mentoring days, fellowships, tracks), upcoming first',
        querystring: S.ProgrammeQuery,
        response: { 200: S.ProgrammeList, ...errorResponses(400) },
      },
    },
    async (request) => ({ items: await listProgrammes(services, request.query as { kind?: string; audience?: string; organisation?: string }) }),
  );

  app.get(
    '/api/v1/learn/programmes/:id',
    {
      schema: {
        tags,
        summary: 'One programme with its sessions, seats left and waitlist length',
        params: Id,
        response: { 200: S.ProgrammeSchema, ...errorResponses(404) },
      },
    },
    async (request) => describeProgramme(services, request.params.id),
  );

  app.post(
    '/api/v1/learn/programmes',
    {
      schema: {
        tags,
        security,
        summary: 'Announce a programme (members of a city department, CSO or university; admins)',
        body: S.CreateProgrammeBody,
        response: { 201: S.ProgrammeSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await createProgramme(services, request.actor, request.body);
      return reply.status(201).send(await describeProgramme(services, row.id));
    },
  );

  app.patch(
    '/api/v1/learn/programmes/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Open, close or cancel registration, change the capacity (more seats promote from the waitlist) or the materials (organisers)',
        params: Id,
        body: S.SettingsBody,
        response: { 200: S.SettingsSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      return updateProgrammeSettings(services, request.actor, { programmeId: request.params.id, ...request.body });
    },
  );

  app.post(
    '/api/v1/learn/programmes/:id/registration',
    {
      schema: {
        tags,
        security,
        summary: 'Register: a seat if one is free, else the waitlist (promoted automatically, in order)',
        params: Id,
        response: { 201: S.RegistrationSchema, ...errorResponses(401, 404, 409) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const r = await registerForProgramme(services, request.actor, { programmeId: request.params.id });
      return reply.status(201).send({ programmeId: request.params.id, state: r.outcome, place: r.place, message: registrationMessage(r.outcome, r.place) });
    },
  );

  app.get(
    '/api/v1/learn/programmes/:id/registration',
    {
      schema: {
        tags,
        security,
        summary: 'Your registration for a programme (404 when you have none)',
        params: Id,
        response: { 200: S.RegistrationSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      requireUser(request);
      const r = await myRegistration(services, request.params.id, request.actor.user!.id);
      if (!r) throw new AppError('learn.not_registered', 'You are not registered for this programme', 404);
      return { programmeId: request.params.id, state: r.state, place: r.place, message: registrationMessage(r.state, r.place) };
    },
  );

  app.delete(
    '/api/v1/learn/programmes/:id/registration',
    {
      schema: {
        tags,
        security,
        summary: 'Cancel your registration or waitlist place; a freed seat goes to the next person waiting',
        params: Id,
        response: { 200: S.RegistrationSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      requireUser(request);
      await cancelRegistration(services, request.actor, { programmeId: request.params.id });
      return { programmeId: request.params.id, state: 'cancelled' as const, place: null, message: registrationMessage('cancelled', null) };
    },
  );

  app.put(
    '/api/v1/learn/sessions/:id/attendance',
    {
      schema: {
        tags,
        security,
        summary: "Mark who came to a session (the programme's organisers); issues certificates on completion",
        params: Id,
        body: S.AttendanceBody,
        response: { 200: S.AttendanceResult, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      return markAttendance(services, request.actor, { sessionId: request.params.id, present: request.body.present });
    },
  );

  app.get(
    '/api/v1/learn/programmes/:id/dashboard',
    {
      schema: {
        tags,
        security,
        summary: 'Organiser dashboard: registrations, attendance rate, completion, feedback survey results',
        params: Id,
        response: { 200: S.DashboardSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      requireUser(request);
      return buildOrganiserDashboard(services, request.actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/learn/programmes/:id/feedback',
    {
      schema: {
        tags,
        security,
        summary: 'Answer the feedback survey (participants who attended); again replaces the answer',
        params: Id,
        body: S.FeedbackBody,
        response: { 200: S.FeedbackSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      return submitFeedback(services, request.actor, { programmeId: request.params.id, ...request.body });
    },
  );

  app.post(
    '/api/v1/learn/programmes/:id/applications',
    {
      schema: {
        tags,
        security,
        summary: 'Apply to the open data fellowship',
        params: Id,
        body: S.ApplicationBody,
        response: { 201: S.ApplicationSchema, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const a = await applyForFellowship(services, request.actor, { programmeId: request.params.id, ...request.body });
      return reply.status(201).send({ id: a.id, programmeId: a.programme_id, state: a.state, createdAt: a.created_at });
    },
  );

  app.post(
    '/api/v1/learn/applications/:id/decision',
    {
      schema: {
        tags,
        security,
        summary: 'Select (with a mentor and a project) or decline a fellowship application (organisers)',
        params: Id,
        body: S.DecisionBody,
        response: { 200: S.DecisionSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      return decideApplication(services, request.actor, { applicationId: request.params.id, ...request.body });
    },
  );

  app.get(
    '/api/v1/learn/certificates/:id',
    {
      schema: {
        tags,
        summary: 'Verify a certificate of completion: 404 learn.certificate_unknown for a forged or unknown number',
        params: Id,
        response: { 200: S.CertificateSchema, ...errorResponses(404) },
      },
    },
    async (request) => verifyCertificate(services, request.params.id),
  );

  app.get(
    '/api/v1/learn/lessons',
    {
      schema: { tags, summary: 'Lessons on the city’s real data, beginners first', response: { 200: S.LessonList } },
    },
    async () => ({ items: await lessonSummaries(services) }),
  );

  app.post(
    '/api/v1/learn/lessons/:slug/exercises/:exercise/answer',
    {
      schema: {
        tags,
        security,
        summary: 'Check an answer (a number, text, choice or SQL query run in the sandbox); a wrong answer returns a hint; progress is saved',
        params: Type.Object({ slug: Type.String({ maxLength: 100 }), exercise: Type.String({ maxLength: 100 }) }),
        body: S.AnswerBody,
        response: { 200: S.AnswerSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      requireUser(request);
      return answerExercise(services, request.actor, { lesson: request.params.slug, exercise: request.params.exercise, answer: request.body.answer });
    },
  );

  app.get(
    '/api/v1/learn/me',
    {
      schema: {
        tags,
        security,
        summary: 'Your lessons’ progress, registrations, certificates and personal calendar address',
        response: { 200: S.ProgressSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      requireUser(request);
      const me = await describeLearner(services, request.actor.user!.id);
      return { ...me, lessons: me.lessons.map((l) => ({ slug: l.slug, solved: l.solved, total: l.total, completedAt: l.completedAt })) };
    },
  );
}
