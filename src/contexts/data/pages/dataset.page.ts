import type { Services } from '../../../core/context.js';
import { anonymous } from '../../../core/auth/actor.js';
import { datasetPolicy } from '../domain/policy.js';
import { pickLocalized, translator } from '../../../core/i18n/messages.js';
import { html, raw } from '../../../web/html.js';
import type { PageContext, Page } from '../../../web/layout.js';
import { loadEntry, type CatalogueEntry } from '../compat/catalogue-view.js';
import { jsonForScript, schemaOrgDataset } from '../compat/schema-org.js';
import type { ColumnProfile } from '../domain/table-schema.js';
import { queryRows, type RowsResult } from '../query/query-rows.js';
import type { Actor } from '../../../core/auth/actor.js';
import { findVersion, listVersionHistory, parseJson } from '../store/dataset.repository.js';
import { readableDataset, type DatasetState } from '../store/visibility.js';
import { manageT } from './manage.messages.js';
import { catalogueMessages } from './catalogue.messages.js';
import { columnProfileTable } from './column-profile-view.js';
import { dataLinks, queryString } from './data-links.js';
import { aboutSection, apiSection, publisherName, versionsSection, type VersionSummary } from './dataset-sections.js';
import { numberFormat } from '../../../web/text.js';
import { rowsTable } from './rows-table.js';
import { loadDatasetPageSections } from './dataset-page-sections.js';
import type { Locale } from '../../../core/i18n/messages.js';
import type { Html } from '../../../web/html.js';

/**
 * /data/datasets/:id (?version=N): what the dataset is, its versions with downloads, a preview of the first
 * rows, the column profile, the ways in (query and chart builders, API, packages), and schema.org markup.
 */
export const PREVIEW_ROWS = 20;

export interface DatasetView {
  entry: CatalogueEntry;
  versions: VersionSummary[];
  /** The version shown: the asked one, else the latest; null while nothing is published. */
  shown: { number: number; rows: number; profile: ColumnProfile[]; latest: boolean } | null;
  preview: RowsResult | null;
  /** Sections other contexts add (the civic showcase's reuses of the dataset): dataset-page-sections.ts. */
  sections?: Array<(locale: Locale) => Html>;
  /** listed for everyone; draft, private or restricted are shown to insiders only (with a manage link). */
  state?: Exclude<DatasetState, 'deleted'>;
  /** The reader may manage it (the publisher's members, admins). */
  manage?: boolean;
}

export async function loadDatasetView(services: Services, id: string, asked: number | undefined, reader?: Actor): Promise<DatasetView> {
  // 410 with the tombstone when deleted; 404 for a draft, private or restricted dataset unless the reader is an insider.
  const { dataset, state: found } = await readableDataset(services.db, id, reader);
  const state = found === 'deleted' ? 'listed' : found;
  const manage = datasetPolicy.canPublish(reader ?? anonymous(), dataset);
  const entry = await loadEntry(services.db, id, { unlisted: state !== 'listed' });
  const table = entry.resources.find((r) => r.row.kind === 'table');
  const versions = table ? await listVersionHistory(services.db, table.row.id) : [];
  const published = versions.filter((v) => v.status === 'published');
  if (!table || !published.length) {
    if (asked !== undefined) await findVersion(services.db, id, { resource: table?.row.id, version: asked, reader });
    return { entry, versions, shown: null, preview: null, sections: await loadDatasetPageSections(services, id), state, manage };
  }
  const { version } = await findVersion(services.db, id, { resource: table.row.id, version: asked, reader });
  let preview: RowsResult | null = null;
  // The open rows API serves no private rows, so a private dataset has no preview (said on the page).
  if (state === 'listed') {
    try {
      preview = await queryRows(services, id, { resource: table.row.id, version: version.version, limit: PREVIEW_ROWS });
    } catch (error) {
      services.log.warn({ err: error, dataset: id, version: version.version }, 'data: preview failed');
    }
  }
  return {
    entry,
    versions,
    preview,
    sections: await loadDatasetPageSections(services, id),
    state,
    manage,
    shown: {
      number: version.version,
      rows: version.rows,
      profile: parseJson<ColumnProfile[]>(version.profile, []),
      latest: version.version === published[0]!.version,
    },
  };
}

