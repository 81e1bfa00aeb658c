import type { CatalogueEntry, CatalogueResource } from '../catalogue-view.js';
import type { CompatUrls, DownloadFormat } from '../urls.js';
import { DOWNLOAD_MEDIA_TYPES } from '../urls.js';
import {
  coversSeoul,
  EU_ACCESS_PUBLIC,
  EU_FILE_TYPE,
  EU_FREQUENCY,
  EU_LANGUAGE_KOREAN,
  EU_THEME,
  EU_THEME_SCHEME,
  GEONAMES_SEOUL,
  ianaMediaType,
  langOf,
  licence,
} from '../vocabularies.js';
import { NodeBuilder, PREFIXES, type Curie, type RdfNode } from './rdf.js';
import type { VersionFacts } from './versions.js';

/**
 * The catalogue in DCAT-AP 3 (DCAT 3): one dcat:Catalog, a dcat:Dataset per public dataset (IRI = its page),
 * per published table three dcat:Distributions (CSV, JSON, Parquet downloads of that version, the Parquet file
 * with its byte size and SHA-256) and a dcat:DataService for the rows API, every published version as a
 * dcat:hasVersion of its own with pinned downloads; link and API resources as distributions with their access URL. Publishers are foaf:Agents,
 * contacts vcard:Kinds, coverage dct:PeriodOfTime / dct:Location; themes, frequencies, file types and
 * languages use the EU authority tables DCAT-AP recommends.
 */
const FORMATS: DownloadFormat[] = ['csv', 'json', 'parquet'];

/** xsd type of a partial date as the catalogue stores it (YYYY, YYYY-MM or YYYY-MM-DD). */
const dateType = (value: string): Curie => (value.length === 4 ? 'xsd:gYear' : value.length === 7 ? 'xsd:gYearMonth' : 'xsd:date');

/** The Parquet file's size and SHA-256 (spdx:Checksum), the one download served byte for byte. */
function fileFacts(dist: NodeBuilder, vf: VersionFacts | undefined, nodes: RdfNode[]) {
  if (!vf?.parquet) return;
  const checksum = new NodeBuilder(`${dist.node.id}-checksum`, 'spdx:Checksum')
    .iri('spdx:algorithm', `${PREFIXES.spdx}checksumAlgorithm_sha256`)
    .typed('spdx:checksumValue', vf.parquet.sha256, 'xsd:hexBinary');
  dist.typed('dcat:byteSize', vf.parquet.bytes, 'xsd:nonNegativeInteger').iri('spdx:checksum', checksum.node.id);
  nodes.push(checksum.node);
}

/** CSV, JSON and Parquet downloads of one version (stable URLs: `&version=N`), and the rows API serving it. */
function versionFiles(
  entry: CatalogueEntry,
  r: CatalogueResource,
  urls: CompatUrls,
  owner: string,
  licenceUrl: string | null,
  version: number,
  vf: VersionFacts | undefined,
  suffix: string,
): RdfNode[] {
  const d = entry.dataset;
  const dists: RdfNode[] = [];
  const extra: RdfNode[] = [];
  const datasetIri = urls.datasetPage(d.id);
  const service = new NodeBuilder(`${datasetIri}#${r.row.id}-api`, 'dcat:DataService')
    .text('dct:title', `${r.row.name}: rows API`, undefined)
    .iri('dcat:endpointURL', urls.rows(d.id, r.row.id))
    .iri('dcat:endpointDescription', `${urls.root}/api/openapi.json`)
    .iri('dcat:servesDataset', datasetIri)
    .iri('dct:license', licenceUrl);
  for (const format of FORMATS) {
    const url = urls.download(d.id, r.row.id, format, version);
    const dist = new NodeBuilder(`${owner}#${r.row.id}${suffix}-${format}`, 'dcat:Distribution')
      .text('dct:title', `${r.row.name} (${format.toUpperCase()}, v${version})`, langOf(r.row.name))
      .iri('dcat:accessURL', url)
      .iri('dcat:downloadURL', url)
      .iri('dcat:mediaType', ianaMediaType(DOWNLOAD_MEDIA_TYPES[format]))
      .iri('dct:format', EU_FILE_TYPE[format])
      .iri('dct:license', licenceUrl)
      .iri('dcat:accessService', service.node.id)
      .typed('dct:issued', vf?.publishedAt, 'xsd:dateTime');
    if (format === 'parquet') fileFacts(dist, vf, extra);
    dists.push(dist.node);
  }
  // The rows API serves the latest version: described once, with the dataset's own distributions.
  return suffix ? [...dists, ...extra] : [...dists, service.node, ...extra];
}

