import type { OrganisationRow } from '../../../accounts/index.js';
import type { CatalogueEntry, CatalogueResource } from '../catalogue-view.js';
import { koFirst } from '../catalogue-view.js';
import type { CompatUrls } from '../urls.js';
import { coversSeoul, EU_FREQUENCY, GEONAMES_SEOUL, licence, topicLabel } from '../vocabularies.js';

/**
 * Our catalogue as CKAN 2.10 dictionaries (package, resource, organization, group, licence). Names are our
 * ids (already CKAN-safe: lower case, digits, dashes). Extras use ckanext-dcat's keys so a CKAN with that
 * extension maps them on harvest; `spatial` is left out on purpose, because ckanext-spatial reads it as GeoJSON.
 */
const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', tsv: 'TSV', json: 'JSON', ndjson: 'NDJSON', xlsx: 'XLSX', parquet: 'Parquet' };
const formatName = (f: string | null | undefined) => (f ? (FORMAT_NAMES[f.toLowerCase()] ?? f.toUpperCase()) : '');

export function ckanOrganization(org: OrganisationRow, urls: CompatUrls, packageCount?: number) {
  const title = koFirst(org.name_ko, org.name_en) ?? org.slug;
  return {
    id: org.id,
    name: org.slug,
    title,
    display_name: title,
    title_translated: { ko: org.name_ko, en: org.name_en },
    description: koFirst(org.description_ko, org.description_en) ?? '',
    type: 'organization',
    is_organization: true,
    state: 'active',
    approval_status: 'approved',
    image_url: '',
    image_display_url: '',
    created: org.created_at,
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
    extras: [
      { key: 'org_type', value: org.type },
      { key: 'homepage', value: org.website ?? urls.organisationPage(org.slug) },
    ],
  };
}
export type CkanOrganization = ReturnType<typeof ckanOrganization>;

export function ckanGroup(topic: string) {
  const label = topicLabel(topic);
  return {
    id: topic,
    name: topic,
    title: label.ko,
    display_name: label.ko,
    title_translated: { ko: label.ko, en: label.en },
    description: '',
    image_display_url: '',
  };
}

export function ckanResource(entry: CatalogueEntry, r: CatalogueResource, urls: CompatUrls) {
  const { row, latest } = r;
  const table = row.kind === 'table';
  // A published table's url is our CSV download, so its format is CSV (the uploaded file's format is kept
  // apart); a table with nothing published yet has nothing to download and points to the dataset page.
  const downloadable = table && latest !== null;
  const format = downloadable ? 'CSV' : table ? '' : formatName(row.format);
  return {
    id: row.id,
    package_id: entry.dataset.id,
    name: row.name,
    description: row.description ?? '',
    format,
    mimetype: downloadable ? 'text/csv' : null,
    url: downloadable ? urls.download(entry.dataset.id, row.id, 'csv') : table ? urls.datasetPage(entry.dataset.id) : (row.url ?? ''),
    url_type: null,
    resource_type: row.kind,
    position: row.position,
    state: 'active',
    datastore_active: downloadable,
    created: row.created_at,
    last_modified: latest?.publishedAt ?? row.updated_at,
    metadata_modified: row.updated_at,
    size: null,
    hash: '',
    version: latest?.version ?? null,
    rows: latest?.rows ?? null,
    source_format: table ? formatName(latest?.format) || null : null,
  };
}
export type CkanResource = ReturnType<typeof ckanResource>;

/** A CKAN package (dataset) dict as package_show and package_search return it. */
export function ckanPackage(entry: CatalogueEntry, urls: CompatUrls) {
  const d = entry.dataset;
  const lic = licence(d.licence);
  const resources = entry.resources.map((r) => ckanResource(entry, r, urls));
  const tags = entry.keywords.map((k) => ({ id: k, name: k, display_name: k, state: 'active', vocabulary_id: null }));
  const extras: Array<{ key: string; value: string }> = [];
  const extra = (key: string, value: string | null | undefined) => {
    if (value) extras.push({ key, value });
  };
  extra('temporal_start', d.temporal_start);
  extra('temporal_end', d.temporal_end);
  extra('spatial_text', d.spatial);
  extra('spatial_uri', coversSeoul(d.spatial) ? GEONAMES_SEOUL : null);
  extra('frequency', EU_FREQUENCY[d.frequency as keyof typeof EU_FREQUENCY] ?? d.frequency);
  extra('contact_name', d.contact_name);
  extra('contact_email', d.contact_email);
  extra('publisher_name', entry.publisher ? koFirst(entry.publisher.name_ko, entry.publisher.name_en) : null);
  extra('publisher_uri', entry.publisher ? urls.organisationPage(entry.publisher.slug) : null);
  extra('attribution', d.attribution);
  extra('language', 'ko');
  extra('dcat_uri', urls.datasetPage(d.id));
  return {
    id: d.id,
    name: d.id,
    title: koFirst(d.title_ko, d.title_en) ?? d.id,
    title_translated: { ko: d.title_ko, en: d.title_en },
    notes: koFirst(d.description_ko, d.description_en) ?? '',
    notes_translated: { ko: d.description_ko, en: d.description_en },
    url: d.source_url ?? urls.datasetPage(d.id),
    author: entry.publisher ? koFirst(entry.publisher.name_ko, entry.publisher.name_en) : null,
    author_email: null,
    maintainer: d.contact_name,
    maintainer_email: d.contact_email,
    license_id: lic.id,
    license_title: lic.ko,
    license_url: lic.url,
    isopen: lic.open,
    private: false,
    state: 'active',
    type: 'dataset',
    version: null,
    metadata_created: d.created_at,
    metadata_modified: entry.modified,
    owner_org: entry.publisher?.id ?? null,
    organization: entry.publisher ? ckanOrganization(entry.publisher, urls) : null,
    groups: entry.topics.map(ckanGroup),
    tags,
    num_tags: tags.length,
    resources,
    num_resources: resources.length,
    extras,
    relationships_as_object: [] as never[],
    relationships_as_subject: [] as never[],
  };
}
export type CkanPackage = ReturnType<typeof ckanPackage>;

/** One licence as license_list gives it (CKAN's licence register shape). */
export function ckanLicence(id: string) {
  const lic = licence(id);
  const conformance = lic.open ? 'approved' : 'not reviewed';
  return {
    id: lic.id,
    title: lic.ko,
    title_translated: { ko: lic.ko, en: lic.en },
    url: lic.url ?? '',
    status: 'active',
    maintainer: '',
    family: id.startsWith('KOGL') ? 'KOGL' : id.startsWith('CC') ? 'Creative Commons' : '',
    od_conformance: conformance,
    osd_conformance: 'not reviewed',
    domain_content: true,
    domain_data: true,
    domain_software: false,
    is_generic: false,
    is_okd_compliant: lic.open,
    is_osi_compliant: false,
  };
}
