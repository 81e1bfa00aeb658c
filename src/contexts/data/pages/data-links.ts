/**
 * Site-relative addresses of the data pages and of the APIs they teach (rows, downloads, packages, DCAT, CKAN),
 * so every page and test builds them the same way. compat/urls.ts gives the absolute forms for exports.
 */
const seg = encodeURIComponent;

export type DownloadFormat = 'csv' | 'json' | 'parquet';

/** `?a=1&b=2` from pairs, skipping empty values; '' when nothing is left. */
export function queryString(pairs: Array<[string, string | number | undefined | null]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of pairs) if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const dataLinks = {
  catalogue: '/data',
  publish: '/data/new',
  dataset: (id: string, version?: number) => `/data/datasets/${seg(id)}${queryString([['version', version]])}`,
  query: (id: string) => `/data/datasets/${seg(id)}/query`,
  chart: (id: string) => `/data/datasets/${seg(id)}/chart`,
  /** The rows API; `search` is a query string with its `?`, or ''. */
  rows: (id: string, search = '') => `/api/v1/data/datasets/${seg(id)}/rows${search}`,
  download: (id: string, format: DownloadFormat, version?: number) =>
    `/api/v1/data/datasets/${seg(id)}/download.${format}${queryString([['version', version]])}`,
  datapackage: (id: string) => `/api/v1/data/datasets/${seg(id)}/datapackage.json`,
  dcatJsonLd: (id: string) => `/api/v1/data/datasets/${seg(id)}/dcat.jsonld`,
  dcatTurtle: (id: string) => `/api/v1/data/datasets/${seg(id)}/dcat.ttl`,
  ckanPackageShow: (id: string) => `/api/3/action/package_show${queryString([['id', id]])}`,
  organisation: (slug: string) => `/organisations/${seg(slug)}`,
};
