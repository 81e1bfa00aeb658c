import type { App, Services } from '../../../core/context.js';
import { translator } from '../../../core/i18n/messages.js';
import { requireUser } from '../../../core/http/request-context.js';
import { html } from '../../../web/html.js';
import { csrfField, type Page, type PageContext } from '../../../web/layout.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { listOpenApiKeysOf } from '../store/openapi-key.repository.js';
import { issueOpenApiKey, revokeOpenApiKey } from '../use-cases/issue-openapi-key.js';
import { openApiKeyMessages } from './openapi-keys.messages.js';

const hide = { schema: { hide: true } };
const PATH = '/data/openapi-keys';

interface KeyRow {
  id: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

function keysPage(ctx: PageContext, keys: KeyRow[], base: string, issued?: string): Page {
  const t = translator(openApiKeyMessages, ctx.locale);
  const day = (iso: string) => iso.slice(0, 10);
  const example = `${base}/seoul-openapi/${issued ?? '{KEY}'}/json/CardSubwayStatsNew/1/5/20230101`;
  return {
    title: t('openapiKeys.title'),
    body: html`<h1>${t('openapiKeys.title')}</h1>
      <p>${t('openapiKeys.intro')}</p>
      <p>${t('openapiKeys.example', { url: '' })}<code lang="en">${example}</code></p>
      ${issued ? html`<div class="alert alert-success" role="status"><p>${t('openapiKeys.issued')}</p><p><code data-openapi-key lang="en">${issued}</code></p></div>` : null}
      <form method="post" action="${PATH}" class="stack">${csrfField(ctx)}<button type="submit" class="btn btn-primary">${t('openapiKeys.issue')}</button></form>
      <h2>${t('openapiKeys.yours')}</h2>
      ${
        keys.length === 0
          ? html`<p>${t('openapiKeys.none')}</p>`
          : html`<div class="table-wrap"><table><caption>${t('openapiKeys.yours')}</caption>
        <thead><tr><th scope="col">${t('openapiKeys.prefix')}</th><th scope="col">${t('openapiKeys.created')}</th><th scope="col">${t('openapiKeys.state')}</th></tr></thead>
        <tbody>${keys.map(
          (k) => html`<tr><th scope="row"><code lang="en">${k.prefix}…</code></th><td>${day(k.created_at)}</td>
          <td>${
            k.revoked_at
              ? t('openapiKeys.revoked', { date: day(k.revoked_at) })
              : html`${t('openapiKeys.live')}
            <form method="post" action="${PATH}/${k.id}/revoke" class="inline">${csrfField(ctx)}<button type="submit" class="btn btn-secondary" aria-label="${t('openapiKeys.revokeLabel', { prefix: k.prefix })}">${t('openapiKeys.revoke')}</button></form>`
          }</td></tr>`,
        )}</tbody></table></div>`
      }`,
  };
}

/** A page where anyone signed in gets read-only keys for the Seoul Open API URL form, and revokes them. */
export function registerOpenApiKeyPages(app: App, services: Services): void {
  const own = (userId: string) => listOpenApiKeysOf(services.db, userId);
  const base = services.config.publicUrl.replace(/\/$/, '');

  app.get(PATH, hide, async (request, reply) => {
    if (!request.actor.user) return redirectTo(reply, `/sign-in?next=${encodeURIComponent(PATH)}`);
    const keys = await own(request.actor.user.id);
    return sendPage(request, reply, (ctx) => keysPage(ctx, keys, base));
  });

  app.post(PATH, hide, async (request, reply) => {
    const user = requireUser(request);
    const issued = await issueOpenApiKey(services, request.actor);
    const keys = await own(user.id);
    // The key is shown once, on this answer (not stored in a redirect URL).
    return sendPage(request, reply, (ctx) => keysPage(ctx, keys, base, issued.key), 201);
  });

  app.post(`${PATH}/:id/revoke`, hide, async (request, reply) => {
    requireUser(request);
    await revokeOpenApiKey(services, request.actor, (request.params as { id: string }).id);
    return redirectTo(reply, PATH);
  });
}
