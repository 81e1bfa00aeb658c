import { pickLocalized, translator, type Locale } from '../../../core/i18n/messages.js';
import { html, type Html } from '../../../web/html.js';
import type { CatalogueEntry } from '../compat/catalogue-view.js';
import { FREQUENCIES, LICENCES, TOPICS, type FrequencyId, type LicenceId, type TopicId } from '../domain/catalogue.js';
import type { VersionRow } from '../store/tables.js';
import { catalogueMessages } from './catalogue.messages.js';
import { dataLinks, queryString } from './data-links.js';
import { sandboxView } from './equivalent-sql.js';
import { numberFormat } from '../../../web/text.js';
import { manageT } from './manage.messages.js';

/** Parts of the dataset page: what it is (metadata, licence, attribution), its versions, its API addresses. */
export type VersionSummary = Pick<VersionRow, 'version' | 'rows' | 'source_name' | 'encoding' | 'format' | 'published_at'> &
  Partial<Pick<VersionRow, 'status' | 'withdrawn_at' | 'withdrawn_reason'>>;

/** The language of text a person typed (a withdrawal or deletion reason): Korean when it has Hangul. */
export const langOfText = (text: string) => (/[\uac00-\ud7a3]/.test(text) ? 'ko' : 'en');

const tr = (locale: Locale) => translator(catalogueMessages, locale);
export const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '–');

export const licenceOf = (id: string) => LICENCES[id as LicenceId] ?? null;
export const licenceName = (id: string, locale: Locale) => licenceOf(id)?.[locale] ?? id;
export const topicName = (id: string, locale: Locale) => TOPICS[id as TopicId]?.[locale] ?? id;
export const publisherName = (entry: Pick<CatalogueEntry, 'publisher'>, locale: Locale) =>
  entry.publisher ? pickLocalized({ ko: entry.publisher.name_ko, en: entry.publisher.name_en }, locale) : null;

/** The line people paste under a chart or an article: source, title, where, licence. */
export function attributionLine(entry: CatalogueEntry, locale: Locale, publicUrl: string): string {
  const d = entry.dataset;
  const title = pickLocalized({ ko: d.title_ko, en: d.title_en }, locale).text || d.id;
  const source = d.attribution ?? publisherName(entry, locale)?.text ?? null;
  const url = `${publicUrl.replace(/\/$/, '')}${dataLinks.dataset(d.id)}`;
  const vars = { title, url, licence: licenceName(d.licence, locale) };
  return source ? tr(locale)('dataset.attributionLine', { source, ...vars }) : tr(locale)('dataset.attributionNoSource', vars);
}

/** A copyable block: the text, and a copy button added by /assets/data-copy.js when scripts run. */
export const copyable = (id: string, text: string, locale: Locale, className = '') =>
  html`<div class="copyable"><pre id="${id}" class="${className}" tabindex="0"><code>${text}</code></pre><span data-copy="${id}" data-label="${tr(locale)('query.copy')}"></span></div>`;

export function aboutSection(entry: CatalogueEntry, locale: Locale, publicUrl: string): Html {
  const t = tr(locale);
  const d = entry.dataset;
  const lic = licenceOf(d.licence);
  const publisher = publisherName(entry, locale);
  const row = (label: string, value: Html | string | null) => (value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : null);
  const temporal = d.temporal_start || d.temporal_end ? `${d.temporal_start ?? '…'} – ${d.temporal_end ?? '…'}` : null;
  return html`<section aria-labelledby="about"><h2 id="about">${t('dataset.about')}</h2><dl class="meta">
    ${row(t('dataset.publisher'), publisher && entry.publisher ? html`<a href="${dataLinks.organisation(entry.publisher.slug)}" lang="${publisher.lang}">${publisher.text}</a>` : null)}
    ${row(t('dataset.licence'), lic?.url ? html`<a href="${lic.url}" rel="license">${lic[locale]}</a>` : licenceName(d.licence, locale))}
    ${row(t('dataset.topics'), entry.topics.length ? html`<ul class="inline-list">${entry.topics.map((x) => html`<li><a href="${dataLinks.catalogue}${queryString([['topic', x]])}">${topicName(x, locale)}</a></li>`)}</ul>` : null)}
    ${row(t('dataset.keywords'), entry.keywords.length ? html`<ul class="inline-list">${entry.keywords.map((k) => html`<li><a href="${dataLinks.catalogue}${queryString([['q', k]])}">${k}</a></li>`)}</ul>` : null)}
    ${row(t('dataset.temporal'), temporal)}
    ${row(t('dataset.spatial'), d.spatial)}
    ${row(t('dataset.frequency'), FREQUENCIES[d.frequency as FrequencyId]?.[locale] ?? d.frequency)}
    ${row(t('dataset.contact'), d.contact_name || d.contact_email ? html`${d.contact_name ?? ''}${d.contact_email ? html` <a href="mailto:${d.contact_email}">${d.contact_email}</a>` : null}` : null)}
    ${row(t('dataset.source'), d.source_url ? html`<a href="${d.source_url}">${d.source_url}</a>` : null)}
  </dl>
  <h3 id="attribution-title">${t('dataset.attribution')}</h3>${copyable('attribution', attributionLine(entry, locale, publicUrl), locale)}</section>`;
}

