import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { errorResponses } from '../../../core/http/schemas.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { acceptMember } from '../use-cases/accept-member.js';
import { changeProjectStatus } from '../use-cases/change-project-status.js';
import { describeProject, listProjects, projectPosts } from '../use-cases/describe-projects.js';
import { requestToJoin } from '../use-cases/join-project.js';
import { postProgress } from '../use-cases/post-progress.js';
import { proposeProject } from '../use-cases/propose-project.js';
import { editProject } from '../use-cases/update-project.js';
import * as S from './schemas.js';

const tags = ['projects'];
const security = [{ apiKey: [] }];
const Params = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** The JSON API of civic-hacking projects: list, one, propose, edit, join, accept, posts, status. */
export function registerProjectsApi(app: App, services: Services) {
  const one = (id: string) => describeProject(services.db, id);

  app.get(
    '/api/v1/projects',
    {
      schema: {
        tags,
        summary: 'Civic data projects, most recently changed first; filter by status, dataset and organisation',
        querystring: S.ProjectListQuery,
        response: { 200: S.ProjectPage, ...errorResponses(400) },
      },
    },
    async (request) => listProjects(services.db, { ...request.query, status: request.query.status as string | undefined }),
  );

  app.get(
    '/api/v1/projects/:id',
    {
      schema: {
        tags,
        summary: 'One project: question, datasets, team, links and results',
        params: Params,
        response: { 200: S.ProjectSchema, ...errorResponses(404) },
      },
    },
    async (request) => one(request.params.id),
  );

  app.post(
    '/api/v1/projects',
    {
      schema: {
        tags,
        security,
        summary: 'Propose a project (you lead its team)',
        body: S.CreateProjectBody,
        response: { 201: S.ProjectSchema, ...errorResponses(400, 401, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const row = await proposeProject(services, request.actor, { ...request.body, organisation: request.body.organisation ?? undefined });
      return reply.status(201).send(await one(row.id));
    },
  );

  app.put(
    '/api/v1/projects/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit a project (its lead or an admin); replaces every field',
        params: Params,
        body: S.CreateProjectBody,
        response: { 200: S.ProjectSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await editProject(services, request.actor, request.params.id, { ...request.body, organisation: request.body.organisation ?? undefined });
      return one(request.params.id);
    },
  );

  app.post(
    '/api/v1/projects/:id/join',
    {
      schema: {
        tags,
        security,
        summary: 'Ask to join the team in a role; the lead accepts',
        params: Params,
        body: S.JoinBody,
        response: { 201: S.MemberSchema, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const m = await requestToJoin(services, request.actor, { projectId: request.params.id, ...request.body });
      return reply.status(201).send({ projectId: m.project_id, userId: m.user_id, role: m.role, state: m.state, createdAt: m.created_at });
    },
  );

  app.post(
    '/api/v1/projects/:id/accept',
    {
      schema: {
        tags,
        security,
        summary: 'Accept a pending request to join (the lead or an admin)',
        params: Params,
        body: S.AcceptBody,
        response: { 200: S.ProjectSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireUser(request);
      await acceptMember(services, request.actor, { projectId: request.params.id, userId: request.body.userId });
      return one(request.params.id);
    },
  );

  app.get(
    '/api/v1/projects/:id/posts',
    {
      schema: {
        tags,
        summary: 'Progress posts, newest first (Markdown and its safe HTML)',
        params: Params,
        response: { 200: S.PostList, ...errorResponses(404) },
      },
    },
    async (request) => {
      await one(request.params.id);
      const posts = await projectPosts(services.db, request.params.id);
      return {
        items: posts.map((p) => ({
          id: p.id,
          projectId: p.project_id,
          body: p.body,
          html: renderMarkdown(p.body),
          author: p.author_name,
          createdAt: p.created_at,
        })),
      };
    },
  );

  app.post(
    '/api/v1/projects/:id/posts',
    {
      schema: {
        tags,
        security,
        summary: 'Post progress (team members only); Markdown, raw HTML dropped',
        params: Params,
        body: S.PostBody,
        response: { 201: S.PostSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const p = await postProgress(services, request.actor, { projectId: request.params.id, body: request.body.body });
      return reply.status(201).send({ id: p.id, projectId: p.project_id, body: p.body, html: renderMarkdown(p.body), createdAt: p.created_at });
    },
  );

  app.post(
    '/api/v1/projects/:id/status',
    {
      schema: {
        tags,
        security,
        summary: 'Change the status: proposed, active, completed, paused (the lead or an admin)',
        params: Params,
        body: S.StatusBody,
        response: { 200: S.ProjectSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await changeProjectStatus(services, request.actor, { projectId: request.params.id, status: request.body.status });
      return one(request.params.id);
    },
  );
}
