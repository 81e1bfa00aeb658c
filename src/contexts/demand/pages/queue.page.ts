import type { App, Services } from '../../../core/context.js';
import { forbidden } from '../../../core/errors.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { demandPolicy } from '../domain/policy.js';
import { demandT } from '../messages.js';
import { listDataRequests } from '../use-cases/list-data-requests.js';
import { demandAssets, demandNav, localized, stateBadge } from './demand-view.js';

const hide = { schema: { hide: true } };

/** The ranked work queue for officials and the OGP sub-group: every request not yet published or declined, by score. */
export function registerQueuePage(app: App, services: Services) {
  app.get('/demand/queue', hide, async (request, reply) => {
    if (!request.actor.user) return redirectTo(reply, '/sign-in?next=/demand/queue');
    if (!demandPolicy.canSeeQueue(request.actor)) throw forbidden('see the priority queue');
    const mine = (request.query as { mine?: string }).mine === '1';
    const departments = new Set(request.actor.user.memberships.map((m) => m.organisationId));
    const { items } = await listDataRequests(services.db, kstDate(services.now()), { sort: 'priority', limit: 1000 });
    const queue = items.filter((v) => v.state !== 'published' && v.state !== 'declined' && (!mine || departments.has(v.department.id)));
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = demandT(ctx.locale);
      const points = (v: (typeof queue)[number], c: string) => v.priority.parts.find((p) => p.criterion === c)?.value;
      return {
        title: t('queue.title'),
        wide: true,
        body: html`${demandAssets}${demandNav(ctx, request.actor, '/demand/queue')}
          <h1>${t('queue.title')}</h1><p>${t('queue.intro')}</p>
          <p>${mine ? html`<a href="/demand/queue">${t('queue.all')}</a>` : html`<a href="/demand/queue?mine=1">${t('queue.mine')}</a>`}</p>
          ${
            queue.length
              ? html`<div class="table-wrap"><table><caption>${t('queue.caption', { n: queue.length })}</caption>
            <thead><tr><th scope="col">${t('queue.rank')}</th><th scope="col">${t('queue.request')}</th><th scope="col">${t('queue.score')}</th>
              <th scope="col">${t('queue.support')}</th><th scope="col">${t('queue.assessed')}</th><th scope="col">${t('list.department')}</th><th scope="col">${t('queue.stateDue')}</th></tr></thead>
            <tbody>${queue.map(
              (v, i) => html`<tr data-request="${v.id}"><td>${i + 1}</td><th scope="row"><a href="${v.url}">${v.title}</a></th>
              <td data-score="${v.priority.score}">${v.priority.score}</td>
              <td>${v.support.supporters} · ${v.support.distinctDistricts} · ${v.support.distinctGroups}</td>
              <td>${points(v, 'feasibility') ?? '–'} · ${points(v, 'reuse') ?? '–'}</td>
              <td>${localized(v.department.name, ctx.locale)}</td>
              <td>${stateBadge(ctx.locale, v.state)}${v.answer.dueOn ? html` ${v.answer.dueOn}` : null}</td></tr>`,
            )}</tbody></table></div>`
              : html`<p>${t('queue.none')}</p>`
          }`,
      };
    });
  });
}
