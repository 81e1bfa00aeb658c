import type { Services } from '../../../core/context.js';
import { pickLocalized, translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { Page, PageContext } from '../../../web/layout.js';
import { catalogueMessages } from './catalogue.messages.js';
import {
  FACETS,
  searchCatalogue,
  SORTS,
  type CatalogueItem,
  type CatalogueQuery,
  type CatalogueResult,
  type CatalogueSort,
  type Facet,
  type FacetValue,
} from './catalogue-search.js';
import { dataLinks, queryString } from './data-links.js';
import { day, licenceName, topicName } from './dataset-sections.js';
import { numberFormat } from '../../../web/text.js';
import { pager, readPage } from '../../../web/pager.js';

/**
 * /data: one GET form (words, facet checkboxes with counts, sort) so search works without scripts; results
 * with title in the reader's language (or the other), publisher, licence, update, formats and rows; pages.
 */
export const PAGE_SIZE = 20;
type Query = Record<string, unknown>;
type T = ReturnType<typeof translator<typeof catalogueMessages>>;

const text = (v: unknown): string => (Array.isArray(v) ? text(v[0]) : typeof v === 'string' ? v.slice(0, 200) : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(text).filter(Boolean).slice(0, 20);

export function parseCatalogueQuery(q: Query): CatalogueQuery {
  const sort = text(q.sort);
  return {
    q: text(q.q).trim(),
    filters: Object.fromEntries(FACETS.map((f) => [f, list(q[f])])) as Record<Facet, string[]>,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as CatalogueSort) : 'relevance',
    page: readPage(text(q.page)),
    pageSize: PAGE_SIZE,
  };
}

export interface CatalogueView {
  query: CatalogueQuery;
  result: CatalogueResult;
}

export async function catalogueView(services: Services, q: Query): Promise<CatalogueView> {
  const query = parseCatalogueQuery(q);
  return { query, result: await searchCatalogue(services.db, query) };
}

/** The catalogue URL for the same search on another page. */
const pageHref = (query: CatalogueQuery, page: number) =>
  `${dataLinks.catalogue}${queryString([
    ['q', query.q],
    ...FACETS.flatMap((f) => query.filters[f].map((v): [string, string] => [f, v])),
    ['sort', query.sort],
    ['page', page > 1 ? page : undefined],
  ])}`;

function facetLabel(facet: Facet, v: FacetValue, locale: Locale): Html | string {
  if (facet === 'topic') return topicName(v.value, locale);
  if (facet === 'licence') return licenceName(v.value, locale);
  if (facet === 'publisher' && v.label) {
    const name = pickLocalized(v.label, locale);
    return html`<span lang="${name.lang}">${name.text || v.value}</span>`;
  }
  return v.value;
}

function facetFields(t: T, view: CatalogueView, locale: Locale): Html {
  const n = numberFormat(locale);
  return html`<div class="facets"><h2>${t('data.filters')}</h2>
    ${FACETS.map((facet) =>
      view.result.facets[facet].length
        ? html`<fieldset><legend>${t(`data.facet.${facet}`)}</legend><ul>
      ${view.result.facets[facet].map(
        (
          v,
          k,
        ) => html`<li class="check"><input type="checkbox" id="facet-${facet}-${k}" name="${facet}" value="${v.value}"${v.selected ? html` checked` : null}>
        <label for="facet-${facet}-${k}">${facetLabel(facet, v, locale)} <span class="count">(${n.format(v.count)})</span></label></li>`,
      )}</ul></fieldset>`
        : null,
    )}
    <button type="submit" class="btn btn-secondary">${t('data.apply')}</button>
    ${FACETS.some((f) => view.query.filters[f].length) || view.query.q ? html`<p><a href="${dataLinks.catalogue}">${t('data.clear')}</a></p>` : null}</div>`;
}

function resultItem(t: T, item: CatalogueItem, locale: Locale): Html {
  const title = pickLocalized(item.title, locale);
  const description = pickLocalized(item.description, locale);
  const publisher = item.publisher ? pickLocalized(item.publisher.name, locale) : null;
  const short = description.text.length > 220 ? `${description.text.slice(0, 219)}…` : description.text;
  return html`<li class="result"><h3><a href="${dataLinks.dataset(item.id)}" lang="${title.lang}">${title.text || item.id}</a></h3>
    ${short ? html`<p lang="${description.lang}">${short}</p>` : null}
    <dl class="result-meta">
      <div><dt>${t('dataset.publisher')}:</dt> <dd>${publisher ? html`<span lang="${publisher.lang}">${publisher.text}</span>` : t('data.noPublisher')}</dd></div>
      <div><dt>${t('dataset.licence')}:</dt> <dd>${licenceName(item.licence, locale)}</dd></div>
      <div><dt>${t('data.updated')}:</dt> <dd>${day(item.updatedAt)}</dd></div>
      <div><dt>${t('data.facet.format')}:</dt> <dd>${item.formats.length ? item.formats.map((f) => html`<span class="format">${f}</span>`) : t('data.noFormats')}</dd></div>
      ${item.rows !== null ? html`<div><dt>${t('dataset.rows')}:</dt> <dd>${numberFormat(locale).format(item.rows)}</dd></div>` : null}
    </dl></li>`;
}

export function cataloguePage(view: CatalogueView) {
  return (ctx: PageContext): Page => {
    const t = translator(catalogueMessages, ctx.locale);
    const { query, result } = view;
    const n = numberFormat(ctx.locale).format(result.total);
    const heading = query.q ? t('data.resultsFor', { q: query.q, n }) : t('data.results', { n });
    return {
      title: t('data.title'),
      wide: true,
      body: html`<link rel="stylesheet" href="/assets/data-pages.css">
        <h1>${t('data.title')}</h1><p>${t('data.intro')}</p>
        ${ctx.user ? html`<p><a class="btn btn-secondary" href="${dataLinks.publish}">${t('data.publish')}</a></p>` : null}
        <form method="get" action="${dataLinks.catalogue}" class="catalogue-form">
          <div role="search" aria-label="${t('data.search')}" class="search-row">
            <div class="form-group"><label for="data-q">${t('data.q')}</label><p class="hint" id="data-q-hint">${t('data.qHint')}</p>
              <input id="data-q" name="q" type="search" value="${query.q}" aria-describedby="data-q-hint"></div>
            <button type="submit" class="btn btn-primary">${t('data.submit')}</button></div>
          <div class="catalogue">
            ${result.catalogueSize ? facetFields(t, view, ctx.locale) : html`<div></div>`}
            <div class="catalogue-results">
              <h2>${heading}</h2>
              <div class="form-row"><div class="form-group"><label for="data-sort">${t('data.sort')}</label>
                <select id="data-sort" name="sort">${SORTS.map((s) => html`<option value="${s}"${s === query.sort ? html` selected` : null}>${t(`data.sort.${s}`)}</option>`)}</select></div>
                <div class="form-group"><button type="submit" class="btn btn-secondary">${t('data.apply')}</button></div></div>
              ${
                result.items.length
                  ? html`<ol class="results">${result.items.map((item) => resultItem(t, item, ctx.locale))}</ol>`
                  : html`<p class="alert alert-info">${result.catalogueSize ? t('data.empty') : t('data.emptyCatalogue')}</p>`
              }
              ${pager({ total: result.total, pageSize: query.pageSize, page: query.page, href: (p) => pageHref(query, p), locale: ctx.locale })}
            </div></div></form>`,
    };
  };
}
