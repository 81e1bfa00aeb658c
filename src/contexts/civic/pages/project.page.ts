import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html, raw } from '../../../web/html.js';
import { csrfField, errorSummary, textArea, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { projectPolicy } from '../domain/policy.js';
import { JOIN_ROLES, PROJECT_STATUSES } from '../domain/vocabularies.js';
import { civicT } from '../messages.js';
import { projectUrl } from '../store/tables.js';
import { acceptMember } from '../use-cases/accept-member.js';
import { changeProjectStatus } from '../use-cases/change-project-status.js';
import { describeProject, projectPosts } from '../use-cases/describe-projects.js';
import { requestToJoin } from '../use-cases/join-project.js';
import { postProgress } from '../use-cases/post-progress.js';
import { selectField } from '../../../web/forms.js';
import { civicAssets, civicNav, datasetList, exampleBadge, localized, seoulDay, statusBadge } from './civic-view.js';
import { runForm } from './page-forms.js';

const hide = { schema: { hide: true } };
interface Sent {
  form: 'join' | 'post' | 'status';
  values: Record<string, string>;
  errors: FieldError[];
}

async function projectPage(services: Services, request: FastifyRequest, id: string, sent?: Sent) {
  const [v, posts] = await Promise.all([describeProject(services.db, id), projectPosts(services.db, id)]);
  const team = { members: v.team.map((m) => ({ userId: m.userId, role: m.role, state: m.state })) };
  const actor = request.actor;
  const me = v.team.find((m) => m.userId === actor.user?.id);
  return (ctx: PageContext) => {
    const t = civicT(ctx.locale);
    const s = (form: Sent['form']) => (sent?.form === form ? sent : undefined);
    const active = v.team.filter((m) => m.state === 'active');
    const pending = v.team.filter((m) => m.state === 'pending');
    const joinForm = !actor.user
      ? html`<p><a href="/sign-in?next=${projectUrl(v.id)}">${t('join.signIn')}</a></p>`
      : me?.state === 'pending'
        ? html`<p class="alert alert-info">${t('team.waiting')}</p>`
        : me
          ? null
          : html`<form method="post" action="${projectUrl(v.id)}/join" class="stack" novalidate>${csrfField(ctx)}<h3 id="join-title">${t('join.title')}</h3><p>${t('join.intro')}</p>
        ${errorSummary(ctx.locale, s('join')?.errors)}
        ${selectField({ name: 'role', label: t('join.role'), value: s('join')?.values.role ?? 'member', errors: s('join')?.errors, options: JOIN_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) })}
        ${textField({ name: 'message', label: t('join.message'), value: s('join')?.values.message, errors: s('join')?.errors, locale: ctx.locale })}
        <button type="submit" class="btn btn-primary">${t('join.submit')}</button></form>`;
    return {
      title: v.title,
      body: html`${civicAssets}${civicNav(ctx, actor, '')}
        <h1>${v.title}</h1>
        <p>${statusBadge(ctx.locale, v.status)} ${v.example ? exampleBadge(ctx.locale) : null}</p>
        ${v.example ? html`<p class="alert alert-info">${t('example.note')}</p>` : null}
        <dl class="demand-facts">
          <dt>${t('project.question')}</dt><dd>${v.question}</dd>
          <dt>${t('project.organisation')}</dt><dd>${v.organisation ? html`<a href="/organisations/${v.organisation.slug}">${localized(v.organisation.name, ctx.locale, v.organisation.slug)}</a>` : t('project.noOrganisation')}</dd>
          ${v.links.repo || v.links.results ? html`<dt>${t('project.links')}</dt><dd>${v.links.repo ? html`<a href="${v.links.repo}" rel="nofollow ugc noopener">${t('project.repo')}</a> ` : null}${v.links.results ? html`<a href="${v.links.results}" rel="nofollow ugc noopener">${t('project.resultsLink')}</a>` : null}</dd>` : null}
        </dl>
        <h2>${t('project.description')}</h2><p class="prewrap">${v.description}</p>
        <h2>${t('project.datasets')}</h2>${datasetList(ctx.locale, v.datasets)}
        ${projectPolicy.canEdit(actor, team) ? html`<p><a class="btn btn-secondary" href="${projectUrl(v.id)}/edit">${t('project.edit')}</a></p>` : null}
        ${
          projectPolicy.canChangeStatus(actor, team)
            ? html`<form method="post" action="${projectUrl(v.id)}/status" class="stack" novalidate>${csrfField(ctx)}
          ${errorSummary(ctx.locale, s('status')?.errors)}
          ${selectField({ name: 'status', label: t('status.change'), value: v.status, errors: s('status')?.errors, options: PROJECT_STATUSES.map((x) => ({ value: x, label: t(`status.${x}`) })) })}
          <button type="submit" class="btn btn-secondary">${t('status.submit')}</button></form>`
            : null
        }
        <section aria-labelledby="team-title"><h2 id="team-title">${t('team.title')}</h2>
          <ul>${active.map((m) => html`<li data-member="${m.userId}">${m.displayName} · ${t(`role.${m.role}`)}</li>`)}</ul>
          ${
            pending.length && projectPolicy.canAccept(actor, team)
              ? html`<h3>${t('team.pending')}</h3><ul>${pending.map(
                  (m) => html`<li data-pending="${m.userId}">
            ${m.displayName} · ${t(`role.${m.role}`)}${m.message ? html` — ${m.message}` : null}
            <form method="post" action="${projectUrl(v.id)}/accept" class="inline">${csrfField(ctx)}<input type="hidden" name="userId" value="${m.userId}">
              <button type="submit" class="btn btn-secondary">${t('team.accept', { name: m.displayName })}</button></form></li>`,
                )}</ul>`
              : null
          }
          ${joinForm}</section>
        <section aria-labelledby="results-title"><h2 id="results-title">${t('project.results')}</h2>
          ${v.results ? html`<div class="markdown">${raw(renderMarkdown(v.results))}</div>` : html`<p>${t('project.noResults')}</p>`}</section>
        <section aria-labelledby="posts-title"><h2 id="posts-title">${t('posts.title')}</h2>
          <p><a href="${projectUrl(v.id)}/posts.atom">${t('nav.feed')}</a></p>
          ${
            projectPolicy.canPost(actor, team)
              ? html`<form method="post" action="${projectUrl(v.id)}/posts" class="stack" novalidate>${csrfField(ctx)}
            <h3>${t('posts.new')}</h3>${errorSummary(ctx.locale, s('post')?.errors)}
            ${textArea({ name: 'body', label: t('posts.body'), value: s('post')?.values.body, rows: 6, required: true, errors: s('post')?.errors, locale: ctx.locale })}
            <button type="submit" class="btn btn-primary">${t('posts.submit')}</button></form>`
              : null
          }
          ${
            posts.length
              ? html`<ol class="stack demand-list">${posts.map(
                  (p) => html`<li class="card" id="post-${p.id}">
            <p class="muted">${t('posts.by', { name: p.author_name ?? '—', date: seoulDay(p.created_at) })}</p>
            <div class="markdown">${raw(renderMarkdown(p.body, 3))}</div></li>`,
                )}</ol>`
              : html`<p>${t('posts.none')}</p>`
          }</section>`,
    };
  };
}

/** The project page and its forms: join, accept, post, status (post/redirect/get). */
export function registerProjectPage(app: App, services: Services) {
  app.get('/projects/:id', hide, async (request, reply) =>
    sendPage(request, reply, await projectPage(services, request, (request.params as { id: string }).id)),
  );

  const action = (
    path: string,
    form: Sent['form'],
    anchor: string,
    run: (request: FastifyRequest, id: string, body: Record<string, string>) => Promise<unknown>,
  ) =>
    app.post(`/projects/:id/${path}`, hide, async (request, reply) => {
      requireUser(request);
      const { id } = request.params as { id: string };
      const body = formBody(request.body);
      const result = await runForm(request.locale, () => run(request, id, body));
      if (!result.ok) return sendPage(request, reply, await projectPage(services, request, id, { form, values: body, errors: result.errors }), result.status);
      return redirectTo(reply, `${projectUrl(id)}#${anchor}`);
    });

  action('join', 'join', 'team-title', (r, id, b) => requestToJoin(services, r.actor, { projectId: id, role: b.role, message: b.message }));
  action('accept', 'join', 'team-title', (r, id, b) => acceptMember(services, r.actor, { projectId: id, userId: b.userId ?? '' }));
  action('posts', 'post', 'posts-title', (r, id, b) => postProgress(services, r.actor, { projectId: id, body: b.body }));
  action('status', 'status', 'team-title', (r, id, b) => changeProjectStatus(services, r.actor, { projectId: id, status: b.status }));
}