function distributions(
  entry: CatalogueEntry,
  r: CatalogueResource,
  urls: CompatUrls,
  datasetIri: string,
  licenceUrl: string | null,
  versions: VersionFacts[] | undefined,
): RdfNode[] {
  if (r.row.kind !== 'table') {
    const dist = new NodeBuilder(`${datasetIri}#${r.row.id}`, 'dcat:Distribution')
      .text('dct:title', r.row.name, langOf(r.row.name))
      .text('dct:description', r.row.description, langOf(r.row.description ?? ''))
      .iri('dcat:accessURL', r.row.url ?? datasetIri)
      .iri('dct:format', r.row.format ? EU_FILE_TYPE[r.row.format.toLowerCase()] : null)
      .iri('dct:license', licenceUrl);
    return [dist.node];
  }
  if (!r.latest) return [];
  return versionFiles(
    entry,
    r,
    urls,
    datasetIri,
    licenceUrl,
    r.latest.version,
    versions?.find((v) => v.version === r.latest!.version),
    '',
  );
}

/**
 * DCAT 3 versioning: each published version of the first table is a dcat:Dataset of its own (IRI: the dataset
 * page at that version), dcat:isVersionOf the dataset, with its dcat:version, issue date and pinned downloads.
 */
function versionNodes(
  entry: CatalogueEntry,
  urls: CompatUrls,
  ds: NodeBuilder,
  licenceUrl: string | null,
  versions: Map<string, VersionFacts[]> | undefined,
): RdfNode[] {
  const d = entry.dataset;
  const table = entry.resources.find((r) => r.row.kind === 'table' && r.latest);
  const list = table ? (versions?.get(table.row.id) ?? []) : [];
  const nodes: RdfNode[] = [];
  for (const vf of list) {
    const iri = urls.versionIri(d.id, vf.version);
    if (vf.withdrawn) {
      // Withdrawn: listed with when and why (ADMS status), with no distribution — its rows are no longer served.
      const gone = new NodeBuilder(iri, 'dcat:Dataset')
        .iri('dcat:isVersionOf', ds.node.id)
        .text('dcat:version', String(vf.version))
        .iri('adms:status', 'http://purl.org/adms/status/Withdrawn')
        .text('adms:versionNotes', vf.withdrawn.reason, langOf(vf.withdrawn.reason ?? ''))
        .typed('dct:issued', vf.publishedAt, 'xsd:dateTime')
        .typed('dct:modified', vf.withdrawn.at, 'xsd:dateTime');
      ds.iri('dcat:hasVersion', iri);
      nodes.unshift(gone.node);
      continue;
    }
    const node = new NodeBuilder(iri, 'dcat:Dataset')
      .iri('dcat:isVersionOf', ds.node.id)
      .text('dcat:version', String(vf.version))
      .text('dct:title', d.title_ko ? `${d.title_ko} (버전 ${vf.version})` : null, 'ko')
      .text('dct:title', d.title_en ? `${d.title_en} (version ${vf.version})` : null, 'en')
      .text('dct:description', `${d.title_ko ?? d.title_en ?? d.id}: ${vf.rows.toLocaleString('en')} rows`, undefined)
      .typed('dct:issued', vf.publishedAt, 'xsd:dateTime')
      .iri('dcat:landingPage', iri);
    for (const f of versionFiles(entry, table!, urls, iri, licenceUrl, vf.version, vf, `-v${vf.version}`)) {
      if (f.types.includes('dcat:Distribution')) node.iri('dcat:distribution', f.id);
      nodes.push(f);
    }
    ds.iri('dcat:hasVersion', iri);
    if (vf.version === table!.latest!.version) ds.iri('dcat:hasCurrentVersion', iri);
    nodes.unshift(node.node);
  }
  return nodes;
}

