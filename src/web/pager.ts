import { defineMessages, type Locale, translator } from '../core/i18n/messages.js';
import { type Html, html } from './html.js';

/**
 * The links between the pages of a server-rendered list (the data catalogue, the demand window's requests): a
 * navigation landmark named "쪽 이동" with previous/next (rel=prev/next), the first and last pages and two
 * around the current one, which is marked aria-current="page" and is not a link. Styled by `.pager` (site.css).
 */
const pagerMessages = defineMessages({
  'pager.label': { ko: '쪽 이동', en: 'Pages' },
  'pager.prev': { ko: '이전', en: 'Previous' },
  'pager.next': { ko: '다음', en: 'Next' },
  'pager.page': { ko: '{n}쪽', en: 'Page {n}' },
});

/** The deepest page a list links to; a `page` parameter beyond it (or not a positive integer) reads as page 1. */
export const MAX_PAGE = 9_999;

/** The `page` query parameter: a positive integer up to MAX_PAGE, anything else page 1. */
export function readPage(value: unknown): number {
  const page = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(page) && page > 0 && page <= MAX_PAGE ? page : 1;
}

/** How many pages `total` items make, `pageSize` a page (at least one, so an empty list has its page 1). */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

export interface PagerOptions {
  total: number;
  pageSize: number;
  /** The page shown, from 1. */
  page: number;
  /** The URL of a page of the same list (same filters and sort). */
  href: (page: number) => string;
  locale: Locale;
}

/** The pager of a list, or null when one page holds all of it. */
export function pager({ total, pageSize, page, href, locale }: PagerOptions): Html | null {
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  const t = translator(pagerMessages, locale);
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return html`<nav aria-label="${t('pager.label')}" class="pager"><ul>
    ${page > 1 ? html`<li><a href="${href(page - 1)}" rel="prev">${t('pager.prev')}</a></li>` : null}
    ${shown.map((p) => (p === page ? html`<li><span aria-current="page">${t('pager.page', { n: p })}</span></li>` : html`<li><a href="${href(p)}">${t('pager.page', { n: p })}</a></li>`))}
    ${page < pages ? html`<li><a href="${href(page + 1)}" rel="next">${t('pager.next')}</a></li>` : null}</ul></nav>`;
}
