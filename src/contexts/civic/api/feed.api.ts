import type { App, Services } from '../../../core/context.js';
import { ATOM_TYPE, atomFeed } from '../../../web/atom.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { findProject } from '../store/project.repository.js';
import { listPosts } from '../use-cases/list-posts.js';
import { projectUrl } from '../store/tables.js';

/** Atom feeds of progress posts: every project's (/projects/posts.atom) and one project's (/projects/:id/posts.atom). */
export function registerProjectFeeds(app: App, services: Services) {
  const feed = async (self: string, title: string, alternate: string, projectId?: string) => {
    const posts = await listPosts(services.db, { projectId, limit: 50 });
    const base = services.config.publicUrl;
    return atomFeed({
      id: `${base}${self}`,
      title,
      self: `${base}${self}`,
      alternate: `${base}${alternate}`,
      updated: posts[0]?.created_at ?? services.now(),
      lang: 'ko',
      entries: posts.map((p) => ({
        id: `urn:uuid:${p.id}`,
        title: p.project_title,
        updated: p.created_at,
        link: `${base}${projectUrl(p.project_id)}#post-${p.id}`,
        author: p.author_name ?? '—',
        html: renderMarkdown(p.body),
      })),
    });
  };
  const atom = ATOM_TYPE;
  app.get('/projects/posts.atom', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(atom).send(await feed('/projects/posts.atom', '열린 서울 프로젝트 소식 / Open Seoul: project progress', '/projects')),
  );
  app.get('/projects/:id/posts.atom', { schema: { hide: true } }, async (request, reply) => {
    const project = await findProject(services.db, (request.params as { id: string }).id);
    return reply
      .type(atom)
      .send(await feed(`${projectUrl(project.id)}/posts.atom`, `${project.title} · 진행 소식 / progress`, projectUrl(project.id), project.id));
  });
}
