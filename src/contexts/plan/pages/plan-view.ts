import { pickLocalized, translator, type Locale, type Localized } from '../../../core/i18n/messages.js';
import { html, userText } from '../../../web/html.js';
import { planMessages } from '../messages.js';

export const planT = (l: Locale) => translator(planMessages, l);

/**
 * Bilingual text with its language marked, line breaks kept. `translated` names the fields (`titleKo`…) that
 * are Open Seoul's translation: the text shown from one of them carries the label that says so.
 */
export function localized(value: Localized, locale: Locale, tag: 'p' | 'span' = 'p', opts: { field?: string; translated?: string[] } = {}) {
  const { text } = pickLocalized(value, locale);
  if (!text) return null;
  const { lang } = pickLocalized(value, locale);
  const mark = opts.field && isTranslation(value, locale, opts.field, opts.translated) ? translationBadge(locale) : null;
  return tag === 'p'
    ? html`<p class="prewrap" lang="${lang}">${text}</p>${mark ? html`<p>${mark}</p>` : null}`
    : html`<span lang="${lang}">${text}</span>${mark ? html` ${mark}` : null}`;
}

/** Is the text shown for this field (in the reader's language, or the other one when it is missing) our translation? */
export function isTranslation(value: Localized, locale: Locale, field: string, translated: string[] | undefined): boolean {
  const { text, lang } = pickLocalized(value, locale);
  return !!text && !!translated?.includes(`${field}${lang === 'ko' ? 'Ko' : 'En'}`);
}

/** The label beside a text that is our translation, not the city's words. */
export const translationBadge = (locale: Locale) => html`<span class="badge" data-translation="open-seoul">${planT(locale)('content.translated')}</span>`;

/** Free text in one language only (a name, a place): marked with the language its letters tell. */
export const freeText = userText;

export const field = (row: Record<string, unknown>, name: string): Localized => ({
  ko: (row[`${name}_ko`] as string | null) ?? null,
  en: (row[`${name}_en`] as string | null) ?? null,
});

export function progressBar(percent: number, label: string) {
  return html`<div class="progress"><progress max="100" value="${percent}" aria-label="${label}">${percent}%</progress> <span>${percent}%</span></div>`;
}

export const monthLabel = (month: string | null, locale: Locale) => {
  if (!month) return '–';
  const [y, m] = month.split('-');
  return locale === 'ko'
    ? `${y}년 ${Number(m)}월`
    : new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
};
