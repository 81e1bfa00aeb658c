import type { CatalogueEntry, CatalogueResource } from '../catalogue-view.js';
import type { CompatUrls, DownloadFormat } from '../urls.js';
import { DOWNLOAD_MEDIA_TYPES } from '../urls.js';
import {
  coversSeoul, EU_ACCESS_PUBLIC, EU_FILE_TYPE, EU_FREQUENCY, EU_LANGUAGE_KOREAN, EU_THEME, EU_THEME_SCHEME, GEONAMES_SEOUL, ianaMediaType, langOf, licence,
} from '../vocabularies.js';
import { NodeBuilder, type Curie, type RdfNode } from './rdf.js';

/**
 * The catalogue in DCAT-AP 3 (DCAT 3): one dcat:Catalog, a dcat:Dataset per public dataset (IRI = its page),
 * per published table three dcat:Distributions (CSV, JSON, Parquet downloads) and a dcat:DataService for the
 * rows API; link and API resources as distributions with their access URL. Publishers are foaf:Agents,
 * contacts vcard:Kinds, coverage dct:PeriodOfTime / dct:Location; themes, frequencies, file types and
 * languages use the EU authority tables DCAT-AP recommends.
 */
const FORMATS: DownloadFormat[] = ['csv', 'json', 'parquet'];

/** xsd type of a partial date as the catalogue stores it (YYYY, YYYY-MM or YYYY-MM-DD). */
const dateType = (value: string): Curie => (value.length === 4 ? 'xsd:gYear' : value.length === 7 ? 'xsd:gYearMonth' : 'xsd:date');

function distributions(entry: CatalogueEntry, r: CatalogueResource, urls: CompatUrls, datasetIri: string, licenceUrl: string | null): RdfNode[] {
  const d = entry.dataset;
  if (r.row.kind !== 'table') {
    const dist = new NodeBuilder(`${datasetIri}#${r.row.id}`, 'dcat:Distribution')
      .text('dct:title', r.row.name, langOf(r.row.name)).text('dct:description', r.row.description, langOf(r.row.description ?? ''))
      .iri('dcat:accessURL', r.row.url ?? datasetIri).iri('dct:format', r.row.format ? EU_FILE_TYPE[r.row.format.toLowerCase()] : null)
      .iri('dct:license', licenceUrl);
    return [dist.node];
  }
  if (!r.latest) return [];
  const service = new NodeBuilder(`${datasetIri}#${r.row.id}-api`, 'dcat:DataService')
    .text('dct:title', `${r.row.name}: rows API`, undefined)
    .iri('dcat:endpointURL', urls.rows(d.id, r.row.id)).iri('dcat:endpointDescription', `${urls.root}/api/openapi.json`)
    .iri('dcat:servesDataset', datasetIri).iri('dct:license', licenceUrl);
  const files = FORMATS.map((format) => new NodeBuilder(`${datasetIri}#${r.row.id}-${format}`, 'dcat:Distribution')
    .text('dct:title', `${r.row.name} (${format.toUpperCase()})`, langOf(r.row.name))
    .iri('dcat:accessURL', urls.download(d.id, r.row.id, format)).iri('dcat:downloadURL', urls.download(d.id, r.row.id, format))
    .iri('dcat:mediaType', ianaMediaType(DOWNLOAD_MEDIA_TYPES[format])).iri('dct:format', EU_FILE_TYPE[format])
    .iri('dct:license', licenceUrl).iri('dcat:accessService', service.node.id)
    .typed('dct:modified', r.latest!.publishedAt, 'xsd:dateTime').node);
  return [...files, service.node];
}

