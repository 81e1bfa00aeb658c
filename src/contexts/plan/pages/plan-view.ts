import { pickLocalized, translator, type Locale, type Localized } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import { planMessages } from '../messages.js';

export const planT = (l: Locale) => translator(planMessages, l);

/** Bilingual text with its language marked, line breaks kept. */
export function localized(value: Localized, locale: Locale, tag: 'p' | 'span' = 'p') {
  const { text, lang } = pickLocalized(value, locale);
  if (!text) return null;
  return tag === 'p' ? html`<p class="prewrap" lang="${lang}">${text}</p>` : html`<span lang="${lang}">${text}</span>`;
}

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
  return locale === 'ko' ? `${y}년 ${Number(m)}월` : new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
};
