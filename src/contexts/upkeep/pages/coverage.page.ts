import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { html } from '../../../web/html.js';
import { sendPage } from '../../../web/page.js';
import { buildCoverage } from '../use-cases/build-coverage.js';
import { photoFor } from '../use-cases/photo-access.js';
import { photoKey } from '../use-cases/upload-photo.js';
import { hide, kst, upkeepAssets, upT } from './upkeep-view.js';
import { volT } from './volunteers-view.js';

export function registerCoveragePage(app: App, services: Services) {
  app.get('/transit/upkeep', hide, async (request, reply) => {
    const c = await buildCoverage(services);
    return sendPage(request, reply, (ctx) => {
      const t = upT(ctx.locale);
      const hours = (n: number | null) => (n === null ? t('cov.none') : t('cov.hours', { n }));
      const stat = (label: string, value: string | number, note?: string) =>
        html`<li class="stat"><span class="stat-value">${value}</span><span class="stat-label">${label}</span>${note ? html`<span class="muted">${note}</span>` : null}</li>`;
      return {
        title: t('cov.title'),
        wide: true,
        body: html`${upkeepAssets}<h1>${t('cov.title')}</h1><p>${t('cov.intro')}</p>
          <ul class="stats">
            ${stat(t('cov.withInterior'), c.totals.withInterior, t('cov.of', { n: c.totals.stations }))}
            ${stat(t('cov.verified'), c.totals.verified)}
            ${stat(t('cov.stale', { days: c.totals.verifiedStaleAfterDays }), c.totals.stale)}
            ${stat(t('cov.openReports'), c.totals.openReports)}
            ${stat(t('cov.pending'), c.totals.pendingProposals)}
            ${stat(t('cov.mttr'), hours(c.totals.meanHoursToResolve))}</ul>
          <h2 id="stations-h">${t('cov.stations')}</h2>
          <div class="table-wrap"><table aria-labelledby="stations-h"><thead><tr><th scope="col">${t('cov.station')}</th><th scope="col">${t('cov.version')}</th>
            <th scope="col">${t('cov.lastVerified')}</th><th scope="col">${t('cov.freshness')}</th><th scope="col">${t('cov.openReports')}</th><th scope="col">${t('cov.pending')}</th><th scope="col">${t('cov.actions')}</th></tr></thead>
            <tbody>${c.stations.map(
              (
                s,
              ) => html`<tr><th scope="row"><a href="/transit/stations/${s.stationId}" lang="${ctx.locale === 'en' && s.nameEn ? 'en' : 'ko'}">${(ctx.locale === 'en' ? (s.nameEn ?? s.nameKo) : s.nameKo) ?? s.stationId}</a></th>
              <td><a href="/transit/stations/${s.stationId}/versions">${s.version ?? 1}</a></td>
              <td>${s.lastVerifiedAt ? `${kst(s.lastVerifiedAt, ctx.locale)} · ${s.verifiedBy ?? ''}` : '–'}</td>
              <td>${!s.lastVerifiedAt ? t('cov.never') : s.stale ? html`<strong>${t('cov.isStale')}</strong>` : t('cov.fresh')}</td>
              <td>${s.openReports}</td><td>${s.pendingProposals ? html`<a href="/transit/proposals?station=${s.stationId}&status=pending">${s.pendingProposals}</a>` : '0'}</td>
              <td><a href="/transit/stations/${s.stationId}/survey">${t('st.survey')}</a></td></tr>`,
            )}</tbody></table></div>
          <h2 id="orgs-h">${t('cov.orgs')}</h2>
          <div class="table-wrap"><table aria-labelledby="orgs-h"><thead><tr><th scope="col">${t('cov.org')}</th><th scope="col">${t('cov.attributes')}</th><th scope="col">${t('cov.approvals')}</th>
            <th scope="col">${t('cov.openReports')}</th><th scope="col">${t('cov.resolved')}</th><th scope="col">${t('cov.mttr')}</th></tr></thead>
            <tbody>${c.organisations.map(
              (
                o,
              ) => html`<tr><th scope="row"><a href="/organisations/${o.slug}">${(ctx.locale === 'en' ? (o.nameEn ?? o.nameKo) : (o.nameKo ?? o.nameEn)) ?? o.slug}</a></th>
              <td>${o.attributes
                .map((a) => {
                  const [attr, at] = a.split(' @ ');
                  return `${t(`prop.attr.${attr}` as Parameters<typeof t>[0])}${at ? ` (${at})` : ''}`;
                })
                .join(', ')}</td>
              <td>${o.approvals}</td><td>${o.reportsOpen}</td><td>${o.reportsResolved}</td><td>${hours(o.meanHoursToResolve)}</td></tr>`,
            )}</tbody></table></div>
          <h2>${t('cov.feeds')}</h2><ul>
            <li><a href="/transit/changes.atom">${t('cov.atom')}</a></li><li><a href="/api/v1/transit/changes">${t('cov.json')}</a></li>
            <li><a href="/api/v1/transit/alerts.pb">${t('cov.alerts')}</a> (<a href="/api/v1/transit/alerts">JSON</a>)</li>
            <li><a href="/transit/proposals">${t('prop.list')}</a></li>
            ${ctx.user?.role === 'admin' ? html`<li><a href="/transit/stewards">${volT(ctx.locale)('stw.title')}</a></li>` : null}</ul>`,
      };
    });
  });

  app.get('/transit/photos/:id', hide, async (request, reply) => {
    const row = await photoFor(services, request.actor, (request.params as { id: string }).id); // 404, or 401/403 while private
    const data = await services.files.get(photoKey(row));
    if (!data) throw new AppError('photo.not_found', 'photo not found', 404);
    // A private photo is never kept by a shared cache; a public one never changes.
    return reply
      .type(row.mime)
      .header('cache-control', row.public_at ? 'public, max-age=86400, immutable' : 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-length', data.size)
      .send(data.body);
  });
}
