import { pickLocalized, translator, type Locale } from '../../../core/i18n/messages.js';
import { html } from '../../../web/html.js';
import type { Page, PageContext } from '../../../web/layout.js';
import { publishMessages } from './publish.messages.js';

/** Shared pieces of the publisher pages: the translator, names of things (the select is src/web/forms.ts). */
export const publishT = (locale: Locale) => translator(publishMessages, locale);
export type PublishT = ReturnType<typeof publishT>;
export type Values = Record<string, string | string[] | undefined>;
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** The page shown instead of a publisher page to someone who may not publish there (status 403). */
export const forbiddenPage = (ctx: PageContext): Page => {
  const t = publishT(ctx.locale);
  return {
    title: t('publish.forbidden.title'),
    body: html`<h1>${t('publish.forbidden.title')}</h1>
      <div class="alert alert-danger" role="alert"><p>${t('publish.forbidden.body')}</p><p class="muted">auth.forbidden</p></div>
      <p><a href="/organisations">${t('publish.forbidden.orgs')}</a></p>`,
  };
};

/** A dataset's title in the reader's language (or the other one, marked), falling back to its id. */
export function datasetTitle(d: { id: string; title_ko: string | null; title_en: string | null }, locale: Locale) {
  const picked = pickLocalized({ ko: d.title_ko, en: d.title_en }, locale);
  return picked.text ? picked : { text: d.id, lang: 'en' as Locale };
}

/** Numbers as people read them (1,234). */
export const count = (n: number, locale: Locale) => n.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-GB');
