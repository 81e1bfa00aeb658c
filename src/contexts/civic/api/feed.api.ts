import type { App, Services } from '../../../core/context.js';
import { escapeHtml } from '../../../web/html.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { findProject, listPosts } from '../store/project.repository.js';
import { projectUrl } from '../store/tables.js';

/** Atom feeds of progress posts: every project's (/projects/posts.atom) and one project's (/projects/:id/posts.atom). */
export function registerProjectFeeds(app: App, services: Services) {
  const feed = async (self: string, title: string, alternate: string, projectId?: string) => {
    const posts = await listPosts(services.db, { projectId, limit: 50 });
    const base = services.config.publicUrl;
    const x = escapeHtml;
    const entries = posts.map((p) => `<entry><id>urn:uuid:${p.id}</id><title>${x(p.project_title)}</title><updated>${p.created_at}</updated>
<link href="${base}${projectUrl(p.project_id)}#post-${p.id}"/><author><name>${x(p.author_name ?? '—')}</name></author>
<content type="html">${x(renderMarkdown(p.body))}</content></entry>`).join('\n');
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko"><id>${base}${self}</id><title>${x(title)}</title>
<updated>${posts[0]?.created_at ?? services.now().toISOString()}</updated><link rel="self" href="${base}${self}"/><link href="${base}${alternate}"/>
${entries}
</feed>`;
  };
  const atom = 'application/atom+xml; charset=utf-8';
  app.get('/projects/posts.atom', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(atom).send(await feed('/projects/posts.atom', '열린 서울 프로젝트 소식 / Open Seoul: project progress', '/projects')));
  app.get('/projects/:id/posts.atom', { schema: { hide: true } }, async (request, reply) => {
    const project = await findProject(services.db, (request.params as { id: string }).id);
    return reply.type(atom).send(await feed(`${projectUrl(project.id)}/posts.atom`, `${project.title} · 진행 소식 / progress`, projectUrl(project.id), project.id));
  });
}
