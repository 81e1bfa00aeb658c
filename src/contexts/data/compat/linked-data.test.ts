import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { dataPackage, downloadSchema, frictionlessName } from './datapackage.js';
import { catalogNodes, datasetNodes } from './dcat/dcat.js';
import { NodeBuilder, toJsonLd, toTurtle } from './dcat/rdf.js';
import { sampleEntry } from './fixtures.js';
import { jsonForScript, schemaOrgDataset } from './schema-org.js';
import { compatUrls } from './urls.js';

const urls = compatUrls('https://open.seoul.example');
const page = 'https://open.seoul.example/data/datasets/subway-ridership';

describe('RDF serialisers', () => {
  it('write the same triples in JSON-LD and Turtle, with language tags and datatypes', async () => {
    const node = new NodeBuilder('https://x.example/d', 'dcat:Dataset')
      .text('dct:title', '제목 "따옴표"\n줄', 'ko')
      .text('dct:title', null)
      .iri('dcat:landingPage', 'https://x.example/d?a=1&b=<2>')
      .typed('dct:issued', '2026-01-01', 'xsd:date')
      .typed('dcat:version', undefined, 'xsd:string')
      .iri('dct:source', 'not a url').node;
    const ttl = await toTurtle([node]);
    expect(ttl).toContain('@prefix dcat: <http://www.w3.org/ns/dcat#>');
    const quads = new Parser().parse(ttl);
    expect(quads).toHaveLength(4);
    const title = quads.find((q) => q.predicate.value === 'http://purl.org/dc/terms/title')!.object as { value: string; language: string };
    expect([title.value, title.language]).toEqual(['제목 "따옴표"\n줄', 'ko']);
    const ld = toJsonLd([node]);
    expect(ld['@graph'][0]).toEqual({
      '@id': 'https://x.example/d',
      '@type': ['dcat:Dataset'],
      'dct:title': [{ '@value': '제목 "따옴표"\n줄', '@language': 'ko' }],
      'dcat:landingPage': [{ '@id': 'https://x.example/d?a=1&b=%3C2%3E' }],
      'dct:issued': [{ '@value': '2026-01-01', '@type': 'xsd:date' }],
    });
  });
});

