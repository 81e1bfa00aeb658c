import type { DbOrTx } from '../../../../core/db/database.js';
import { searchDocuments } from '../../../../core/search/search-index.js';
import { loadCatalogue, type CatalogueEntry } from '../catalogue-view.js';
import type { CompatUrls } from '../urls.js';
import { licence, topicLabel } from '../vocabularies.js';
import { ckanPackage, ckanResource } from './package.js';
import { CkanError } from './params.js';
import { isFieldedQuery, matchesAll, parseFilterQuery, parseSort, type Facts, type SortKey } from './search-query.js';

/**
 * package_search: text search through the platform's search index (Korean and English, the core analyzer),
 * filters in CKAN's `fq` subset, facets and sorting over the public catalogue.
 */
export const FACET_FIELDS = ['organization', 'tags', 'groups', 'res_format', 'license_id'] as const;
type FacetField = (typeof FACET_FIELDS)[number];
/** The most matches text search considers; beyond it results would be noise anyway. */
const TEXT_MATCH_LIMIT = 10_000;

export interface PackageSearchInput {
  q?: string;
  fq?: string;
  rows: number;
  start: number;
  sort?: string;
  facetFields: string[];
  facetLimit: number;
  facetMinCount: number;
}

function facts(entry: CatalogueEntry, urls: CompatUrls): Facts {
  return {
    organization: entry.publisher ? [entry.publisher.slug] : [],
    tags: entry.keywords,
    groups: entry.topics,
    res_format: entry.resources.map((r) => ckanResource(entry, r, urls).format).filter(Boolean),
    license_id: [entry.dataset.licence],
    name: [entry.dataset.id],
    id: [entry.dataset.id],
    metadata_modified: [entry.modified],
    metadata_created: [entry.dataset.created_at],
    dataset_type: ['dataset'],
  };
}

function compare(a: { entry: CatalogueEntry; score: number }, b: { entry: CatalogueEntry; score: number }, keys: SortKey[]): number {
  for (const { field, desc } of keys) {
    const value = (x: typeof a): string | number => {
      const d = x.entry.dataset;
      if (field === 'score') return x.score;
      if (field === 'metadata_modified') return x.entry.modified;
      if (field === 'metadata_created') return d.created_at;
      if (field === 'title_string') return (d.title_ko ?? d.title_en ?? d.id).toLowerCase();
      return d.id;
    };
    const va = value(a);
    const vb = value(b);
    // Code-point order, as Solr sorts strings (Hangul syllables are in 가나다 order there too).
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : va < vb ? -1 : va > vb ? 1 : 0;
    if (order !== 0) return desc ? -order : order;
  }
  return a.entry.dataset.id < b.entry.dataset.id ? -1 : 1;
}

function facetLabel(field: FacetField, name: string, entries: CatalogueEntry[]): string {
  if (field === 'organization') {
    const org = entries.find((e) => e.publisher?.slug === name)?.publisher;
    return org ? (org.name_ko ?? org.name_en ?? name) : name;
  }
  if (field === 'groups') return topicLabel(name).ko;
  if (field === 'license_id') return licence(name).ko;
  return name;
}

export async function searchPackages(db: DbOrTx, urls: CompatUrls, input: PackageSearchInput) {
  for (const f of input.facetFields) {
    if (!FACET_FIELDS.includes(f as FacetField))
      throw new CkanError('Search Query Error', `Search error: cannot facet on "${f}"; use ${FACET_FIELDS.join(', ')}`, 409);
  }
  const sortKeys = parseSort(input.sort);
  const q = input.q?.trim() ?? '';
  const matchAll = q === '' || q === '*:*' || q === '*';
  const fielded = !matchAll && isFieldedQuery(q);
  const textQuery = matchAll || fielded ? null : q;
  const clauses = [...parseFilterQuery(input.fq), ...(fielded ? parseFilterQuery(q) : [])];

  let scores: Map<string, number> | null = null;
  if (textQuery) {
    const found = await searchDocuments(db, textQuery, { types: ['dataset'], limit: TEXT_MATCH_LIMIT });
    scores = new Map(found.hits.map((h) => [h.id, h.score]));
  }
  const entries = await loadCatalogue(db, scores ? { ids: [...scores.keys()] } : {});
  const matched = entries
    .filter((e) => matchesAll(clauses, facts(e, urls)))
    .map((entry) => ({ entry, score: scores?.get(entry.dataset.id) ?? 1 }))
    .sort((a, b) => compare(a, b, sortKeys));

  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<string, { title: string; items: Array<{ name: string; display_name: string; count: number }> }> = {};
  for (const field of input.facetFields as FacetField[]) {
    const counts = new Map<string, number>();
    for (const { entry } of matched) for (const v of new Set(facts(entry, urls)[field])) counts.set(v, (counts.get(v) ?? 0) + 1);
    const items = [...counts]
      .filter(([, n]) => n >= input.facetMinCount)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ko'))
      .slice(0, input.facetLimit < 0 ? undefined : input.facetLimit);
    facets[field] = Object.fromEntries(items);
    searchFacets[field] = { title: field, items: items.map(([name, count]) => ({ name, display_name: facetLabel(field, name, entries), count })) };
  }
  return {
    count: matched.length,
    sort: sortKeys.map((k) => `${k.field} ${k.desc ? 'desc' : 'asc'}`).join(', '),
    facets,
    search_facets: searchFacets,
    results: matched.slice(input.start, input.start + input.rows).map(({ entry }) => ckanPackage(entry, urls)),
  };
}
