/** How values read on a page: numbers, text of unknown language, bilingual texts, days in Seoul. */

import { pickLocalized, type Locale, type Localized } from '../core/i18n/messages.js';
import { html } from './html.js';

/** Numbers of data in the reader's locale (up to six decimals), as tables of rows and results show them. */
export const numberFormat = (locale: Locale) => new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { maximumFractionDigits: 6 });

/** Data has no declared language: text with Hangul is marked Korean, so screen readers read it in a Korean voice. */
export const hangulLang = (text: string): 'ko' | null => (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(text) ? 'ko' : null);
export const inLang = (text: string) => {
  const lang = hangulLang(text);
  return lang ? html`<span lang="${lang}">${text}</span>` : text;
};

/** A text stored in both languages, in the reader's (or the other, marked with its `lang`), else `fallback`. */
export const localized = (value: Localized, locale: Locale, fallback = '') => {
  const p = pickLocalized(value, locale);
  return html`<span lang="${p.lang}">${p.text || fallback}</span>`;
};

/** The calendar day in Seoul of an instant, `YYYY-MM-DD`, as pages date posts, answers and changes. */
export const seoulDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
