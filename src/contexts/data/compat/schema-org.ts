import type { DatasetRow, ResourceRow } from '../store/tables.js';
import { compatUrls, DOWNLOAD_MEDIA_TYPES, type DownloadFormat } from './urls.js';
import { licence } from './vocabularies.js';

/**
 * schema.org `Dataset` JSON-LD for a dataset page (Google Dataset Search reads it from a
 * <script type="application/ld+json">). Pure: give it the rows the page already has. Table resources with a
 * published version (latest_version set) get CSV, JSON and Parquet downloads.
 */
export interface SchemaOrgExtras {
  /** The publishing organisation's name and page, when the page knows it. */
  publisher?: { name: string; url?: string | null } | null;
  /** Column names of the first table, shown as variableMeasured. */
  columns?: string[];
}

const FORMATS: DownloadFormat[] = ['csv', 'json', 'parquet'];

/** schema.org temporalCoverage: an ISO 8601 interval, open ends as `..`. */
const interval = (start: string | null, end: string | null) => (start || end ? `${start ?? '..'}/${end ?? '..'}` : undefined);

/** Embeds JSON in HTML safely (no `</script>` or `<!--` can close or confuse the script element). */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export function schemaOrgDataset(dataset: DatasetRow, resources: ResourceRow[], baseUrl: string, extras: SchemaOrgExtras = {}) {
  const urls = compatUrls(baseUrl);
  const lic = licence(dataset.licence);
  const keywords = safeList(dataset.keywords);
  const name = dataset.title_ko ?? dataset.title_en ?? dataset.id;
  const description = dataset.description_ko ?? dataset.description_en ?? name;
  const distribution = resources.flatMap((r) => {
    if (r.kind !== 'table')
      return r.url ? [{ '@type': 'DataDownload', name: r.name, contentUrl: r.url, ...(r.format ? { encodingFormat: r.format } : {}) }] : [];
    if (r.latest_version === null) return [];
    return FORMATS.map((f) => ({
      '@type': 'DataDownload',
      name: `${r.name} (${f.toUpperCase()})`,
      encodingFormat: DOWNLOAD_MEDIA_TYPES[f],
      contentUrl: urls.download(dataset.id, r.id, f),
    }));
  });
  const publisher = extras.publisher
    ? { '@type': 'Organization', name: extras.publisher.name, ...(extras.publisher.url ? { url: extras.publisher.url } : {}) }
    : undefined;
  return strip({
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': urls.datasetPage(dataset.id),
    name,
    alternateName: dataset.title_ko && dataset.title_en ? dataset.title_en : undefined,
    description,
    url: urls.datasetPage(dataset.id),
    identifier: dataset.id,
    keywords: keywords.length ? keywords : undefined,
    inLanguage: 'ko',
    license: lic.url ?? undefined,
    isAccessibleForFree: true,
    creator: publisher,
    publisher,
    sourceOrganization: publisher,
    temporalCoverage: interval(dataset.temporal_start, dataset.temporal_end),
    spatialCoverage: dataset.spatial ? { '@type': 'Place', name: dataset.spatial } : undefined,
    dateCreated: dataset.created_at,
    dateModified: dataset.updated_at,
    isBasedOn: dataset.source_url ?? undefined,
    creditText: dataset.attribution ?? undefined,
    variableMeasured: extras.columns?.length ? extras.columns : undefined,
    distribution: distribution.length ? distribution : undefined,
    includedInDataCatalog: { '@type': 'DataCatalog', name: '열린 서울 데이터 카탈로그 (Open Seoul data catalogue)', url: urls.catalogue },
  });
}

function safeList(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** Drops undefined members so the markup carries only what is known. */
function strip<T extends Record<string, unknown>>(o: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
