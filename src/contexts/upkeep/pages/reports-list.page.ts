import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { findOrganisationBySlug } from '../../accounts/index.js';
import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { sendPage } from '../../../web/page.js';
import { listReports, type ReportView } from '../use-cases/list-reports.js';
import { rlT } from './reports.messages.js';
import { clockWords } from './station-reports.js';
import { hide, kst, stationName, stationOf, upkeepAssets } from './upkeep-view.js';

type Show = 'all' | 'open' | 'closed';
const showOf = (request: FastifyRequest): Show => {
  const s = (request.query as { status?: unknown }).status;
  return s === 'open' || s === 'closed' ? s : 'all';
};

function reportTable(ctx: PageContext, reports: ReportView[], caption: string) {
  const t = rlT(ctx.locale);
  const l = ctx.locale;
  if (!reports.length) return html`<p>${t('rl.none')}</p>`;
  return html`<div class="table-wrap"><table class="report-list"><caption>${caption}</caption>
    <thead><tr><th scope="col">${t('rl.received')}</th><th scope="col">${t('rl.problem')}</th><th scope="col">${t('rl.where')}</th><th scope="col">${t('rl.status')}</th><th scope="col">${t('rl.due')}</th><th scope="col">${t('rl.answer')}</th></tr></thead>
    <tbody>${reports.map(
      (r) => html`<tr data-report="${r.id}" data-status="${r.status}">
      <td>${kst(r.receivedAt, l)}</td>
      <td><a href="${r.url}">${r.problemName[l]}</a></td>
      <td><a href="/transit/stations/${r.station.id}">${r.station.name[l]}</a>${r.facility ? html`<br><span class="muted">${r.facility.name ?? ''}${r.facility.location ? ` (${r.facility.location})` : ''}</span>` : null}</td>
      <td>${r.statusName[l]}</td>
      <td>${r.clock ? clockWords(t, r) : r.answeredOnTime === null ? '–' : t(r.answeredOnTime ? 'rl.answeredOnTime' : 'rl.answeredLate')}</td>
      <td>${r.answer ? html`<span class="prewrap">${r.answer.reasons}</span><br><span class="muted">${kst(r.answer.publishedAt, l)} · ${r.organisation.name[l]}</span>` : html`<span class="muted">${t('rl.noAnswer')}</span>`}</td>
    </tr>`,
    )}</tbody></table></div>`;
}

function filterNav(ctx: PageContext, base: string, show: Show) {
  const t = rlT(ctx.locale);
  const link = (s: Show, label: string) =>
    html`<li><a href="${s === 'all' ? base : `${base}?status=${s}`}" ${s === show ? html`aria-current="page"` : null}>${label}</a></li>`;
  return html`<nav aria-label="${t('rl.filter')}"><ul class="action-list">${link('all', t('rl.all'))}${link('open', t('rl.open'))}${link('closed', t('rl.closed'))}</ul></nav>`;
}

/** The public lists of reports: per station and per operator (the organisation that must answer), with their answers. */
export function registerReportListPages(app: App, services: Services) {
  app.get('/transit/stations/:id/reports', hide, async (request, reply) => {
    const station = await stationOf(services, (request.params as { id: string }).id);
    const show = showOf(request);
    const reports = await listReports(services, { stationId: station.id, status: show === 'all' ? undefined : show, limit: 500 });
    return sendPage(request, reply, (ctx) => {
      const t = rlT(ctx.locale);
      const title = t('rl.stationTitle', { station: stationName(station, ctx.locale) });
      const orgs = [...new Map(reports.map((r) => [r.organisation.slug, r.organisation])).values()];
      return {
        title,
        wide: true,
        body: html`${upkeepAssets}<p><a href="/transit/stations/${station.id}">${stationName(station, ctx.locale)}</a></p><h1>${title}</h1><p>${t('rl.intro')}</p>
          ${filterNav(ctx, `/transit/stations/${station.id}/reports`, show)}
          ${reportTable(ctx, reports, t('rl.count', { n: reports.length }))}
          ${orgs.length ? html`<ul>${orgs.map((o) => html`<li><a href="/transit/operators/${o.slug}/reports">${t('rl.operatorLink', { org: o.name[ctx.locale] })}</a></li>`)}</ul>` : null}
          <p><a href="/api/v1/transit/stations/${station.id}/reports">${t('rl.api')}</a> · <a href="/open311/v2/services.json">${t('rl.open311')}</a></p>`,
      };
    });
  });

  app.get('/transit/operators/:slug/reports', hide, async (request, reply) => {
    const slug = (request.params as { slug: string }).slug;
    const org = await findOrganisationBySlug(services.db, slug);
    if (!org) throw notFound('organisation');
    const show = showOf(request);
    const reports = await listReports(services, { organisationSlug: slug, status: show === 'all' ? undefined : show, limit: 500 });
    return sendPage(request, reply, (ctx) => {
      const t = rlT(ctx.locale);
      const name = (ctx.locale === 'en' ? (org.name_en ?? org.name_ko) : (org.name_ko ?? org.name_en)) ?? slug;
      const title = t('rl.operatorTitle', { org: name });
      return {
        title,
        wide: true,
        body: html`${upkeepAssets}<p><a href="/transit/upkeep">${t('rl.all')}</a></p><h1>${title}</h1><p>${t('rl.intro')}</p>
          ${filterNav(ctx, `/transit/operators/${slug}/reports`, show)}
          ${reportTable(ctx, reports, t('rl.count', { n: reports.length }))}
          <p><a href="/api/v1/transit/operators/${slug}/reports">${t('rl.api')}</a> · <a href="/open311/v2/services.json">${t('rl.open311')}</a></p>`,
      };
    });
  });
}
