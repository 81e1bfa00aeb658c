import type { FastifyReply, FastifyRequest } from 'fastify';
import { PLATFORM_ROLES, isAdmin } from '../../../core/auth/actor.js';
import { listAudit } from '../../../core/audit/audit-log.js';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, type PageContext } from '../../../web/layout.js';
import { formBody, submitForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { accountsMessages, assertAllowed, auditPolicy, changeUserRole, listUsers, outboxPolicy, userPolicy } from '../../accounts/index.js';
import { adminMessages } from '../messages.js';

const hide = { schema: { hide: true } };
const tr = (l: Locale) => translator(adminMessages, l);
const PAGE = 50;

/** Admin pages: anonymous visitors are sent to sign in; signed-in non-admins get 403. */
function gate(request: FastifyRequest, reply: FastifyReply, allowed: (r: FastifyRequest) => boolean): boolean {
  if (!request.actor.user) {
    void redirectTo(reply, `/sign-in?next=${encodeURIComponent(request.url)}`);
    return false;
  }
  assertAllowed(request.actor, allowed(request), 'open the admin pages');
  return true;
}

export function registerAdminPages(app: App, services: Services) {
  app.get('/admin', hide, async (request, reply) => {
    if (!gate(request, reply, (r) => isAdmin(r.actor))) return reply;
    return sendPage(request, reply, (ctx) => {
      const t = tr(ctx.locale);
      return {
        title: t('admin.title'),
        body: html`<h1>${t('admin.title')}</h1><ul>
        <li><a href="/admin/audit">${t('admin.audit')}</a></li><li><a href="/admin/users">${t('admin.users')}</a></li>
        <li><a href="/admin/outbox">${t('admin.outbox')}</a></li>
        <li><a href="/accountability/holidays/manage">${t('admin.holidays')}</a></li></ul>`,
      };
    });
  });

  app.get('/admin/audit', hide, async (request, reply) => {
    if (!gate(request, reply, (r) => auditPolicy.canRead(r.actor))) return reply;
    const offset = Math.max(0, Number((request.query as { offset?: string }).offset) || 0);
    const rows = await listAudit(services.db, { limit: PAGE, offset });
    return sendPage(request, reply, (ctx) => {
      const t = tr(ctx.locale);
      const when = (iso: string) => new Date(iso).toLocaleString(ctx.locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul' });
      return {
        title: t('admin.audit'),
        wide: true,
        body: html`<h1>${t('admin.audit')}</h1><p>${t('admin.auditIntro')}</p>
          <p>${t('admin.export')}: <a href="/api/v1/audit?format=csv&amp;limit=10000">CSV</a> · <a href="/api/v1/audit?format=json&amp;limit=10000">JSON</a></p>
          ${
            rows.length
              ? html`<div class="table-wrap"><table><caption class="muted">${t('admin.audit')}</caption><thead><tr>
            <th scope="col">${t('admin.at')}</th><th scope="col">${t('admin.actor')}</th><th scope="col">${t('admin.action')}</th><th scope="col">${t('admin.entity')}</th><th scope="col">${t('admin.change')}</th></tr></thead>
            <tbody>${rows.map(
              (
                r,
              ) => html`<tr><td>${when(r.at)}</td><td>${r.actorLabel}</td><td><code>${r.action}</code></td><td>${r.entityType} <code>${r.entityId.slice(0, 8)}</code></td>
              <td>${r.before ? html`<pre lang="en">- ${JSON.stringify(r.before)}</pre>` : null}${r.after ? html`<pre lang="en">+ ${JSON.stringify(r.after)}</pre>` : null}</td></tr>`,
            )}</tbody></table></div>`
              : html`<p>${t('admin.none')}</p>`
          }
          <nav aria-label="${t('admin.audit')}"><p>${offset > 0 ? html`<a href="/admin/audit?offset=${Math.max(0, offset - PAGE)}">${t('admin.previous')}</a> ` : null}
            ${rows.length === PAGE ? html`<a href="/admin/audit?offset=${offset + PAGE}">${t('admin.next')}</a>` : null}</p></nav>`,
      };
    });
  });

  app.get('/admin/outbox', hide, async (request, reply) => {
    if (!gate(request, reply, (r) => outboxPolicy.canRead(r.actor))) return reply;
    const mails = await services.mailer.outbox(50);
    return sendPage(request, reply, (ctx) => {
      const t = tr(ctx.locale);
      return {
        title: t('admin.outbox'),
        body: html`<h1>${t('admin.outbox')}</h1><p>${t('admin.outboxIntro')}</p>
          ${mails.length ? mails.map((m) => html`<article class="card stack"><h2>${m.subject}</h2><p>${t('admin.to')}: ${m.to} · ${m.at}</p><pre>${m.text}</pre></article>`) : html`<p>${t('admin.outboxEmpty')}</p>`}`,
      };
    });
  });

  const usersPage = async (errors?: { field: string; message: string }[]) => {
    const users = await listUsers(services.db, 200, 0);
    return (ctx: PageContext) => {
      const t = tr(ctx.locale);
      const ta = translator(accountsMessages, ctx.locale);
      return {
        title: t('admin.users'),
        wide: true,
        body: html`<h1>${t('admin.users')}</h1>${errorSummary(ctx.locale, errors)}<div class="table-wrap"><table><caption class="muted">${t('admin.users')}</caption>
          <thead><tr><th scope="col">${t('admin.name')}</th><th scope="col">${t('admin.email')}</th><th scope="col">${t('admin.role')}</th></tr></thead>
          <tbody>${users.map(
            (u) => html`<tr><td>${u.display_name}</td><td>${u.email}</td><td>
            <form method="post" action="/admin/users/${u.id}/role" class="inline-form">${csrfField(ctx)}
              <label class="muted" for="role-${u.id}">${t('admin.roleFor', { name: u.display_name })}</label>
              <select id="role-${u.id}" name="role">${PLATFORM_ROLES.map((r) => html`<option value="${r}" ${u.role === r ? html`selected` : null}>${ta(`role.${r}`)}</option>`)}</select>
              <button type="submit" class="btn btn-secondary btn-small" aria-label="${t('admin.saveFor', { name: u.display_name })}">${t('admin.save')}</button></form></td></tr>`,
          )}
          </tbody></table></div>`,
      };
    };
  };
  app.get('/admin/users', hide, async (request, reply) => {
    if (!gate(request, reply, (r) => userPolicy.canList(r.actor))) return reply;
    return sendPage(request, reply, await usersPage());
  });
  app.post('/admin/users/:id/role', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () =>
      changeUserRole(services, request.actor, { userId: (request.params as { id: string }).id, role: form.role }),
    );
    if (!result.ok) return sendPage(request, reply, await usersPage(result.errors), 422);
    return redirectTo(reply, '/admin/users');
  });
}
