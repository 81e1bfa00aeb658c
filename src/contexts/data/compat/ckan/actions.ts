import { findOrganisation as findOrganisationByIdOrSlug, listAllOrganisations } from '../../../accounts/index.js';
import { datasetIdOfResource, listedCountsByPublisher } from '../../store/catalogue-entry.repository.js';
import type { Actor } from '../../../../core/auth/actor.js';
import type { Services } from '../../../../core/context.js';
import { LICENCES, TOPICS } from '../../domain/catalogue.js';
import { listPublicDatasetIds, loadCatalogue, loadEntry } from '../catalogue-view.js';
import type { CompatUrls } from '../urls.js';
import { datastoreSearch } from './datastore.js';
import { datastoreSearchSql } from './datastore-sql.js';
import { WRITE_ACTIONS } from './write-actions.js';
import { ckanGroup, ckanLicence, ckanOrganization, ckanPackage, ckanResource } from './package.js';
import { searchPackages } from './package-search.js';
import { bool, integer, invalid, list, notFoundError, required, text, type Params } from './params.js';

/**
 * The CKAN Action API subset, as plain functions of (context, params) → result. Read-only: every action here
 * may be called with GET (query string) or POST (JSON body). The HTTP layer wraps results in CKAN's envelope.
 */
export interface ActionContext {
  services: Services;
  actor: Actor;
  urls: CompatUrls;
  /** The path of the action being served (for datastore_search's _links). */
  path: string;
}
type Action = (ctx: ActionContext, p: Params) => Promise<unknown>;

/** CKAN's own ceiling for rows per package_search call. */
export const PACKAGE_SEARCH_MAX_ROWS = 1000;
/** The CKAN version whose API this subset follows (clients read it from status_show). */
export const CKAN_API_VERSION = '2.10.4';

async function organisationCounts(ctx: ActionContext) {
  // Listed datasets only: drafts, private, restricted and deleted ones are not counted (store/visibility.ts).
  return listedCountsByPublisher(ctx.services.db);
}

async function findOrganisation(ctx: ActionContext, idOrName: string) {
  const org = await findOrganisationByIdOrSlug(ctx.services.db, idOrName);
  if (!org) throw notFoundError('Organization');
  return org;
}

