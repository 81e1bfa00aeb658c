import type { App, Services } from '../../../core/context.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { sendPage } from '../../../web/page.js';
import { formatNumber } from '../../../web/charts/chart-scale.js';
import { analysesT } from '../messages.js';
import { listAnalyses } from '../use-cases/describe-analysis.js';
import { analysesAssets, analysesNav, analysisUrl, seoulDay } from './analysis-view.js';

const hide = { schema: { hide: true } };

/** /analyses: the published analyses (and the reader's own drafts), newest first. */
export function registerAnalysesListPage(app: App, services: Services) {
  app.get('/analyses', hide, async (request, reply) => {
    const items = await listAnalyses(services, request.actor, { limit: 100, offset: 0 });
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = analysesT(ctx.locale);
      return {
        title: t('list.title'),
        body: html`${analysesAssets}${analysesNav(ctx, '/analyses')}
          <h1>${t('list.title')}</h1><p>${t('list.intro')}</p>
          ${ctx.user ? html`<p><a class="btn btn-primary" href="/analyses/new">${t('list.new')}</a></p>` : html`<p><a href="/sign-in?next=/analyses/new">${t('list.signIn')}</a></p>`}
          <h2 id="results-title">${t('list.count', { n: items.length })}</h2>
          ${
            items.length
              ? html`<ol class="cards demand-list" aria-labelledby="results-title">${items.map(
                  (a) => html`<li class="card stack" data-analysis="${a.id}">
            <h3><a href="${analysisUrl(a.id)}">${a.title}</a></h3>
            <p><span class="badge${a.status === 'published' ? ' badge-live' : ''}">${t(`status.${a.status}`)}</span>
              ${a.behind.length ? html` <span class="badge badge-coming" data-behind>${t('badge.behind')}</span>` : null}</p>
            <p>${t('list.meta', { author: a.author.name, rows: a.rowCount === null ? '–' : formatNumber(a.rowCount, ctx.locale) })} · ${seoulDay(a.publishedAt ?? a.updatedAt)}</p>
            <p class="muted">${Object.entries(a.pins)
              .map(([d, v]) => `${d} v${v}`)
              .join(', ')}</p></li>`,
                )}</ol>`
              : html`<p>${t('list.none')}</p>`
          }`,
      };
    });
  });
}
