import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { html } from '../../../web/html.js';
import { csrfField, type PageContext } from '../../../web/layout.js';
import { formBody } from '../../../web/forms.js';
import { redirectTo, sendPage } from '../../../web/page.js';
import { describeVersion, listVersions } from '../use-cases/describe-upkeep.js';
import { revertVersion } from '../use-cases/restore-version.js';
import { isStewardAnywhere, stewardsOf } from '../use-cases/stewardship.js';
import { diffTable, hide, kst, noticeBlock, problemsBlock, stationName, stationOf, tryForm, upkeepAssets, upT, type Problem } from './upkeep-view.js';

export function registerVersionPages(app: App, services: Services) {
  const historyPage = async (request: FastifyRequest, stationId: string, problems?: Problem[]) => {
    const station = await stationOf(services, stationId);
    const versions = await listVersions(services, station.id);
    const steward = isStewardAnywhere(request.actor, await stewardsOf(services.db, station.id));
    const verified = versions.find((v) => v.verifiedAt);
    return (ctx: PageContext) => {
      const t = upT(ctx.locale);
      const name = stationName(station, ctx.locale);
      return {
        title: t('ver.title', { station: name }),
        body: html`${upkeepAssets}<p><a href="/transit/stations/${station.id}">${t('up.back')}</a></p>${noticeBlock(t, request)}
          <h1>${t('ver.title', { station: name })}</h1><p>${t('ver.intro')}</p>
          <p>${verified ? t('ver.lastVerified', { at: kst(verified.verifiedAt, ctx.locale), org: verified.verifiedBy ?? '–' }) : t('ver.neverVerified')}</p>
          ${problemsBlock(t, problems, ctx.locale)}
          ${
            versions.length
              ? html`<div class="table-wrap"><table><caption>${t('ver.title', { station: name })}</caption>
            <thead><tr><th scope="col">${t('ver.version')}</th><th scope="col">${t('ver.when')}</th><th scope="col">${t('ver.summary')}</th><th scope="col">${t('ver.verified')}</th></tr></thead>
            <tbody>${versions.map(
              (
                v,
                i,
              ) => html`<tr><th scope="row"><a href="/transit/stations/${station.id}/versions/${v.version}">${v.version}</a>${i === 0 ? html` <span class="badge">${t('ver.current')}</span>` : null}</th>
              <td>${kst(v.createdAt, ctx.locale)}</td><td>${t(`ver.kind.${v.kind}` as Parameters<typeof t>[0])}: ${v.summary}
              ${
                i === 0 && v.version > 1 && steward
                  ? html`<form method="post" action="/transit/stations/${station.id}/versions/${v.version}/revert" class="inline-form">${csrfField(ctx)}
                <label for="revert-reason">${t('ver.revertReason')}</label> <input id="revert-reason" name="reason" type="text" maxlength="500" required>
                <button type="submit" class="btn btn-secondary btn-small">${t('ver.revert')}</button></form>`
                  : null
              }</td>
              <td>${v.verifiedAt ? `${kst(v.verifiedAt, ctx.locale)} · ${v.verifiedBy ?? ''}` : '–'}</td></tr>`,
            )}</tbody></table></div>`
              : html`<p>${t('ver.none')}</p>`
          }`,
      };
    };
  };

  app.get('/transit/stations/:id/versions', hide, async (request, reply) =>
    sendPage(request, reply, await historyPage(request, (request.params as { id: string }).id)),
  );

  app.post('/transit/stations/:id/versions/:version/revert', hide, async (request, reply) => {
    const { id, version } = request.params as { id: string; version: string };
    const form = formBody(request.body);
    const n = Number(version);
    if (!Number.isInteger(n) || n < 1) throw new AppError('station_version.not_found', 'station_version not found', 404);
    const result = await tryForm(() => revertVersion(services, request.actor, { stationId: id, version: n, reason: form.reason }));
    if (result.ok) return redirectTo(reply, `/transit/stations/${id}/versions?notice=reverted`);
    return sendPage(request, reply, await historyPage(request, id, result.problems), result.status);
  });

  app.get('/transit/stations/:id/versions/:version', hide, async (request, reply) => {
    const { id, version } = request.params as { id: string; version: string };
    const n = Number(version);
    if (!Number.isInteger(n) || n < 1) throw new AppError('station_version.not_found', 'station_version not found', 404);
    const station = await stationOf(services, id);
    const v = await describeVersion(services, station.id, n);
    return sendPage(request, reply, (ctx) => {
      const t = upT(ctx.locale);
      const title = t('ver.one', { station: stationName(station, ctx.locale), version: v.version });
      return {
        title,
        body: html`${upkeepAssets}<p><a href="/transit/stations/${station.id}/versions">${t('st.history')}</a></p><h1>${title}</h1>
          <p>${t(`ver.kind.${v.kind}` as Parameters<typeof t>[0])}: ${v.summary} · ${kst(v.createdAt, ctx.locale)}</p>
          ${v.proposalId ? html`<p><a href="/transit/proposals/${v.proposalId}">${t('prop.list')}</a></p>` : null}
          <h2>${t('prop.diff')}</h2>${diffTable(t, ctx.locale, v.version === 1 ? [] : v.diff, title)}`,
      };
    });
  });
}