describe('DCAT-AP 3 mapping', () => {
  it('describes a dataset with distributions, service, publisher, contact and coverage', () => {
    const nodes = datasetNodes(sampleEntry(), urls);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const props = (id: string, p: string) =>
      byId
        .get(id)!
        .props.filter(([k]) => k === p)
        .map(([, o]) => ('iri' in o ? o.iri : `${o.value}${o.lang ? `@${o.lang}` : ''}${o.datatype ? `^^${o.datatype}` : ''}`));
    expect(props(page, 'dct:description')).toEqual(['역별 승하차@ko']);
    expect(props(page, 'dcat:keyword')).toEqual(['지하철@ko', 'ridership']);
    expect(props(page, 'dcat:distribution')).toEqual(
      ['csv', 'json', 'parquet'].map((f) => `${page}#subway-ridership--table-${f}`).concat(`${page}#subway-ridership--api`),
    );
    expect(props(page, 'dct:spatial')).toEqual([`${page}#spatial`, 'https://sws.geonames.org/1835848/']);
    expect(props(page, 'dcat:version')).toEqual(['2']);
    expect(props(`${page}#temporal`, 'dcat:startDate')).toEqual(['2023^^xsd:gYear']);
    expect(props(`${page}#temporal`, 'dcat:endDate')).toEqual(['2023-12-31^^xsd:date']);
    expect(props(`${page}#subway-ridership--table-parquet`, 'dcat:mediaType')).toEqual([
      'https://www.iana.org/assignments/media-types/application/vnd.apache.parquet',
    ]);
    expect(props(`${page}#subway-ridership--table-api`, 'dcat:endpointURL')).toEqual([
      'https://open.seoul.example/api/v1/data/datasets/subway-ridership/rows?resource=subway-ridership--table',
    ]);
    expect(props('https://open.seoul.example/organisations/seoul-metro', 'foaf:name')).toEqual(['서울교통공사@ko', 'Seoul Metro@en']);
  });

  it('gives each published version a dcat:Dataset with pinned downloads, and the Parquet file its size and checksum', () => {
    const versions = new Map([
      [
        'subway-ridership--table',
        [
          { version: 1, publishedAt: '2026-01-05T00:00:00.000Z', rows: 8, parquet: { bytes: 900, sha256: 'cd'.repeat(32) }, withdrawn: null },
          { version: 2, publishedAt: '2026-02-01T00:00:00.000Z', rows: 10, parquet: { bytes: 1000, sha256: 'ef'.repeat(32) }, withdrawn: null },
        ],
      ],
    ]);
    const nodes = datasetNodes(sampleEntry(), urls, versions);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const props = (id: string, p: string) =>
      byId
        .get(id)!
        .props.filter(([k]) => k === p)
        .map(([, o]) => ('iri' in o ? o.iri : o.value));
    const v1 = `${page}?version=1`;
    expect(props(page, 'dcat:hasVersion')).toEqual([v1, `${page}?version=2`]);
    expect(props(page, 'dcat:hasCurrentVersion')).toEqual([`${page}?version=2`]);
    expect(props(v1, 'dcat:version')).toEqual(['1']);
    expect(props(v1, 'dcat:isVersionOf')).toEqual([page]);
    expect(props(`${v1}#subway-ridership--table-v1-csv`, 'dcat:downloadURL')).toEqual([urls.download('subway-ridership', 'subway-ridership--table', 'csv', 1)]);
    const parquet = `${page}#subway-ridership--table-parquet`;
    expect(props(parquet, 'dcat:downloadURL')[0]).toMatch(/download\.parquet\?resource=subway-ridership--table&version=2$/);
    expect(props(parquet, 'dcat:byteSize')).toEqual(['1000']);
    expect(props(`${parquet}-checksum`, 'spdx:checksumValue')).toEqual(['ef'.repeat(32)]);
    expect(props(`${page}#contact`, 'vcard:hasURL')).toEqual(['https://open.seoul.example/organisations/seoul-metro']);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
  });

  it('uses the title as the mandatory description when there is none', () => {
    const nodes = datasetNodes(sampleEntry({ description_ko: null, description_en: null }), urls);
    expect(nodes[0]!.props.filter(([p]) => p === 'dct:description').map(([, o]) => ('value' in o ? o.value : ''))).toEqual([
      '지하철 승하차 인원',
      'Subway ridership',
    ]);
  });

  it('lists shared nodes once in the catalogue', () => {
    const a = sampleEntry();
    const b = sampleEntry({ id: 'other' });
    const ids = catalogNodes([a, b], urls).map((n) => n.id);
    expect(ids.filter((id) => id.endsWith('/organisations/seoul-metro'))).toHaveLength(1);
    expect(ids.filter((id) => id === 'https://www.kogl.or.kr/info/licenseType1.do')).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('Frictionless datapackage.json', () => {
  it('pins each table to its version and adjusts the schema to the CSV we serve', () => {
    const pkg = dataPackage(sampleEntry(), urls);
    expect(pkg.profile).toBe('data-package');
    expect(pkg.resources[0]).toMatchObject({
      name: 'subway-ridership--table',
      profile: 'tabular-data-resource',
      encoding: 'utf-8',
      path: 'https://open.seoul.example/api/v1/data/datasets/subway-ridership/datapackage/subway-ridership--table/2/data.csv',
      schema: {
        fields: [
          { name: '일자', type: 'date' },
          { name: '승차', type: 'integer' },
          { name: '시각', type: 'datetime', format: 'any' },
        ],
        missingValues: [''],
      },
      dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
    });
    expect(pkg.resources[1]).toMatchObject({ profile: 'data-resource', path: 'http://openapi.seoul.go.kr:8088/', format: 'json' });
  });

  it('keeps names inside Frictionless’ alphabet', () => {
    expect(frictionlessName('Seoul_Bike Data!')).toBe('seoul_bike-data-');
    expect(downloadSchema({ fields: [{ name: 'd', type: 'date', format: '%Y년 %m월 %d일' }] }).fields[0]).toEqual({ name: 'd', type: 'date' });
  });
});

describe('schema.org Dataset', () => {
  const { dataset, resources } = sampleEntry();
  const rows = resources.map((r) => r.row);

  it('gives Google Dataset Search what it reads', () => {
    const ld = schemaOrgDataset(dataset, rows, 'https://open.seoul.example', {
      publisher: { name: '서울교통공사', url: 'https://open.seoul.example/organisations/seoul-metro' },
      columns: ['일자', '승차'],
    });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'Dataset',
      name: '지하철 승하차 인원',
      alternateName: 'Subway ridership',
      description: '역별 승하차',
      url: page,
      license: 'https://www.kogl.or.kr/info/licenseType1.do',
      temporalCoverage: '2023/2023-12-31',
      keywords: ['지하철', 'ridership'],
      spatialCoverage: { '@type': 'Place', name: '서울특별시' },
      creator: { '@type': 'Organization', name: '서울교통공사' },
      variableMeasured: ['일자', '승차'],
    });
    expect((ld.distribution as Array<{ encodingFormat: string }>).map((d) => d.encodingFormat)).toEqual([
      'text/csv',
      'application/json',
      'application/vnd.apache.parquet',
      'JSON',
    ]);
  });

  it('omits what is unknown and embeds safely in a script element', () => {
    const bare = schemaOrgDataset(
      { ...dataset, description_ko: null, temporal_start: null, temporal_end: null, spatial: null, keywords: '[]' },
      [],
      'https://x.example',
    );
    expect(bare).not.toHaveProperty('temporalCoverage');
    expect(bare).not.toHaveProperty('distribution');
    expect(bare.description).toBe('지하철 승하차 인원');
    expect(jsonForScript({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
