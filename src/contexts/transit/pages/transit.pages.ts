import type { App, Services } from '../../../core/context.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { sendPage } from '../../../web/page.js';
import { transitMessages } from '../messages.js';
import { describeElevatorData } from '../seoul/elevator-data.js';
import { findStations, listRiderLines, loadStation, stationGraph } from '../store/station.repository.js';
import { journeyMessages } from './journey.messages.js';
import { interiorSection } from './level-view.js';
import { transferMapsMessages } from './transfer-maps.messages.js';
import { elevatorInfo, facilitySections } from './station-facilities-view.js';
import { fillHtml, lineLabel } from './transit-labels.js';
import { findLatestImport } from '../store/network.repository.js';
import { describeStatusBasis } from '../domain/status-basis.js';
import { transitPorts } from '../domain/ports.js';
import { networkMapMessages } from './network-map.messages.js';
import { stationMapFigure } from './station-map-view.js';

const nmT = (l: Locale) => translator(networkMapMessages, l);

const hide = { schema: { hide: true } };
const tr = (l: Locale) => translator(transitMessages, l);
const mmss = (s: number | null) => (s === null ? '–' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);

export function registerTransitPages(app: App, services: Services) {
  app.get('/transit', hide, async (request, reply) => {
    const query = request.query as { q?: string; line?: string };
    const q = typeof query.q === 'string' ? query.q.slice(0, 100) : '';
    const line = typeof query.line === 'string' ? query.line.slice(0, 40) : '';
    const [lines, result] = await Promise.all([
      listRiderLines(services.db),
      q || line ? findStations(services.db, { q, line: line || undefined, limit: 200, offset: 0 }) : Promise.resolve(null),
    ]);
    return sendPage(request, reply, (ctx) => {
      const t = tr(ctx.locale);
      return {
        title: t('transit.title'),
        body: html`<h1>${t('transit.title')}</h1><p>${t('transit.intro')}</p>
          <p><a href="/transit/journey">${translator(journeyMessages, ctx.locale)('journey.link')}</a></p>
          <p><a href="/transit/map">${translator(networkMapMessages, ctx.locale)('nm.link')}</a></p>
          ${transitPorts().stationPages.frontPageLink(ctx.locale)}
          <form method="get" action="/transit" role="search" class="stack">
            <div class="form-group"><label for="t-q">${t('transit.q')}</label><p class="hint" id="t-q-hint">${t('transit.qHint')}</p>
              <input id="t-q" name="q" type="search" value="${q}" aria-describedby="t-q-hint"></div>
            <div class="form-group"><label for="t-line">${t('transit.line')}</label><select id="t-line" name="line"><option value="">${t('transit.allLines')}</option>
              ${lines.map((l) => html`<option value="${l.id}" ${l.id === line ? html`selected` : null}>${ctx.locale === 'en' && l.name_en ? l.name_en : l.name_ko}</option>`)}</select></div>
            <button type="submit" class="btn btn-primary">${t('transit.search')}</button></form>
          ${
            result
              ? html`<h2 role="status">${t('transit.results', { n: result.total })}</h2>
            ${
              result.items.length
                ? html`<ul class="stack station-list">${result.items.map(
                    (
                      s,
                    ) => html`<li><a href="/transit/stations/${s.id}"><span lang="ko">${s.name_ko}</span>${s.name_en ? html` · <span lang="en">${s.name_en}</span>` : null}${s.name_romanised ? html` · <span lang="ko-Latn">${s.name_romanised}</span>` : null}</a>
              <span class="muted">${s.riderLines.map((l) => (ctx.locale === 'en' && l.name_en ? l.name_en : l.name_ko)).join(', ')}</span></li>`,
                  )}</ul>`
                : html`<p>${t('transit.none')}</p>`
            }`
              : null
          }
          <p><a href="/transit/imports">${t('transit.import')}</a></p>`,
      };
    });
  });

  app.get('/transit/stations/:id', hide, async (request, reply) => {
    const { station, lines, transfers, facilities, riderLines } = await loadStation(services.db, (request.params as { id: string }).id);
    const graph = await stationGraph(services.db, station.id);
    const now = services.now();
    const basis = new Map(facilities.map((f) => [f.id, describeStatusBasis(f, now, services.config.transitStatusStaleMinutes)]));
    const extra = JSON.parse(station.extra || '{}') as { phones?: Array<{ line: string; phone: string }> };
    const elevatorData = describeElevatorData({
      stationName: { ko: station.name_ko ?? station.id, en: station.name_en },
      sections: lines.map((l) => l.line_id),
      riderLines,
      facilities,
      phones: extra.phones ?? [],
    });
    const codes = new Map(lines.map((l) => [l.line_id, l.external_code]));
    const renderUpkeep = await transitPorts().stationPages.load(services, { id: station.id, hasInterior: graph.nodes.length > 0 });
    return sendPage(request, reply, (ctx) => {
      const t = tr(ctx.locale);
      const upkeep = renderUpkeep(ctx); // what upkeep shows: when verified, how to help, open reports
      const name = ctx.locale === 'en' && station.name_en ? station.name_en : (station.name_ko ?? '');
      return {
        title: name,
        wide: true,
        body: html`<p><a href="/transit">${t('transit.title')}</a> · <a href="/transit/map#nm-svg" data-network-map>${nmT(ctx.locale)('nm.networkLink')}</a></p>
          <h1><span lang="${ctx.locale === 'en' && station.name_en ? 'en' : 'ko'}">${name}</span></h1>
          <p class="muted"><span lang="ko">${station.name_ko}</span>${station.name_en ? html` · <span lang="en">${station.name_en}</span>` : null}${station.name_romanised ? html` · <span lang="ko-Latn">${station.name_romanised}</span>` : null}${station.name_zh ? html` · <span lang="zh">${station.name_zh}</span>` : null}${station.name_ja ? html` · <span lang="ja">${station.name_ja}</span>` : null}</p>
          <h2>${t('transit.lines')}</h2><ul class="line-list">${riderLines.map((r) => {
            const own = ctx.locale === 'en' && r.name_en ? html`${r.name_en}` : html`<span lang="ko">${r.name_ko}</span>`;
            const external = r.lineIds
              .map((id) => codes.get(id))
              .filter(Boolean)
              .join(', ');
            return html`<li data-line="${r.id}">${own}${external ? html` <span class="muted">(${external})</span>` : null}${r.alsoCalled.length ? html` <span class="muted">· ${fillHtml(t('transit.alsoCalled'), { names: html`<span lang="ko">${r.alsoCalled.join(', ')}</span>` })}</span>` : null}</li>`;
          })}</ul>
          ${elevatorInfo(ctx, elevatorData)}
          ${transfers.length ? html`<h2>${t('transit.transfers')}</h2><ul>${transfers.map((x) => html`<li>${t('transit.transferRow', { from: lineLabel(x.from_line_id, ctx.locale), to: lineLabel(x.to_line_id, ctx.locale), m: x.distance_m ?? '–', time: mmss(x.time_s) })}</li>`)}</ul>` : null}
          ${graph.nodes.length ? html`<p><a href="/transit/stations/${station.id}/transfers">${translator(transferMapsMessages, ctx.locale)('transfers.link')}</a></p>` : null}
          ${graph.nodes.length ? interiorSection(ctx, graph, station, { geojsonHref: `/api/v1/transit/stations/${station.id}/interior.geojson` }) : null}
          ${stationMapFigure(ctx.locale, station.id, name)}
          ${upkeep.sections}
          <h2>${t('transit.facilities')}</h2>
          ${facilitySections(ctx, facilities, basis, upkeep.facilityFlags)}
          <p class="muted">${t('transit.provenance')}</p>`,
      };
    });
  });

  app.get('/transit/imports', hide, async (request, reply) => {
    const row = await findLatestImport(services.db, 'seoul');
    const summary = row
      ? (JSON.parse(row.summary) as { counts: Record<string, number>; unmatched: Array<{ file: string; line: number; reason: string; value: string }> })
      : null;
    return sendPage(request, reply, (ctx) => {
      const t = tr(ctx.locale);
      return {
        title: t('transit.import'),
        wide: true,
        body: html`<h1>${t('transit.import')}</h1><p>${t('transit.importIntro')}</p>
          ${
            summary
              ? html`<h2>${t('transit.counts')}</h2><ul>${Object.entries(summary.counts).map(([k, n]) => html`<li>${k}: ${n}</li>`)}</ul>
            <div class="table-wrap"><table><caption>${t('transit.import')} (${summary.unmatched.length})</caption><thead><tr><th scope="col">${t('transit.file')}</th><th scope="col">${t('transit.row')}</th><th scope="col">${t('transit.reason')}</th><th scope="col">${t('transit.value')}</th></tr></thead>
            <tbody>${summary.unmatched.map((u) => html`<tr><td lang="ko">${u.file}</td><td>${u.line}</td><td lang="en">${u.reason}</td><td lang="ko">${u.value}</td></tr>`)}</tbody></table></div>`
              : html`<p>${t('transit.none')}</p>`
          }`,
      };
    });
  });
}