/** The nodes describing one dataset (the dataset, its distributions, publisher, contact, coverage, licence). */
export function datasetNodes(entry: CatalogueEntry, urls: CompatUrls): RdfNode[] {
  const d = entry.dataset;
  const iri = urls.datasetPage(d.id);
  const lic = licence(d.licence);
  const nodes: RdfNode[] = [];
  const ds = new NodeBuilder(iri, 'dcat:Dataset')
    .text('dct:identifier', d.id)
    .text('dct:title', d.title_ko, 'ko').text('dct:title', d.title_en, 'en')
    // dct:description is mandatory in DCAT-AP: the title stands in when there is none.
    .text('dct:description', d.description_ko ?? (d.description_en ? null : d.title_ko), 'ko')
    .text('dct:description', d.description_en ?? (d.description_ko ? null : d.title_en), 'en')
    .iri('dcat:landingPage', iri).iri('dct:accessRights', EU_ACCESS_PUBLIC).iri('dct:language', EU_LANGUAGE_KOREAN)
    .iri('dct:accrualPeriodicity', EU_FREQUENCY[d.frequency as keyof typeof EU_FREQUENCY])
    .typed('dct:issued', d.created_at, 'xsd:dateTime').typed('dct:modified', entry.modified, 'xsd:dateTime')
    .iri('dct:source', d.source_url);
  for (const k of entry.keywords) ds.text('dcat:keyword', k, langOf(k));
  for (const t of entry.topics) ds.iri('dcat:theme', EU_THEME[t as keyof typeof EU_THEME]);
  const firstTable = entry.resources.find((r) => r.row.kind === 'table' && r.latest);
  ds.text('dcat:version', firstTable?.latest ? String(firstTable.latest.version) : null);

  if (entry.publisher) {
    const p = entry.publisher;
    const agent = new NodeBuilder(urls.organisationPage(p.slug), 'foaf:Agent', 'foaf:Organization')
      .text('foaf:name', p.name_ko, 'ko').text('foaf:name', p.name_en, 'en').iri('foaf:homepage', p.website);
    ds.iri('dct:publisher', agent.node.id);
    nodes.push(agent.node);
  }
  if (d.contact_name || d.contact_email) {
    const contact = new NodeBuilder(`${iri}#contact`, 'vcard:Kind')
      .text('vcard:fn', d.contact_name ?? d.contact_email, langOf(d.contact_name ?? '')).iri('vcard:hasEmail', d.contact_email ? `mailto:${d.contact_email}` : null);
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
  for (const r of entry.resources) {
    for (const node of distributions(entry, r, urls, iri, lic.url)) {
      if (node.types.includes('dcat:Distribution')) ds.iri('dcat:distribution', node.id);
      nodes.push(node);
    }
  }
  return [ds.node, ...nodes];
}

/** The whole public catalogue; nodes shared by datasets (publishers, licences) appear once. */
export function catalogNodes(entries: CatalogueEntry[], urls: CompatUrls): RdfNode[] {
  const publisher = new NodeBuilder(`${urls.root}/#platform`, 'foaf:Agent').text('foaf:name', '열린 서울', 'ko').text('foaf:name', 'Open Seoul', 'en').iri('foaf:homepage', `${urls.root}/`);
  const catalog = new NodeBuilder(urls.catalogue, 'dcat:Catalog')
    .text('dct:title', '열린 서울 데이터 카탈로그', 'ko').text('dct:title', 'Open Seoul data catalogue', 'en')
    .text('dct:description', '서울의 공공 데이터: 내려받고 API로 조회할 수 있는 데이터셋 목록', 'ko')
    .text('dct:description', 'Public data of Seoul: datasets to download and query through the API', 'en')
    .iri('dct:publisher', publisher.node.id).iri('foaf:homepage', urls.catalogue).iri('dct:language', EU_LANGUAGE_KOREAN)
    .iri('dcat:themeTaxonomy', EU_THEME_SCHEME)
    .typed('dct:modified', entries.map((e) => e.modified).sort().at(-1), 'xsd:dateTime');
  const seen = new Set<string>();
  const nodes: RdfNode[] = [];
  for (const entry of entries) {
    catalog.iri('dcat:dataset', urls.datasetPage(entry.dataset.id));
    for (const node of datasetNodes(entry, urls)) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      nodes.push(node);
    }
  }
  return [catalog.node, publisher.node, ...nodes];
}