export const ACTIONS: Record<string, { help: string; run: Action }> = {
  package_list: {
    help: 'Return a list of the names of the site’s datasets (packages). Parameters: limit, offset.',
    run: async (ctx, p) => {
      const limit = integer(p, 'limit', { default: Number.MAX_SAFE_INTEGER, min: 0 });
      const offset = integer(p, 'offset', { default: 0, min: 0 });
      return (await listPublicDatasetIds(ctx.services.db)).slice(offset, offset + limit);
    },
  },
  package_search: {
    help: 'Search for packages. Parameters: q, fq (organization, tags, groups, res_format, license_id, name, id, metadata_modified, metadata_created), rows (≤ 1000), start, sort, facet.field, facet.limit, facet.mincount.',
    run: (ctx, p) =>
      searchPackages(ctx.services.db, ctx.urls, {
        q: text(p, 'q'),
        fq: text(p, 'fq'),
        rows: integer(p, 'rows', { default: 10, min: 0, max: PACKAGE_SEARCH_MAX_ROWS }),
        start: integer(p, 'start', { default: 0, min: 0 }),
        sort: text(p, 'sort'),
        facetFields: list(p, 'facet.field') ?? [],
        facetLimit: integer(p, 'facet.limit', { default: 50, min: -1 }),
        facetMinCount: integer(p, 'facet.mincount', { default: 1, min: 0 }),
      }),
  },
  package_show: {
    help: 'Return the metadata of a dataset (package) and its resources. Parameters: id (the name).',
    run: async (ctx, p) => ckanPackage(await loadEntry(ctx.services.db, required(p, 'id')).catch(notFound('Dataset')), ctx.urls),
  },
  resource_show: {
    help: 'Return the metadata of a resource. Parameters: id.',
    run: async (ctx, p) => {
      const id = required(p, 'id');
      const datasetId = await datasetIdOfResource(ctx.services.db, id);
      if (!datasetId) throw notFoundError('Resource');
      const entry = await loadEntry(ctx.services.db, datasetId).catch(notFound('Resource'));
      return ckanResource(entry, entry.resources.find((r) => r.row.id === id)!, ctx.urls);
    },
  },
  organization_list: {
    help: 'Return a list of the names of the organizations, or their dictionaries with all_fields=true. Parameters: all_fields, sort (name|title|package_count asc|desc), limit, offset.',
    run: async (ctx, p) => {
      const allFields = bool(p, 'all_fields', false);
      const [field = 'name', dir = field === 'package_count' ? 'desc' : 'asc'] = (text(p, 'sort') ?? 'name asc').trim().split(/\s+/);
      if (!['name', 'title', 'package_count'].includes(field) || !['asc', 'desc'].includes(dir))
        throw invalid('sort', 'Use name, title or package_count, then asc or desc');
      const counts = await organisationCounts(ctx);
      const wanted = list(p, 'organizations');
      let orgs = (await listAllOrganisations(ctx.services.db))
        .filter((o) => !wanted || wanted.includes(o.slug))
        .map((o) => ckanOrganization(o, ctx.urls, counts.get(o.id) ?? 0));
      const key = (o: (typeof orgs)[number]) => (field === 'package_count' ? (o.package_count ?? 0) : field === 'title' ? o.title : o.name);
      orgs = orgs.sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        const order = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb), 'ko');
        return (dir === 'desc' ? -order : order) || a.name.localeCompare(b.name);
      });
      const offset = integer(p, 'offset', { default: 0, min: 0 });
      const limit = integer(p, 'limit', { default: 1000, min: 0, max: 1000 });
      const page = orgs.slice(offset, offset + limit);
      return allFields ? page : page.map((o) => o.name);
    },
  },
  organization_show: {
    help: 'Return the details of an organization. Parameters: id (id or name), include_datasets (up to 1,000).',
    run: async (ctx, p) => {
      const org = await findOrganisation(ctx, required(p, 'id'));
      const entries = await loadCatalogue(ctx.services.db, { publisherId: org.id });
      const includeDatasets = bool(p, 'include_datasets', false);
      return {
        ...ckanOrganization(org, ctx.urls, entries.length),
        ...(includeDatasets ? { packages: entries.slice(0, PACKAGE_SEARCH_MAX_ROWS).map((e) => ckanPackage(e, ctx.urls)) } : {}),
        users: [] as never[],
        groups: [] as never[],
        tags: [] as never[],
      };
    },
  },
  group_list: {
    help: 'Return the topics (CKAN groups). Parameters: all_fields.',
    run: async (_ctx, p) => {
      const groups = Object.keys(TOPICS).map(ckanGroup);
      return bool(p, 'all_fields', false) ? groups : groups.map((g) => g.name);
    },
  },
  license_list: {
    help: 'Return the licences a dataset may have (Korea Open Government Licence types and common open licences).',
    run: async () => Object.keys(LICENCES).map(ckanLicence),
  },
  datastore_search: {
    help: 'Search a DataStore resource. Parameters: resource_id, filters, q (text: every word somewhere in the row; or {column: text}), fields, sort, limit (≤ 10,000), offset (≤ 10,000,000), include_total, records_format (objects|lists).',
    run: (ctx, p) => datastoreSearch(ctx.services, p, ctx.path),
  },
  datastore_search_sql: {
    help: "Run one read-only SQL SELECT in the platform's sandbox (same checks, limits and, on restricted data, the same output rules as the native SQL API). Tables: a resource id in double quotes, or the sandbox view names of GET /api/v1/data/sql/tables. Parameters: sql. Needs an API key.",
    run: (ctx, p) => datastoreSearchSql(ctx.services, ctx.actor, p),
  },
  tag_list: {
    help: 'Return the tags (keywords) of the public datasets, sorted. Parameters: query (part of a tag), all_fields.',
    run: async (ctx, p) => {
      const query = text(p, 'query')?.toLowerCase();
      if (text(p, 'vocabulary_id')) return [];
      const counts = new Map<string, number>();
      for (const entry of await loadCatalogue(ctx.services.db)) for (const k of entry.keywords) counts.set(k, (counts.get(k) ?? 0) + 1);
      const names = [...counts.keys()].filter((k) => !query || k.toLowerCase().includes(query)).sort(); // by code point, as CKAN's SQL orders names
      return bool(p, 'all_fields', false) ? names.map((n) => ({ id: n, name: n, display_name: n, vocabulary_id: null, package_count: counts.get(n) })) : names;
    },
  },
  status_show: {
    help: 'Return the site status: version, title and the extensions that shape the API.',
    run: async (ctx) => ({
      site_title: 'Open Seoul',
      site_url: ctx.urls.root,
      site_description: '서울 열린 데이터: Open Seoul data catalogue and lake',
      ckan_version: CKAN_API_VERSION,
      error_emails_to: null,
      locale_default: 'ko',
      extensions: ['datastore', 'dcat'],
    }),
  },
  help_show: {
    help: 'Return the help text of an action. Parameters: name.',
    run: async (_ctx, p) => {
      const name = required(p, 'name');
      const action = ACTIONS[name] ?? WRITE_ACTIONS[name];
      if (!action) throw notFoundError('Action');
      return action.help;
    },
  },
};

/** Our AppError 404s (dataset.not_found) become CKAN's Not Found Error naming what was looked for. */
const notFound =
  (what: string) =>
  (error: unknown): never => {
    if ((error as { status?: number }).status === 404) throw notFoundError(what);
    throw error;
  };
