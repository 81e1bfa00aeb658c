import type { App, Services } from '../../../core/context.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { sendPage } from '../../../web/page.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { PUBLIC_STATES } from '../domain/public-state.js';
import { USE_TYPES } from '../domain/vocabularies.js';
import { demandT } from '../messages.js';
import { listHolders } from '../use-cases/list-holders.js';
import { SORTS, listDataRequests } from '../use-cases/list-data-requests.js';
import { demandAssets, demandNav, requestCard } from './demand-view.js';
import { selectField } from '../../../web/forms.js';
import { holderOptions } from './request-forms.js';
import { pageCount, pager, readPage } from '../../../web/pager.js';

const hide = { schema: { hide: true } };
/** Requests a page of the list holds (as the data catalogue). */
export const PAGE_SIZE = 20;

/**
 * The public list: filters (state, department, use, words) and sort (newest, most supported, priority) in a plain GET form,
 * PAGE_SIZE requests a page with the shared pager (web/pager.ts) keeping the filters and sort.
 */
export function registerListPage(app: App, services: Services) {
  app.get('/demand', hide, async (_request, reply) => reply.redirect('/demand/requests', 302));

  app.get('/demand/requests', hide, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const str = (k: string) => (typeof query[k] === 'string' ? (query[k] as string).slice(0, 200) : '');
    const filter = { q: str('q'), state: str('state'), organisation: str('organisation'), useType: str('useType'), sort: str('sort') };
    const page = readPage(query.page);
    const href = (p: number) => {
      const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
      if (p > 1) params.set('page', String(p));
      return `/demand/requests${params.size ? `?${params}` : ''}`;
    };
    const [result, holders] = await Promise.all([
      listDataRequests(services.db, kstDate(services.now()), { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      listHolders(services.db),
    ]);
    // A page past the last (the list shrank, or a hand-typed URL) goes to the last page, never to an empty one.
    const last = pageCount(result.total, PAGE_SIZE);
    if (page > last) return reply.redirect(href(last), 302);
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = demandT(ctx.locale);
      return {
        title: t('demand.title'),
        body: html`${demandAssets}${demandNav(ctx, request.actor, '/demand/requests')}
          <h1>${t('demand.title')}</h1><p>${t('demand.intro')}</p>
          <p><a class="btn btn-primary" href="/demand/requests/new">${t('nav.new')}</a></p>
          <form method="get" action="/demand/requests" class="demand-filters" role="search" aria-labelledby="filters-title">
            <h2 id="filters-title">${t('list.filters')}</h2>
            <div class="form-group"><label for="f-q">${t('list.q')}</label><input id="f-q" name="q" type="search" value="${filter.q}"></div>
            ${selectField({ name: 'state', label: t('list.state'), value: filter.state, placeholder: t('state.any'), options: PUBLIC_STATES.map((s) => ({ value: s, label: t(`state.${s}`) })) })}
            ${selectField({ name: 'organisation', label: t('list.department'), value: filter.organisation, placeholder: t('list.anyDepartment'), options: holderOptions(ctx, holders) })}
            ${selectField({ name: 'useType', label: t('list.useType'), value: filter.useType, placeholder: t('use.any'), options: USE_TYPES.map((u) => ({ value: u, label: t(`use.${u}`) })) })}
            ${selectField({ name: 'sort', label: t('list.sort'), value: result.sort, options: SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) })) })}
            <button type="submit" class="btn btn-secondary">${t('list.apply')}</button></form>
          <h2 id="results-title">${t('list.count', { n: result.total })}</h2>
          ${result.items.length ? html`<ol class="cards demand-list" aria-labelledby="results-title" start="${result.offset + 1}">${result.items.map((v) => requestCard(ctx, v, 'h3'))}</ol>` : html`<p>${t('list.none')}</p>`}
          ${pager({ total: result.total, pageSize: PAGE_SIZE, page, href, locale: ctx.locale })}`,
      };
    });
  });
}
