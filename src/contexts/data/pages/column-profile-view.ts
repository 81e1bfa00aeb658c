import { translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { ColumnProfile } from '../domain/table-schema.js';
import { catalogueMessages } from './catalogue.messages.js';
import { inLang, numberFormat } from '../../../web/text.js';

/**
 * The column profile of a version: one row per column with its type, empty and distinct counts, range, mean,
 * a small histogram (an SVG image whose name lists every bin, its text equivalent) and the frequent values.
 */
const W = 120;
const H = 32;
const TOP_SHOWN = 5;

const valueText = (v: string | number | null, locale: Locale) => (v === null ? '–' : typeof v === 'number' ? numberFormat(locale).format(v) : v);

export function histogramSvg(p: ColumnProfile, locale: Locale): Html | null {
  const bins = p.histogram;
  if (!bins?.length) return null;
  const t = translator(catalogueMessages, locale);
  const max = Math.max(...bins.map((b) => b.count), 1);
  const w = W / bins.length;
  const label = t('profile.histogramOf', {
    column: p.name,
    bins: bins
      .map((b) => t('profile.bin', { from: valueText(b.from, locale), to: valueText(b.to, locale), n: numberFormat(locale).format(b.count) }))
      .join(', '),
  });
  return html`<svg class="histogram" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"><title>${label}</title>
    ${bins.map((b, i) => {
      const h = b.count ? Math.max(1, (b.count / max) * (H - 2)) : 0;
      return html`<rect x="${(i * w + 0.5).toFixed(2)}" y="${(H - h).toFixed(2)}" width="${Math.max(w - 1, 1).toFixed(2)}" height="${h.toFixed(2)}" fill="#256ef4"/>`;
    })}<line x1="0" x2="${W}" y1="${H - 0.5}" y2="${H - 0.5}" stroke="#464c53"/></svg>`;
}

export function columnProfileTable(profiles: ColumnProfile[], locale: Locale, rows: number): Html {
  const t = translator(catalogueMessages, locale);
  const n = (v: number) => numberFormat(locale).format(v);
  const pct = (v: number) => (rows ? ` (${Math.round((v / rows) * 1000) / 10}%)` : '');
  return html`<div class="table-wrap data-table profile-table" role="region" aria-labelledby="profile-caption" tabindex="0">
    <table id="profile"><caption id="profile-caption">${t('dataset.profile')}</caption>
    <thead><tr><th scope="col">${t('profile.column')}</th><th scope="col">${t('profile.type')}</th><th scope="col" class="num">${t('profile.nulls')}</th>
      <th scope="col" class="num">${t('profile.distinct')}</th><th scope="col">${t('profile.min')}</th><th scope="col">${t('profile.max')}</th>
      <th scope="col" class="num">${t('profile.mean')}</th><th scope="col">${t('profile.histogram')}</th><th scope="col">${t('profile.top')}</th></tr></thead>
    <tbody>${profiles.map(
      (p) => html`<tr>
      <th scope="row">${inLang(p.name)}</th><td>${t(`field.${p.type}`)}</td>
      <td class="num">${n(p.nulls)}${pct(p.nulls)}</td><td class="num">${n(p.distinct)}</td>
      <td>${inLang(String(valueText(p.min, locale)))}</td><td>${inLang(String(valueText(p.max, locale)))}</td>
      <td class="num">${p.mean === undefined || p.mean === null ? '–' : n(p.mean)}</td>
      <td>${histogramSvg(p, locale) ?? '–'}</td>
      <td>${p.top.length ? html`<ol class="top-values">${p.top.slice(0, TOP_SHOWN).map((v) => html`<li>${topValue(v, locale)}</li>`)}</ol>` : '–'}</td>
    </tr>`,
    )}</tbody></table></div>`;
}

function topValue(v: ColumnProfile['top'][number], locale: Locale): Html {
  const t = translator(catalogueMessages, locale);
  const value = String(valueText(v.value, locale));
  const [before = '', after = ''] = t('profile.topValue', { value: '\u0000', n: numberFormat(locale).format(v.count) }).split('\u0000');
  return html`${before}${inLang(value)}${after}`;
}
