import type { Locale } from '../core/i18n/messages.js';
import { html } from './html.js';

/** Numbers of data in the reader's locale (up to six decimals), as tables of rows and results show them. */
export const numberFormat = (locale: Locale) => new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { maximumFractionDigits: 6 });

/** Data has no declared language: text with Hangul is marked Korean, so screen readers read it in a Korean voice. */
export const hangulLang = (text: string): 'ko' | null => (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(text) ? 'ko' : null);
export const inLang = (text: string) => {
  const lang = hangulLang(text);
  return lang ? html`<span lang="${lang}">${text}</span>` : text;
};