export function versionsSection(datasetId: string, versions: VersionSummary[], shown: number | null, locale: Locale): Html {
  const t = tr(locale);
  if (!versions.length)
    return html`<section aria-labelledby="versions"><h2 id="versions">${t('dataset.versions')}</h2><p>${t('dataset.noVersion')}</p></section>`;
  const latest = versions.find((v) => v.status !== 'withdrawn')?.version;
  const m = manageT(locale);
  return html`<section aria-labelledby="versions"><h2 id="versions">${t('dataset.versions')}</h2>
    <div class="table-wrap"><table class="versions"><caption class="visually-hidden">${t('dataset.versions')}</caption>
    <thead><tr><th scope="col">${t('dataset.versions')}</th><th scope="col">${t('dataset.published')}</th><th scope="col" class="num">${t('dataset.rows')}</th>
      <th scope="col">${t('dataset.file')}</th><th scope="col">${t('dataset.encoding')}</th><th scope="col">${t('dataset.downloads')}</th></tr></thead>
    <tbody>${versions.map((v) =>
      v.status === 'withdrawn'
        ? html`<tr class="withdrawn" data-withdrawn="${v.version}">
      <th scope="row">${t('dataset.version', { n: v.version })} <span class="badge">${m('withdrawn.badge')}</span></th>
      <td>${day(v.published_at)}</td><td class="num">${numberFormat(locale).format(v.rows)}</td><td>${v.source_name}</td><td>${v.encoding ?? '–'}</td>
      <td>${m('withdrawn.line', { date: day(v.withdrawn_at ?? null) })} <span lang="${langOfText(v.withdrawn_reason ?? '')}">${v.withdrawn_reason ?? ''}</span></td>
    </tr>`
        : html`<tr${v.version === shown ? html` class="current"` : null}>
      <th scope="row">${
        v.version === shown
          ? html`<span aria-current="page">${t('dataset.version', { n: v.version })}</span> <span class="badge badge-live">${t('dataset.showing')}</span>`
          : html`<a href="${dataLinks.dataset(datasetId, v.version === latest ? undefined : v.version)}">${t('dataset.version', { n: v.version })}</a>`
      }</th>
      <td>${day(v.published_at)}</td><td class="num">${numberFormat(locale).format(v.rows)}</td><td>${v.source_name}</td><td>${v.encoding ?? '–'}</td>
      <td class="downloads">${(['csv', 'json', 'parquet'] as const).map((f) => html`<a href="${dataLinks.download(datasetId, f, v.version)}" download aria-label="${t('dataset.downloadAs', { n: v.version, format: f.toUpperCase() })}">${f.toUpperCase()}</a> `)}</td>
    </tr>`,
    )}</tbody></table></div></section>`;
}

export function apiSection(datasetId: string, version: number | undefined, locale: Locale): Html {
  const t = tr(locale);
  const rows = dataLinks.rows(
    datasetId,
    queryString([
      ['limit', 20],
      ['version', version],
    ]),
  );
  const link = (label: string, href: string) => html`<li>${label}: <a href="${href}"><code>${href}</code></a></li>`;
  return html`<section aria-labelledby="api" class="api-box"><h2 id="api">${t('dataset.api')}</h2><ul>
    ${link(t('dataset.api.rows'), rows)}
    ${link(t('dataset.api.datapackage'), dataLinks.datapackage(datasetId))}
    <li>${t('dataset.api.dcat')}: <a href="${dataLinks.dcatJsonLd(datasetId)}"><code>JSON-LD</code></a> · <a href="${dataLinks.dcatTurtle(datasetId)}"><code>Turtle</code></a></li>
    ${link(t('dataset.api.ckan'), dataLinks.ckanPackageShow(datasetId))}
    <li>${t('dataset.api.sql')}: <code>${sandboxView(datasetId, version)}</code></li>
    <li><a href="/api/docs">${t('dataset.api.docs')}</a></li></ul></section>`;
}
