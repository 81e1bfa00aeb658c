import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import { networkMapMessages } from './network-map.messages.js';

/** The station page's map of what is known (every station has one: /api/v1/transit/stations/{id}/map.svg). */
export function stationMapFigure(locale: Locale, stationId: string, name: string): Html {
  const t = translator(networkMapMessages, locale);
  const src = `/api/v1/transit/stations/${encodeURIComponent(stationId)}/map.svg?lang=${locale}`;
  const pdf = `/api/v1/transit/stations/${encodeURIComponent(stationId)}/map.pdf?lang=${locale}`;
  return html`<section aria-labelledby="station-map-h" class="station-map"><h2 id="station-map-h">${t('nm.stationMap')}</h2>
    <figure><img src="${src}" alt="${t('sm.alt', { station: name })}" loading="lazy" style="max-width:100%;height:auto" data-station-map>
    <figcaption>${t('sm.title', { station: name })}: <a href="${src}" type="image/svg+xml">SVG</a> · <a href="${pdf}" type="application/pdf" data-station-map-pdf>${t('sm.pdf')}</a></figcaption></figure></section>`;
}
