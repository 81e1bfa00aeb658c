import { XMLParser, XMLValidator } from 'fast-xml-parser';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenCompatCatalogue, RIDERSHIP_ROWS } from '../support/compat-catalogue.js';
import { system, type Actor } from '../../src/core/auth/actor.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { issueOpenApiKey, revokeOpenApiKey } from '../../src/contexts/data/use-cases/issue-openapi-key.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/** DCAT-AP 3, Frictionless datapackage.json and the Seoul Open Data Plaza URL shim (catalogue: test/support/compat-catalogue.ts). */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await givenCompatCatalogue(t.services);
});
afterAll(() => t?.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Record<string, any>, headers: res.headers, text: res.body };
};

describe(`DCAT-AP 3 and Frictionless (${dialect})`, () => {
  const parseTurtle = (text: string) => new Parser().parse(text).map(tripleKey).sort();
  const tripleKey = (q: {
    subject: { value: string };
    predicate: { value: string };
    object: { termType: string; value: string; language?: string; datatype?: { value: string } };
  }) =>
    `${q.subject.value} ${q.predicate.value} ${q.object.termType === 'Literal' ? JSON.stringify([q.object.value, q.object.language || q.object.datatype?.value]) : q.object.value}`;
  const jsonLdTriples = async (doc: object) => {
    const nquads = (await jsonld.toRDF(
      doc as jsonld.JsonLdDocument,
      { format: 'application/n-quads', documentLoader: noRemote } as jsonld.Options.ToRdf,
    )) as unknown as string;
    return parseTurtle(nquads);
  };
  const noRemote = async (url: string) => {
    throw new Error(`no remote contexts: ${url}`);
  };
  const P = {
    dct: 'http://purl.org/dc/terms/',
    dcat: 'http://www.w3.org/ns/dcat#',
    vcard: 'http://www.w3.org/2006/vcard/ns#',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  };

  it('serves the catalogue as JSON-LD and Turtle that parse to the same triples', async () => {
    const ld = await get('/api/v1/data/catalog.jsonld');
    expect(ld.status).toBe(200);
    expect(ld.headers['content-type']).toMatch(/^application\/ld\+json/);
    const ttl = await t.app.inject({ method: 'GET', url: '/api/v1/data/catalog.ttl' });
    expect(ttl.headers['content-type']).toMatch(/^text\/turtle/);
    const fromTurtle = parseTurtle(ttl.body);
    const fromJsonLd = await jsonLdTriples(ld.body);
    expect(fromJsonLd).toEqual(fromTurtle);

    const store = new Store(new Parser().parse(ttl.body));
    const page = 'http://localhost:8080/data/datasets/subway-ridership';
    const objects = (s: string, p: string) =>
      store.getObjects(s, p, null).map((o) => (o.termType === 'Literal' ? `${o.value}@${(o as { language: string }).language}` : o.value));
    expect(objects('http://localhost:8080/data', `${P.rdf}type`)).toEqual([`${P.dcat}Catalog`]);
    expect(objects('http://localhost:8080/data', `${P.dcat}dataset`).sort()).toEqual(
      ['air-quality', 'bike-stations', 'subway-ridership'].map((id) => `http://localhost:8080/data/datasets/${id}`),
    );
    expect(objects(page, `${P.dct}title`).sort()).toEqual(['Subway ridership@en', '지하철 승하차 인원@ko']);
    expect(objects(page, `${P.dcat}distribution`)).toHaveLength(3);
    expect(objects(page, `${P.dcat}theme`)).toEqual(['http://publications.europa.eu/resource/authority/data-theme/TRAN']);
    expect(objects(`${page}#contact`, `${P.vcard}hasEmail`)).toEqual(['mailto:data@seoulmetro.example']);
    const start = store.getObjects(`${page}#temporal`, `${P.dcat}startDate`, null)[0] as { value: string; datatype: { value: string } };
    expect([start.value, start.datatype.value]).toEqual(['2023-01', 'http://www.w3.org/2001/XMLSchema#gYearMonth']);
    const csv = `${page}#subway-ridership--table-csv`;
    expect(objects(csv, `${P.dcat}mediaType`)).toEqual(['https://www.iana.org/assignments/media-types/text/csv']);
    expect(objects(csv, `${P.dcat}downloadURL`)[0]).toMatch(/\/download\.csv\?resource=subway-ridership--table&version=1$/);
    expect(objects(csv, `${P.dct}license`)).toEqual(['https://www.kogl.or.kr/info/licenseType1.do']);
    expect(
      store
        .getSubjects(null, null, null)
        .map((s) => s.value)
        .join(' '),
    ).not.toContain('secret-data');
  });

  it('serves one dataset in DCAT, and 404 for unknown or restricted ones', async () => {
    const one = await get('/api/v1/data/datasets/air-quality/dcat.jsonld');
    expect(one.status).toBe(200);
    const triples = await jsonLdTriples(one.body);
    expect(triples.some((x) => x.startsWith('http://localhost:8080/data/datasets/air-quality http://purl.org/dc/terms/title'))).toBe(true);
    const ttl = await t.app.inject({ method: 'GET', url: '/api/v1/data/datasets/air-quality/dcat.ttl' });
    expect(parseTurtle(ttl.body)).toEqual(triples);
    for (const id of ['nope', 'secret-data']) {
      const res = await get(`/api/v1/data/datasets/${id}/dcat.jsonld`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('dataset.not_found');
    }
  });

  it('serves datapackage.json with the version’s Table Schema and the CSV of that version', async () => {
    const res = await get('/api/v1/data/datasets/subway-ridership/datapackage.json');
    expect(res.status).toBe(200);
    const pkg = res.body;
    expect(pkg).toMatchObject({
      profile: 'tabular-data-package',
      name: 'subway-ridership',
      title: '지하철 승하차 인원',
      keywords: ['지하철', '승하차'],
      licenses: [{ name: 'KOGL-1', path: 'https://www.kogl.or.kr/info/licenseType1.do' }],
      sources: [{ title: '출처: 서울교통공사', path: 'https://data.seoul.go.kr/dataList/OA-12914/S/1/datasetView.do' }],
      contributors: [{ title: '서울교통공사', role: 'publisher' }],
    });
    expect(pkg.resources).toHaveLength(1);
    const [resource] = pkg.resources;
    expect(resource).toMatchObject({
      name: 'subway-ridership--table',
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      'x-version': 1,
      'x-rows': RIDERSHIP_ROWS,
    });
    expect(resource.path).toBe('http://localhost:8080/api/v1/data/datasets/subway-ridership/datapackage/subway-ridership--table/1/data.csv');
    expect(resource.schema.fields.map((f: { name: string; type: string }) => `${f.name}:${f.type}`)).toEqual([
      '번호:integer',
      '역명:string',
      '호선:string',
      '승차:integer',
    ]);
    for (const r of pkg.resources) expect(r.name).toMatch(/^[-a-z0-9._/]+$/);
    // The package describes the file it points to: same header, same number of rows.
    const csv = await t.app.inject({ method: 'GET', url: resource.path.replace(/^https?:\/\/[^/]+/, '') });
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3).toString('hex')).not.toBe('efbbbf'); // no byte order mark: declared utf-8
    const lines = csv.body.split(resource.dialect.lineTerminator).filter(Boolean);
    expect(lines[0]!.split(resource.dialect.delimiter)).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
    expect(lines).toHaveLength(RIDERSHIP_ROWS + 1);
    expect(pkg.name).toMatch(/^[-a-z0-9._/]+$/);

    expect((await get('/api/v1/data/datasets/bike-stations/datapackage.json')).status).toBe(404);
    expect((await get('/api/v1/data/datasets/secret-data/datapackage.json')).status).toBe(404);
  });
});

