import { html } from '../../../web/html.js';
import type { PageContext } from '../../../web/layout.js';
import { kst, upT } from './upkeep-view.js';

/** On a station page: when its map was last verified on site, and how to help keep it true. */
export function upkeepBox(
  ctx: PageContext,
  stationId: string,
  hasInterior: boolean,
  verified: { verified_at: string | null; name_ko: string | null; name_en: string | null } | null,
) {
  const t = upT(ctx.locale);
  const org = verified ? ((ctx.locale === 'en' ? (verified.name_en ?? verified.name_ko) : (verified.name_ko ?? verified.name_en)) ?? '–') : '';
  return html`<section aria-labelledby="upkeep-h" class="upkeep-box"><h2 id="upkeep-h">${t('st.upkeep')}</h2>
    ${hasInterior ? html`<p>${verified ? t('ver.lastVerified', { at: kst(verified.verified_at, ctx.locale), org }) : t('ver.neverVerified')}</p>` : null}
    <ul class="action-list">
      <li><a href="/transit/stations/${stationId}/report" class="btn btn-secondary">${t('st.report')}</a></li>
      <li><a href="/transit/stations/${stationId}/survey" class="btn btn-secondary">${t('st.survey')}</a></li>
      <li><a href="/transit/stations/${stationId}/versions">${t('st.history')}</a></li>
      <li><a href="/transit/stations/${stationId}/edit">${t('st.edit')}</a></li>
    </ul></section>`;
}
