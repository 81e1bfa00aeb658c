import type { App, Services } from '../../../core/context.js';
import { pickLocalized, translator } from '../../../core/i18n/messages.js';
import { searchDocuments } from '../../../core/search/search-index.js';
import { html } from '../../../web/html.js';
import { sendPage } from '../../../web/page.js';
import { homeMessages } from '../messages.js';

export function registerSearchPage(app: App, services: Services) {
  app.get('/search', { schema: { hide: true } }, async (request, reply) => {
    const raw = (request.query as { q?: unknown }).q;
    const q = typeof raw === 'string' ? raw.slice(0, 200) : '';
    const result = q ? await searchDocuments(services.db, q, { limit: 50 }) : { total: 0, hits: [] };
    return sendPage(request, reply, (ctx) => {
      const t = translator(homeMessages, ctx.locale);
      return {
        title: t('search.title'),
        body: html`<h1>${t('search.title')}</h1>
          <form method="get" action="/search" role="search" class="stack">
            <label for="search-q">${t('search.label')}</label>
            <input id="search-q" name="q" type="search" value="${q}" aria-describedby="search-q-hint">
            <p class="hint" id="search-q-hint">${t('search.hint')}</p>
            <button type="submit" class="btn btn-primary">${t('search.submit')}</button></form>
          ${
            q
              ? html`<h2>${t('search.results', { q, n: result.total })}</h2>
            ${
              result.hits.length
                ? html`<ol class="stack">${result.hits.map((h) => {
                    const title = pickLocalized(h.title, ctx.locale);
                    const summary = pickLocalized(h.summary, ctx.locale);
                    return html`<li><a href="${h.url}" lang="${title.lang}">${title.text}</a>${summary.text ? html`<p lang="${summary.lang}">${summary.text}</p>` : null}</li>`;
                  })}</ol>`
                : html`<p>${t('search.none')}</p>`
            }`
              : null
          }`,
      };
    });
  });
}
