import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../../core/context.js';
import { translator } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { layoutT } from '../../../web/layout.js';
import { PROFILES } from '../routing/profiles.js';
import { profileFrom } from './profile-choice.js';
import { loadStationTransfers } from './station-transfers.page.js';
import { transferMapsMessages } from './transfer-maps.messages.js';
import { transferMapBlock } from './transfer-map-view.js';
import { fillHtml, placeName, stationLabel, stationText } from './transit-labels.js';
import { allowFramingFromAnywhere } from '../../../core/http/security-headers.js';

const hide = { schema: { hide: true } };
const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');

/**
 * Pages under /transit/embed/ are made to be framed by any website (the transfer widget): they say so with
 * CSP frame-ancestors and drop any X-Frame-Options set before them. Every other page keeps the app's default.
 */
export async function allowFramingAnywhere(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  allowFramingFromAnywhere(reply);
  return payload;
}

/** A page without the site's header and footer: only what a partner's page shows in its frame. */
function embedDocument(lang: 'ko' | 'en', title: string, body: Html): string {
  return `<!doctype html>${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | ${layoutT(lang)('site.name')}</title>
<link rel="stylesheet" href="/assets/krds/krds_tokens.css">
<link rel="stylesheet" href="/assets/site.css">
<link rel="stylesheet" href="/assets/transit.css">
</head>
<body class="embed">
<main id="main" class="container">
${body}
</main>
<script src="/assets/embed-resize.js" defer></script>
</body>
</html>`}`;
}

export function registerTransferEmbedPage(app: App, services: Services) {
  app.get('/transit/embed/transfer', { ...hide, onSend: allowFramingAnywhere }, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const profile = profileFrom(q);
    const stationId = text(q.station);
    const { station, selected, input } = await loadStationTransfers(services, stationId, { profile, from: text(q.from), to: text(q.to) });
    const locale = request.locale;
    const t = translator(transferMapsMessages, locale);
    const names = { ko: station.name_ko, en: station.name_en };
    const full = `/transit/stations/${encodeURIComponent(station.id)}/transfers?${new URLSearchParams({ profile, ...(selected ? { from: selected.from.stopId, to: selected.to.stopId } : {}) })}`;
    const place = (end: { name: string | null; stopId: string }) => placeName(end.name, end.stopId, locale);
    const body = html`<h1>${fillHtml(t('embed.title'), { station: stationLabel(names, station.id, locale) })}</h1>
      ${
        selected && input
          ? html`<p class="embed-route"><span lang="${locale}">${t('transfers.selectedHeading', { from: place(selected.from), to: place(selected.to) })}</span> · ${PROFILES[profile].label[locale]}</p>
        ${transferMapBlock(locale, input, { level: 1, idBase: 'embed' })}`
          : html`<p>${t('transfers.none')}</p>`
      }
      <p><a href="${full}" target="_blank" rel="noopener">${t('embed.full')}</a></p>
      <p class="muted">${t('embed.source')}</p>`;
    return reply
      .header('cache-control', 'no-store')
      .header('content-language', locale)
      .type('text/html; charset=utf-8')
      .send(embedDocument(locale, t('embed.title', { station: stationText(names, station.id, locale) }), body));
  });
}
