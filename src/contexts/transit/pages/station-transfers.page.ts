import type { App, Services } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { sendPage } from '../../../web/page.js';
import type { TransferMapInput } from '../maps/map-input.js';
import { PROFILES } from '../routing/profiles.js';
import type { ProfileId } from '../routing/route-types.js';
import { listStationTransfers, transferMapInput, type StationTransfer } from '../use-cases/transfer-maps.js';
import { profileFrom, profileRadios, transitAssets } from './profile-choice.js';
import { findStationNames } from '../store/station.repository.js';
import { transferMapsMessages } from './transfer-maps.messages.js';
import { mapQuery, transferMapBlock } from './transfer-map-view.js';
import { fillHtml, minutes, placeName, stationLabel, stationText } from './transit-labels.js';

const hide = { schema: { hide: true } };
const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');
type T = ReturnType<typeof translator<typeof transferMapsMessages>>;

/** The transfer the reader asked for (from/to in the query), else the first one. */
export function selectTransfer(transfers: StationTransfer[], from: string, to: string): StationTransfer | null {
  return transfers.find((x) => x.from.stopId === from && x.to.stopId === to) ?? transfers[0] ?? null;
}

/** A station's transfers and the selected one's map, for the station transfers page and the embed page. */
export async function loadStationTransfers(services: Services, stationId: string, q: { profile: ProfileId; from: string; to: string }) {
  const station = await findStationNames(services.db, stationId);
  if (!station) throw notFound('station');
  const transfers = await listStationTransfers(services, stationId, q.profile);
  const selected = selectTransfer(transfers, q.from, q.to);
  const input = selected
    ? (await transferMapInput(services, stationId, { from: selected.from.stopId, to: selected.to.stopId, profile: q.profile })).input
    : null;
  return { station, transfers, selected, input };
}

const pageHref = (stationId: string, profile: ProfileId, x: StationTransfer) =>
  `/transit/stations/${encodeURIComponent(stationId)}/transfers?${new URLSearchParams({ profile, from: x.from.stopId, to: x.to.stopId })}`;

function transferTable(t: T, locale: Locale, stationId: string, profile: ProfileId, transfers: StationTransfer[], selected: StationTransfer | null): Html {
  const place = (end: StationTransfer['from']) => placeName(end.name, end.stopId, locale);
  return html`<div class="table-wrap"><table class="transfer-table">
    <caption>${t('transfers.caption', { profile: PROFILES[profile].label[locale], n: transfers.length })}</caption>
    <thead><tr><th scope="col">${t('transfers.from')}</th><th scope="col">${t('transfers.to')}</th><th scope="col">${t('transfers.possible')}</th>
      <th scope="col">${t('transfers.time')}</th><th scope="col">${t('transfers.lifts')}</th><th scope="col">${t('transfers.door')}</th><th scope="col">${t('transfers.map')}</th></tr></thead>
    <tbody>${transfers.map((x) => {
      const current = x === selected;
      return html`<tr ${current ? html`class="selected"` : null}><th scope="row" lang="${locale}">${place(x.from)}</th><td lang="${locale}">${place(x.to)}</td>
        <td>${x.feasible ? t('transfers.yes') : html`<strong>${t('transfers.no')}</strong>`}</td>
        <td>${x.timeS === null ? '–' : t('transfers.minutes', { min: minutes(x.timeS) })}</td><td>${x.elevatorRides}</td><td>${x.boardAt ?? '–'}</td>
        <td>${
          current
            ? html`<a href="#selected-h" aria-current="true">${t('transfers.selected')}</a>`
            : html`<a href="${pageHref(stationId, profile, x)}#selected-h" aria-label="${t('transfers.openLabel', { from: place(x.from), to: place(x.to) })}">${t('transfers.open')}</a>`
        }</td></tr>`;
    })}</tbody></table></div>`;
}

/** The code a partner pastes into a page to show this transfer (the script and the element, see transfer-widget.island.ts). */
export function embedSnippet(origin: string, input: TransferMapInput, locale: Locale): string {
  const q = new URLSearchParams(mapQuery(input));
  return (
    `<script src="${origin}/assets/transfer-widget.js" defer></script>\n` +
    `<open-seoul-transfer station="${input.station.id}" from="${q.get('from')}" to="${q.get('to')}" profile="${input.profile.id}" lang="${locale}"></open-seoul-transfer>`
  );
}

export function registerStationTransfersPage(app: App, services: Services) {
  app.get('/transit/stations/:id/transfers', hide, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const profile = profileFrom(q);
    const stationId = (request.params as { id: string }).id;
    const { station, transfers, selected, input } = await loadStationTransfers(services, stationId, { profile, from: text(q.from), to: text(q.to) });
    const origin = services.config.publicUrl.replace(/\/$/, '');
    return sendPage(request, reply, (ctx) => {
      const t = translator(transferMapsMessages, ctx.locale);
      const names = { ko: station.name_ko, en: station.name_en };
      const place = (end: StationTransfer['from']) => placeName(end.name, end.stopId, ctx.locale);
      return {
        title: t('transfers.title', { station: stationText(names, station.id, ctx.locale) }),
        wide: true,
        body: html`${transitAssets}<p><a href="/transit/stations/${station.id}">${t('transfers.back')}</a></p>
          <h1>${fillHtml(t('transfers.title'), { station: stationLabel(names, station.id, ctx.locale) })}</h1>
          <p>${t('transfers.intro')}</p>
          <form method="get" action="/transit/stations/${station.id}/transfers" class="profile-form">
            ${profileRadios(ctx.locale, profile)}
            ${selected ? html`<input type="hidden" name="from" value="${selected.from.stopId}"><input type="hidden" name="to" value="${selected.to.stopId}">` : null}
            <button type="submit" class="btn btn-secondary">${t('transfers.show')}</button>
          </form>
          ${transfers.length ? html`<h2>${t('transfers.list')}</h2>${transferTable(t, ctx.locale, station.id, profile, transfers, selected)}` : html`<p class="alert alert-info">${t('transfers.none')}</p>`}
          ${
            selected && input
              ? html`<section aria-labelledby="selected-h" class="selected-transfer">
            <h2 id="selected-h" tabindex="-1"><span lang="${ctx.locale}">${t('transfers.selectedHeading', { from: place(selected.from), to: place(selected.to) })}</span></h2>
            ${transferMapBlock(ctx.locale, input, { level: 2, idBase: 'selected' })}
            <h3>${t('transfers.embed')}</h3><p>${t('transfers.embedIntro')}</p>
            <pre><code>${embedSnippet(origin, input, ctx.locale)}</code></pre>
            <p><a href="/transit/embed/transfer?${new URLSearchParams({ station: station.id, from: selected.from.stopId, to: selected.to.stopId, profile, lang: ctx.locale }).toString()}">${t('transfers.embedPreview')}</a></p>
          </section>`
              : null
          }`,
      };
    });
  });
}