export function datasetPage(view: DatasetView, publicUrl: string) {
  return (ctx: PageContext): Page => {
    const t = translator(catalogueMessages, ctx.locale);
    const m = manageT(ctx.locale);
    const { entry, shown, preview } = view;
    const d = entry.dataset;
    const title = pickLocalized({ ko: d.title_ko, en: d.title_en }, ctx.locale);
    const description = pickLocalized({ ko: d.description_ko, en: d.description_en }, ctx.locale);
    const publisher = publisherName(entry, ctx.locale);
    const pinned = shown && !shown.latest ? shown.number : undefined;
    const explore = queryString([['version', pinned]]);
    const jsonLd = schemaOrgDataset(
      d,
      entry.resources.map((r) => r.row),
      publicUrl,
      {
        publisher:
          entry.publisher && publisher ? { name: publisher.text, url: `${publicUrl.replace(/\/$/, '')}${dataLinks.organisation(entry.publisher.slug)}` } : null,
        columns: preview?.fields.map((f) => f.name),
      },
    );
    return {
      title: title.text || d.id,
      wide: true,
      body: html`<link rel="stylesheet" href="/assets/data-pages.css">
        <script type="application/ld+json">${raw(jsonForScript(jsonLd))}</script>
        <p><a href="${dataLinks.catalogue}">${t('data.title')}</a></p>
        <h1 lang="${title.lang}">${title.text || d.id}</h1>
        ${publisher ? html`<p class="muted" lang="${publisher.lang}">${publisher.text}</p>` : null}
        ${description.text ? html`<p class="prewrap" lang="${description.lang}">${description.text}</p>` : null}
        ${view.state && view.state !== 'listed' ? html`<div class="alert alert-info" role="status" data-state="${view.state}"><p>${m(`state.${view.state}`)}</p></div>` : null}
        ${view.manage ? html`<p><a class="btn btn-secondary" href="/data/datasets/${d.id}/manage">${m('manage.link')}</a></p>` : null}
        ${pinned !== undefined ? html`<div class="alert alert-info"><p>${t('dataset.olderNote', { n: pinned })} <a href="${dataLinks.dataset(d.id)}">${t('dataset.latestLink')}</a></p></div>` : null}
        ${
          shown
            ? html`<nav aria-labelledby="explore" class="explore"><h2 id="explore">${t('dataset.explore')}</h2><ul>
          <li><a class="btn btn-primary" href="${dataLinks.query(d.id)}${explore}">${t('query.title')}</a></li>
          <li><a class="btn btn-secondary" href="${dataLinks.chart(d.id)}${explore}">${t('chart.title')}</a></li>
          <li><a class="btn btn-secondary" href="${dataLinks.download(d.id, 'csv', shown.number)}" download>CSV</a></li></ul></nav>`
            : null
        }
        ${aboutSection(entry, ctx.locale, publicUrl)}
        ${versionsSection(d.id, view.versions, shown?.number ?? null, ctx.locale)}
        ${
          shown
            ? html`<section aria-labelledby="preview"><h2 id="preview">${t('dataset.preview')}</h2>
          ${
            view.state === 'private'
              ? html`<p class="alert alert-info">${m('private.noPreview')}</p>`
              : preview
                ? rowsTable({
                    id: 'preview-table',
                    caption: t('dataset.previewCaption', { v: shown.number, n: preview.rows.length, total: numberFormat(ctx.locale).format(preview.total) }),
                    fields: preview.fields,
                    rows: preview.rows,
                    locale: ctx.locale,
                  })
                : html`<p class="alert alert-danger">${t('dataset.previewFailed')}</p>`
          }</section>
          <section aria-labelledby="profile-title"><h2 id="profile-title">${t('dataset.profile')}</h2><p>${t('dataset.profileIntro')}</p>
          ${shown.profile.length ? columnProfileTable(shown.profile, ctx.locale, shown.rows) : html`<p>${t('dataset.noProfile')}</p>`}</section>`
            : null
        }
        ${(view.sections ?? []).map((section) => section(ctx.locale))}
        ${apiSection(d.id, pinned, ctx.locale)}
        <script src="/assets/data-copy.js" defer></script>`,
    };
  };
}
