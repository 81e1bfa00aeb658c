import type { App, Services } from '../../../core/context.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { sendPage } from '../../../web/page.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { PUBLIC_STATES } from '../domain/public-state.js';
import { DECLINE_REASONS } from '../domain/vocabularies.js';
import { demandT } from '../messages.js';
import { buildDemandDashboard } from '../use-cases/build-demand-dashboard.js';
import { demandAssets, demandNav, localized } from './demand-view.js';

const hide = { schema: { hide: true } };

/** The public dashboard: requests by state (linked to the filtered list), responsiveness, reasons for declining, per department. */
export function registerDashboardPage(app: App, services: Services) {
  app.get('/demand/dashboard', hide, async (request, reply) => {
    const d = await buildDemandDashboard(services.db, kstDate(services.now()));
    return sendPage(request, reply, (ctx: PageContext) => {
      const t = demandT(ctx.locale);
      const row = (label: string, n: number, key: string, href?: string) =>
        html`<tr data-key="${key}"><th scope="row">${href ? html`<a href="${href}">${label}</a>` : label}</th><td>${n}</td></tr>`;
      return {
        title: t('dash.title'),
        wide: true,
        body: html`${demandAssets}${demandNav(ctx, request.actor, '/demand/dashboard')}
          <h1>${t('dash.title')}</h1><p>${t('dash.intro')}</p>
          <div class="demand-tallies">
            <div class="table-wrap"><table><caption>${t('dash.states')}</caption>
              <thead><tr><th scope="col">${t('list.state')}</th><th scope="col">${t('dash.count')}</th></tr></thead>
              <tbody>${row(t('dash.received'), d.received, 'received', '/demand/requests')}
                ${PUBLIC_STATES.map((s) => row(t(`state.${s}`), d.states[s], s, `/demand/requests?state=${s}`))}</tbody></table></div>
            <div class="table-wrap"><table><caption>${t('dash.responsiveness')}</caption>
              <thead><tr><th scope="col">${t('dash.measure')}</th><th scope="col">${t('dash.count')}</th></tr></thead>
              <tbody>${row(t('dash.onTime'), d.answeredOnTime, 'on-time')}${row(t('dash.lateAnswer'), d.answeredLate, 'answered-late')}
                ${row(t('dash.promiseOverdue'), d.publicationOverdue, 'promise-overdue')}</tbody></table></div>
            <div class="table-wrap"><table><caption>${t('dash.declinedBy')}</caption>
              <thead><tr><th scope="col">${t('dash.reason')}</th><th scope="col">${t('dash.count')}</th></tr></thead>
              <tbody>${DECLINE_REASONS.map((r) => row(t(`reason.${r}`), d.declinedBy[r], `declined-${r}`))}</tbody></table></div>
          </div>
          <h2>${t('dash.byDepartment')}</h2>
          ${
            d.byDepartment.length
              ? html`<div class="table-wrap"><table><caption>${t('dash.byDepartmentCaption')}</caption>
            <thead><tr><th scope="col">${t('list.department')}</th><th scope="col">${t('dash.received')}</th>
              ${PUBLIC_STATES.map((s) => html`<th scope="col">${t(`state.${s}`)}</th>`)}<th scope="col">${t('dash.onTime')}</th><th scope="col">${t('dash.lateAnswer')}</th></tr></thead>
            <tbody>${d.byDepartment.map(
              (
                l,
              ) => html`<tr data-key="${l.department.slug}"><th scope="row"><a href="/demand/requests?organisation=${l.department.id}">${localized(l.department.name, ctx.locale)}</a></th>
              <td>${l.received}</td>${PUBLIC_STATES.map((s) => html`<td>${l.states[s]}</td>`)}<td>${l.answeredOnTime}</td><td>${l.answeredLate}</td></tr>`,
            )}</tbody></table></div>`
              : html`<p>${t('dash.none')}</p>`
          }`,
      };
    });
  });
}