/** The nodes describing one dataset (the dataset, its distributions, publisher, contact, coverage, licence). */
export function datasetNodes(entry: CatalogueEntry, urls: CompatUrls, versions?: Map<string, VersionFacts[]>): RdfNode[] {
  const d = entry.dataset;
  const iri = urls.datasetPage(d.id);
  const lic = licence(d.licence);
  const nodes: RdfNode[] = [];
  const ds = new NodeBuilder(iri, 'dcat:Dataset')
    .text('dct:identifier', d.id)
    .text('dct:title', d.title_ko, 'ko')
    .text('dct:title', d.title_en, 'en')
    // dct:description is mandatory in DCAT-AP: the title stands in when there is none.
    .text('dct:description', d.description_ko ?? (d.description_en ? null : d.title_ko), 'ko')
    .text('dct:description', d.description_en ?? (d.description_ko ? null : d.title_en), 'en')
    .iri('dcat:landingPage', iri)
    .iri('dct:accessRights', EU_ACCESS_PUBLIC)
    .iri('dct:language', EU_LANGUAGE_KOREAN)
    .iri('dct:accrualPeriodicity', EU_FREQUENCY[d.frequency as keyof typeof EU_FREQUENCY])
    .typed('dct:issued', d.created_at, 'xsd:dateTime')
    .typed('dct:modified', entry.modified, 'xsd:dateTime')
    .iri('dct:source', d.source_url);
  for (const k of entry.keywords) ds.text('dcat:keyword', k, langOf(k));
  for (const t of entry.topics) ds.iri('dcat:theme', EU_THEME[t as keyof typeof EU_THEME]);
  const firstTable = entry.resources.find((r) => r.row.kind === 'table' && r.latest);
  ds.text('dcat:version', firstTable?.latest ? String(firstTable.latest.version) : null);

  if (entry.publisher) {
    const p = entry.publisher;
    const agent = new NodeBuilder(urls.organisationPage(p.slug), 'foaf:Agent', 'foaf:Organization')
      .text('foaf:name', p.name_ko, 'ko')
      .text('foaf:name', p.name_en, 'en')
      .iri('foaf:homepage', p.website);
    ds.iri('dct:publisher', agent.node.id);
    nodes.push(agent.node);
  }
  // The contact point (mandatory in DCAT-AP): the dataset's own contact, else its publisher's page.
  const publisherName = entry.publisher ? (entry.publisher.name_ko ?? entry.publisher.name_en) : null;
  if (d.contact_name || d.contact_email || entry.publisher) {
    const fn = d.contact_name ?? d.contact_email ?? publisherName;
    const contact = new NodeBuilder(`${iri}#contact`, d.contact_name || d.contact_email ? 'vcard:Kind' : 'vcard:Organization')
      .text('vcard:fn', fn, langOf(fn ?? ''))
      .iri('vcard:hasEmail', d.contact_email ? `mailto:${d.contact_email}` : null)
      .iri('vcard:hasURL', entry.publisher ? urls.organisationPage(entry.publisher.slug) : null);
    ds.iri('dcat:contactPoint', contact.node.id);
    nodes.push(contact.node);
  }
  if (d.temporal_start || d.temporal_end) {
    const period = new NodeBuilder(`${iri}#temporal`, 'dct:PeriodOfTime');
    if (d.temporal_start) period.typed('dcat:startDate', d.temporal_start, dateType(d.temporal_start));
    if (d.temporal_end) period.typed('dcat:endDate', d.temporal_end, dateType(d.temporal_end));
    ds.iri('dct:temporal', period.node.id);
    nodes.push(period.node);
  }
  if (d.spatial) {
    const place = new NodeBuilder(`${iri}#spatial`, 'dct:Location').text('locn:geographicName', d.spatial, langOf(d.spatial) ?? 'en');
    ds.iri('dct:spatial', place.node.id).iri('dct:spatial', coversSeoul(d.spatial) ? GEONAMES_SEOUL : null);
    nodes.push(place.node);
  }
  if (d.attribution) {
    const rights = new NodeBuilder(`${iri}#rights`, 'dct:RightsStatement').text('rdfs:label', d.attribution, langOf(d.attribution));
    ds.iri('dct:rights', rights.node.id);
    nodes.push(rights.node);
  }
  if (lic.url) {
    nodes.push(new NodeBuilder(lic.url, 'dct:LicenseDocument').text('rdfs:label', lic.ko, 'ko').text('rdfs:label', lic.en, 'en').node);
  }
  nodes.push(...versionNodes(entry, urls, ds, lic.url, versions));
  for (const r of entry.resources) {
    for (const node of distributions(entry, r, urls, iri, lic.url, versions?.get(r.row.id))) {
      if (node.types.includes('dcat:Distribution')) ds.iri('dcat:distribution', node.id);
      nodes.push(node);
    }
  }
  return [ds.node, ...nodes];
}

/** The whole public catalogue; nodes shared by datasets (publishers, licences) appear once. */
export function catalogNodes(entries: CatalogueEntry[], urls: CompatUrls, versions?: Map<string, VersionFacts[]>): RdfNode[] {
  const publisher = new NodeBuilder(`${urls.root}/#platform`, 'foaf:Agent')
    .text('foaf:name', '열린 서울', 'ko')
    .text('foaf:name', 'Open Seoul', 'en')
    .iri('foaf:homepage', `${urls.root}/`);
  const catalog = new NodeBuilder(urls.catalogue, 'dcat:Catalog')
    .text('dct:title', '열린 서울 데이터 카탈로그', 'ko')
    .text('dct:title', 'Open Seoul data catalogue', 'en')
    .text('dct:description', '서울의 공공 데이터: 내려받고 API로 조회할 수 있는 데이터셋 목록', 'ko')
    .text('dct:description', 'Public data of Seoul: datasets to download and query through the API', 'en')
    .iri('dct:publisher', publisher.node.id)
    .iri('foaf:homepage', urls.catalogue)
    .iri('dct:language', EU_LANGUAGE_KOREAN)
    .iri('dcat:themeTaxonomy', EU_THEME_SCHEME)
    .typed(
      'dct:modified',
      entries
        .map((e) => e.modified)
        .sort()
        .at(-1),
      'xsd:dateTime',
    );
  const seen = new Set<string>();
  const nodes: RdfNode[] = [];
  for (const entry of entries) {
    catalog.iri('dcat:dataset', urls.datasetPage(entry.dataset.id));
    for (const node of datasetNodes(entry, urls, versions)) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      nodes.push(node);
    }
  }
  return [catalog.node, publisher.node, ...nodes];
}
