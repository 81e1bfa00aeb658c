import { pickLocalized, translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { FieldError, Page, PageContext } from '../../../web/layout.js';
import { publishMessages } from './publish.messages.js';

/** Shared pieces of the publisher pages: the translator, a select in the KRDS form style, names of things. */
export const publishT = (locale: Locale) => translator(publishMessages, locale);
export type PublishT = ReturnType<typeof publishT>;
export type Values = Record<string, string | string[] | undefined>;
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] ?? '' : v ?? '');

export interface Option { value: string; label: string; lang?: string }

/** A select with its label, hint and error tied to it for screen readers (as textField does for inputs). */
export function selectField(opts: { name: string; label: string; options: Option[]; value?: string; hint?: string; errors?: FieldError[] }): Html {
  const id = `f-${opts.name}`;
  const error = opts.errors?.find((e) => e.field === opts.name);
  const describedBy = [opts.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="form-group${error ? ' has-error' : ''}"><label for="${id}">${opts.label}</label>
    ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : null}
    ${error ? html`<p class="field-error" id="${id}-error">${error.message}</p>` : null}
    <select id="${id}" name="${opts.name}" ${describedBy ? html`aria-describedby="${describedBy}"` : null} ${error ? html`aria-invalid="true"` : null}>
      ${opts.options.map((o) => html`<option value="${o.value}" ${o.lang ? html`lang="${o.lang}"` : null} ${o.value === (opts.value ?? '') ? html`selected` : null}>${o.label}</option>`)}
    </select></div>`;
}

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
