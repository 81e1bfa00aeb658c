import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { pickLocalized, translator } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { csrfField, errorSummary, textField, type FieldError, type PageContext } from '../../../web/layout.js';
import { formBody, submitForm } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { accountsMessages } from '../messages.js';
import { organisationsByIds } from '../store/organisation.repository.js';
import { listApiKeys } from '../store/api-key.repository.js';
import { createApiKey } from '../use-cases/create-api-key.js';
import { revokeApiKey } from '../use-cases/revoke-api-key.js';
import { listNotifications } from '../use-cases/notify-users.js';

const hide = { schema: { hide: true } };

export function registerAccountPage(app: App, services: Services) {
  const render = async (request: Parameters<typeof requireUser>[0], opts: { newSecret?: string; errors?: FieldError[]; welcome?: boolean }) => {
    const user = requireUser(request);
    const keys = await listApiKeys(services.db, user.id);
    const notifications = await listNotifications(services, user.id);
    const orgIds = user.memberships.map((m) => m.organisationId);
    const orgs = await organisationsByIds(services.db, orgIds);
    return (ctx: PageContext) => {
      const t = translator(accountsMessages, ctx.locale);
      const when = (iso: string | null) =>
        iso ? new Date(iso).toLocaleString(ctx.locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul' }) : t('apiKeys.never');
      return {
        title: t('account.title'),
        body: html`<h1>${t('account.title')}</h1>
          ${opts.welcome ? html`<div class="alert alert-success" role="status"><p>${t('account.welcome')}</p></div>` : null}
          <p>${t('account.signedInAs', { email: user.email, role: t(`role.${user.role}`) })}</p>
          <h2>${t('account.notifications')}</h2>
          ${notifications.length ? html`<ul>${notifications.map((n) => html`<li><a href="${n.url}">${ctx.locale === 'ko' ? n.title_ko : n.title_en}</a> <span class="muted">${when(n.at)}</span></li>`)}</ul>` : html`<p>${t('account.noNotifications')}</p>`}
          <h2>${t('account.organisations')}</h2>
          ${
            orgs.length
              ? html`<ul>${orgs.map((o) => {
                  const name = pickLocalized({ ko: o.name_ko, en: o.name_en }, ctx.locale);
                  const role = user.memberships.find((m) => m.organisationId === o.id)?.role === 'admin' ? t('role.orgAdmin') : t('role.member');
                  return html`<li><a href="/organisations/${o.slug}" lang="${name.lang}">${name.text}</a> (${role})</li>`;
                })}</ul>`
              : html`<p>${t('account.noOrganisations')} <a href="/organisations">${t('orgs.title')}</a></p>`
          }
          <h2 id="api-keys">${t('apiKeys.title')}</h2>
          <p>${t('apiKeys.intro')}</p>
          ${opts.newSecret ? html`<div class="alert alert-success" role="status"><p>${t('apiKeys.created')}</p><p class="secret" id="new-key">${opts.newSecret}</p></div>` : null}
          ${
            keys.length
              ? html`<div class="table-wrap"><table><caption class="muted">${t('apiKeys.title')}</caption>
            <thead><tr><th scope="col">${t('apiKeys.name')}</th><th scope="col">${t('apiKeys.prefix')}</th><th scope="col">${t('apiKeys.createdAt')}</th><th scope="col">${t('apiKeys.lastUsed')}</th><th scope="col">${t('apiKeys.status')}</th></tr></thead>
            <tbody>${keys.map(
              (k) => html`<tr><td>${k.name}</td><td><code>${k.prefix}…</code></td><td>${when(k.created_at)}</td><td>${when(k.last_used_at)}</td>
              <td>${
                k.revoked_at
                  ? t('apiKeys.revoked')
                  : html`${t('apiKeys.active')}
                <form method="post" action="/account/api-keys/${k.id}/revoke" class="inline-form">${csrfField(ctx)}
                <button type="submit" class="btn btn-danger btn-small" aria-label="${t('apiKeys.revokeLabel', { name: k.name })}">${t('apiKeys.revoke')}</button></form>`
              }</td></tr>`,
            )}
            </tbody></table></div>`
              : html`<p>${t('apiKeys.none')}</p>`
          }
          ${errorSummary(ctx.locale, opts.errors)}
          <form method="post" action="/account/api-keys" novalidate>${csrfField(ctx)}
            ${textField({ name: 'name', label: t('field.keyName'), required: true, errors: opts.errors, locale: ctx.locale })}
            <button type="submit" class="btn btn-primary">${t('apiKeys.create')}</button>
          </form>`,
      };
    };
  };

  app.get('/account', hide, async (request, reply) => {
    if (!request.actor.user) return redirectTo(reply, '/sign-in?next=/account');
    const welcome = (request.query as { welcome?: string }).welcome === '1';
    return sendPage(request, reply, await render(request, { welcome }));
  });
  app.post('/account/api-keys', hide, async (request, reply) => {
    requireUser(request);
    const form = formBody(request.body);
    const result = await submitForm(request.locale, () => createApiKey(services, request.actor, { name: form.name }));
    if (!result.ok) return sendPage(request, reply, await render(request, { errors: result.errors }), 422);
    return sendPage(request, reply, await render(request, { newSecret: result.value.secret }), 201);
  });
  app.post('/account/api-keys/:id/revoke', hide, async (request, reply) => {
    requireUser(request);
    await revokeApiKey(services, request.actor, { id: (request.params as { id: string }).id });
    return redirectTo(reply, '/account#api-keys');
  });
}