describe(`Seoul Open Data Plaza URL shim (${dialect})`, () => {
  let key = '';
  let revoked = '';
  beforeAll(async () => {
    const user = await createUser(t.services, system(), { email: 'plaza-app@example.kr', password: 'plaza password 12', role: 'citizen' });
    const actor: Actor = { kind: 'user', user: { id: user.id, email: user.email, displayName: 'app', role: 'citizen', memberships: [] } };
    key = (await issueOpenApiKey(t.services, actor)).key;
    const old = await issueOpenApiKey(t.services, actor);
    await revokeOpenApiKey(t.services, actor, old.id);
    revoked = old.key;
  });
  /** `k/…` stands for a key the platform issued. */
  const withKey = (path: string) => path.replace(/^k\//, `${key}/`);
  const seoul = (path: string) => get(`/seoul-openapi/${withKey(path)}`);

  it('answers START/END pages in the Plaza’s JSON envelope', async () => {
    const res = await seoul('k/json/subway-ridership/1/5/');
    expect(res.status).toBe(200);
    expect(res.body['subway-ridership']).toMatchObject({ list_total_count: RIDERSHIP_ROWS, RESULT: { CODE: 'INFO-000', MESSAGE: '정상 처리되었습니다' } });
    expect(res.body['subway-ridership'].row.map((r: { 번호: number }) => r.번호)).toEqual([1, 2, 3, 4, 5]);
    const last = await seoul('k/json/subway-ridership/2001/3000');
    expect(last.body['subway-ridership'].row).toHaveLength(500);
    expect(last.body['subway-ridership'].row[0].번호).toBe(2001);
  });

  it('applies positional filters in column order; a blank segment skips one', async () => {
    const res = await seoul(`k/json/subway-ridership/1/3/${encodeURIComponent(' ')}/${encodeURIComponent(' ')}/${encodeURIComponent('2호선')}`);
    expect(res.body['subway-ridership'].list_total_count).toBe(RIDERSHIP_ROWS / 2);
    expect(res.body['subway-ridership'].row.map((r: { 번호: number }) => r.번호)).toEqual([2, 4, 6]);
    const one = await seoul(`k/json/subway-ridership/1/10/77`);
    expect(one.body['subway-ridership']).toMatchObject({ list_total_count: 1, row: [{ 역명: '역77' }] });
  });

  it('answers XML that parses', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/seoul-openapi/${key}/xml/air-quality/1/2` });
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(XMLValidator.validate(res.body)).toBe(true);
    const doc = new XMLParser().parse(res.body);
    expect(doc['air-quality']).toMatchObject({ list_total_count: 3, RESULT: { CODE: 'INFO-000' } });
    expect(doc['air-quality'].row).toEqual([
      { date: '2024-01-01', district: '종로구', pm10: 41.5 },
      { date: '2024-01-01', district: '중구', pm10: 38 },
    ]);
    const korean = await t.app.inject({ method: 'GET', url: `/seoul-openapi/${key}/xml/subway-ridership/1/1` });
    expect(XMLValidator.validate(korean.body)).toBe(true);
    expect(korean.body).toContain('<역명>역1</역명>');
  });

  it('gives the Plaza’s codes for every mistake', async () => {
    const cases: Array<[string, string]> = [
      ['k/json/no-such-service/1/5', 'ERROR-310'],
      ['k/json/secret-data/1/5', 'ERROR-310'],
      ['k/json/bike-stations/1/5', 'INFO-200'],
      ['k/json/subway-ridership/2501/2510', 'INFO-200'],
      ['k/json/subway-ridership/1/5/abc', 'INFO-200'],
      ['k/json/subway-ridership/1/1001', 'ERROR-336'],
      ['k/json/subway-ridership/5/1', 'ERROR-334'],
      ['k/json/subway-ridership/a/5', 'ERROR-333'],
      ['k/json/subway-ridership/0/5', 'ERROR-331'],
      ['k/json/subway-ridership/1/0', 'ERROR-332'],
      ['sample/json/subway-ridership/1/6', 'ERROR-335'],
      ['k/xls/subway-ridership/1/5', 'ERROR-301'],
      ['k/json/subway-ridership/1', 'ERROR-300'],
      ['%20/json/subway-ridership/1/5', 'INFO-100'],
      ['my-seoul-key/json/subway-ridership/1/5', 'INFO-100'],
      ['0123456789abcdef0123456789abcd/json/subway-ridership/1/5', 'INFO-100'],
      [`${revoked}/json/subway-ridership/1/5`, 'INFO-100'],
    ];
    for (const [path, code] of cases) {
      const res = await seoul(path);
      expect({ path, status: res.status, code: res.body.RESULT?.CODE }).toEqual({ path, status: 200, code });
      expect(res.body.RESULT.MESSAGE).toBeTruthy();
    }
    expect((await seoul('sample/json/subway-ridership/1/5')).body['subway-ridership'].row).toHaveLength(5);
    const xml = await t.app.inject({ method: 'GET', url: `/seoul-openapi/${key}/xml/no-such-service/1/5` });
    expect(new XMLParser().parse(xml.body)).toEqual({ '?xml': '', RESULT: { CODE: 'ERROR-310', MESSAGE: expect.stringContaining('SERVICE') } });
  });
});
