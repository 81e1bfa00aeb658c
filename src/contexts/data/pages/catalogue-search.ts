import type { DbOrTx } from '../../../core/db/database.js';
import type { Localized } from '../../../core/i18n/messages.js';
import { searchDocuments } from '../../../core/search/search-index.js';
import { loadCatalogue, type CatalogueEntry } from '../compat/catalogue-view.js';

/**
 * Catalogue search for the /data page: words through the core search index (Korean and English bigrams),
 * then facets (topic, publisher, licence, format: values within a facet are OR, facets are AND; each facet
 * counted with the other facets applied), sort and paging over the public catalogue's read model.
 */
export const FACETS = ['topic', 'publisher', 'licence', 'format'] as const;
export type Facet = (typeof FACETS)[number];
export const SORTS = ['relevance', 'title', 'updated'] as const;
export type CatalogueSort = (typeof SORTS)[number];

export interface CatalogueQuery {
  q: string;
  filters: Record<Facet, string[]>;
  sort: CatalogueSort;
  page: number;
  pageSize: number;
}

export interface CatalogueItem {
  id: string;
  title: Localized;
  description: Localized;
  publisher: { slug: string; name: Localized } | null;
  licence: string;
  topics: string[];
  updatedAt: string;
  formats: string[];
  rows: number | null;
}

export interface FacetValue {
  value: string;
  count: number;
  label: Localized | null;
  selected: boolean;
}

export interface CatalogueResult {
  total: number;
  items: CatalogueItem[];
  facets: Record<Facet, FacetValue[]>;
  /** Every public dataset, before words and facets: tells an empty catalogue from an empty search. */
  catalogueSize: number;
}

/** Source formats of the latest versions (CSV, XLSX …) and of link resources, upper case. */
const formatsOf = (e: CatalogueEntry) => [
  ...new Set(
    e.resources
      .map((r) => r.latest?.format ?? (r.row.kind === 'table' ? null : r.row.format))
      .filter((f): f is string => !!f)
      .map((f) => f.toUpperCase()),
  ),
];

const valuesOf = (e: CatalogueEntry, facet: Facet): string[] => {
  switch (facet) {
    case 'topic':
      return e.topics;
    case 'publisher':
      return e.publisher ? [e.publisher.slug] : [];
    case 'licence':
      return [e.dataset.licence];
    case 'format':
      return formatsOf(e);
  }
};

const matches = (e: CatalogueEntry, filters: Record<Facet, string[]>, except?: Facet) =>
  FACETS.every((f) => f === except || !filters[f].length || valuesOf(e, f).some((v) => filters[f].includes(v)));

const titleKey = (e: CatalogueEntry) => (e.dataset.title_ko ?? e.dataset.title_en ?? e.dataset.id).toLocaleLowerCase('ko');

export async function searchCatalogue(db: DbOrTx, query: CatalogueQuery): Promise<CatalogueResult> {
  const all = await loadCatalogue(db);
  let scored = all.map((entry) => ({ entry, score: 0 }));
  if (query.q.trim()) {
    const { hits } = await searchDocuments(db, query.q, { types: ['dataset'], limit: 10_000 });
    const score = new Map(hits.map((h) => [h.id, h.score]));
    scored = scored.filter((s) => score.has(s.entry.dataset.id)).map((s) => ({ ...s, score: score.get(s.entry.dataset.id)! }));
  }
  const facets = Object.fromEntries(
    FACETS.map((facet) => {
      const counts = new Map<string, number>();
      for (const { entry } of scored)
        if (matches(entry, query.filters, facet)) for (const v of new Set(valuesOf(entry, facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
      for (const v of query.filters[facet]) if (!counts.has(v)) counts.set(v, 0);
      const labels = new Map(
        facet === 'publisher'
          ? all.flatMap((e) => (e.publisher ? [[e.publisher.slug, { ko: e.publisher.name_ko, en: e.publisher.name_en }] as const] : []))
          : [],
      );
      const values = [...counts]
        .map(([value, count]) => ({ value, count, label: labels.get(value) ?? null, selected: query.filters[facet].includes(value) }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return [facet, values];
    }),
  ) as Record<Facet, FacetValue[]>;
  const found = scored.filter((s) => matches(s.entry, query.filters));
  const sort = query.sort === 'relevance' && !query.q.trim() ? 'updated' : query.sort;
  found.sort((a, b) => {
    if (sort === 'relevance' && b.score !== a.score) return b.score - a.score;
    if (sort === 'updated' && a.entry.modified !== b.entry.modified) return a.entry.modified < b.entry.modified ? 1 : -1;
    return titleKey(a.entry).localeCompare(titleKey(b.entry), 'ko');
  });
  const start = (query.page - 1) * query.pageSize;
  return {
    total: found.length,
    catalogueSize: all.length,
    facets,
    items: found.slice(start, start + query.pageSize).map(({ entry: e }) => ({
      id: e.dataset.id,
      title: { ko: e.dataset.title_ko, en: e.dataset.title_en },
      description: { ko: e.dataset.description_ko, en: e.dataset.description_en },
      publisher: e.publisher ? { slug: e.publisher.slug, name: { ko: e.publisher.name_ko, en: e.publisher.name_en } } : null,
      licence: e.dataset.licence,
      topics: e.topics,
      updatedAt: e.modified,
      formats: formatsOf(e),
      rows: e.resources.find((r) => r.row.kind === 'table')?.latest?.rows ?? null,
    })),
  };
}
