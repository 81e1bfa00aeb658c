/**
 * The absolute URLs the compatibility formats point to (pages, the native API, downloads), from the public
 * base URL (config.publicUrl). One place, so CKAN, DCAT, datapackage.json and schema.org agree.
 */
export type DownloadFormat = 'csv' | 'json' | 'parquet';

export const DOWNLOAD_MEDIA_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  parquet: 'application/vnd.apache.parquet',
};

const seg = encodeURIComponent;

export function compatUrls(base: string) {
  const root = base.replace(/\/$/, '');
  const api = `${root}/api/v1/data`;
  return {
    root,
    catalogue: `${root}/data`,
    datasetPage: (id: string) => `${root}/data/datasets/${seg(id)}`,
    organisationPage: (slug: string) => `${root}/organisations/${seg(slug)}`,
    rows: (id: string, resourceId: string) => `${api}/datasets/${seg(id)}/rows?resource=${seg(resourceId)}`,
    /** The latest published version, or a given one (a stable URL for that version's content). */
    download: (id: string, resourceId: string, format: DownloadFormat, version?: number) =>
      `${api}/datasets/${seg(id)}/download.${format}?resource=${seg(resourceId)}${version === undefined ? '' : `&version=${version}`}`,
    datapackage: (id: string) => `${api}/datasets/${seg(id)}/datapackage.json`,
    /** A version's CSV without the byte order mark (machines; the download above keeps it for Excel). */
    packageCsv: (id: string, resourceId: string, version: number) => `${api}/datasets/${seg(id)}/datapackage/${seg(resourceId)}/${version}/data.csv`,
    /** A version of a dataset as an RDF resource (DCAT dcat:hasVersion): the dataset page at that version. */
    versionIri: (id: string, version: number) => `${root}/data/datasets/${seg(id)}?version=${version}`,
    dcat: (id: string) => `${api}/datasets/${seg(id)}/dcat.jsonld`,
    catalogJsonLd: `${api}/catalog.jsonld`,
    catalogTurtle: `${api}/catalog.ttl`,
    ckanAction: (name: string) => `${root}/api/3/action/${name}`,
  };
}
export type CompatUrls = ReturnType<typeof compatUrls>;
