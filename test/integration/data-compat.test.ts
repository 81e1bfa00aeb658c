import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenCompatCatalogue, RIDERSHIP_ROWS } from '../support/compat-catalogue.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

/** The CKAN Action API subset, also through a real CKAN client and a harvester-style walk (catalogue: test/support/compat-catalogue.ts). */
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
const action = async (name: string, query: Record<string, string> = {}) => get(`/api/3/action/${name}?${new URLSearchParams(query)}`);

describe(`CKAN Action API (${dialect})`, () => {
  it('package_list names the public datasets only', async () => {
    const res = await action('package_list');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, result: ['air-quality', 'bike-stations', 'subway-ridership'] });
    expect(res.body.help).toContain('/api/3/action/help_show?name=package_list');
  });

  it('package_show maps a dataset to a CKAN package', async () => {
    const { status, body } = await action('package_show', { id: 'subway-ridership' });
    expect(status).toBe(200);
    const pkg = body.result;
    expect(pkg).toMatchObject({
      id: 'subway-ridership',
      name: 'subway-ridership',
      title: '지하철 승하차 인원',
      notes: '역별 승하차 인원',
      title_translated: { ko: '지하철 승하차 인원', en: 'Subway ridership' },
      license_id: 'KOGL-1',
      license_url: 'https://www.kogl.or.kr/info/licenseType1.do',
      isopen: true,
      organization: { name: 'seoul-metro', title: '서울교통공사', is_organization: true },
      num_tags: 2,
      num_resources: 1,
      groups: [{ name: 'transport', title: '교통' }],
      url: 'https://data.seoul.go.kr/dataList/OA-12914/S/1/datasetView.do',
    });
    expect(pkg.tags.map((x: { name: string }) => x.name)).toEqual(['지하철', '승하차']);
    expect(pkg.resources[0]).toMatchObject({ id: 'subway-ridership--table', package_id: 'subway-ridership', format: 'CSV', datastore_active: true });
    expect(pkg.resources[0].url).toMatch(/^http:\/\/localhost:\d+\/api\/v1\/data\/datasets\/subway-ridership\/download\.csv/);
    const extras = Object.fromEntries(pkg.extras.map((e: { key: string; value: string }) => [e.key, e.value]));
    expect(extras).toMatchObject({
      temporal_start: '2023-01',
      temporal_end: '2023-12',
      spatial_text: '서울특별시',
      spatial_uri: 'https://sws.geonames.org/1835848/',
      frequency: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
      contact_email: 'data@seoulmetro.example',
    });
    expect(Date.parse(pkg.metadata_modified)).toBeGreaterThanOrEqual(Date.parse(pkg.metadata_created));
  });

  it('answers unknown and restricted datasets with CKAN’s Not Found envelope', async () => {
    for (const id of ['nope', 'secret-data']) {
      const res = await action('package_show', { id });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    }
    const missing = await action('package_show');
    expect(missing.status).toBe(409);
    expect(missing.body.error).toMatchObject({ __type: 'Validation Error', id: ['Missing value'] });
    const badKey = await t.app.inject({ method: 'GET', url: '/api/3/action/package_list', headers: { authorization: 'Bearer not-a-key' } });
    expect(badKey.statusCode).toBe(401);
    expect(badKey.json()).toMatchObject({ success: false, error: { __type: 'Authorization Error' } });
    const unknown = await action('package_patch', { id: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.success).toBe(false);
  });

  it('package_search: text, fq, facets, sort and paging', async () => {
    const text = await action('package_search', { q: '지하철' });
    expect(text.body.result.count).toBe(1);
    expect(text.body.result.results[0].name).toBe('subway-ridership');
    expect((await action('package_search', { q: 'quality' })).body.result.results.map((p: { name: string }) => p.name)).toEqual(['air-quality']);

    const all = await action('package_search', { sort: 'title_string asc', 'facet.field': '["organization","tags","res_format","license_id","groups"]' });
    expect(all.body.result.count).toBe(3);
    expect(all.body.result.results.map((p: { name: string }) => p.name)).toEqual(['air-quality', 'bike-stations', 'subway-ridership']);
    expect(all.body.result.search_facets.organization.items).toEqual([{ name: 'seoul-metro', display_name: '서울교통공사', count: 1 }]);
    expect(all.body.result.facets.groups).toEqual({ transport: 2, environment: 1, health: 1 });
    expect(all.body.result.facets.res_format).toEqual({ CSV: 2 });

    const fq = async (expr: string) =>
      (await action('package_search', { fq: expr, sort: 'name asc' })).body.result.results.map((p: { name: string }) => p.name);
    expect(await fq('organization:seoul-metro')).toEqual(['subway-ridership']);
    expect(await fq('tags:대기')).toEqual(['air-quality']);
    expect(await fq('res_format:csv license_id:KOGL-1')).toEqual(['subway-ridership']);
    expect(await fq('-organization:seoul-metro')).toEqual(['air-quality', 'bike-stations']);
    expect(await fq('groups:environment OR tags:자전거')).toEqual(['air-quality', 'bike-stations']);
    expect(await fq('tags:("대기" OR "지하철")')).toEqual(['air-quality', 'subway-ridership']);
    expect(await fq('metadata_modified:[2000-01-01T00:00:00Z TO *]')).toHaveLength(3);
    expect(await fq('metadata_modified:[* TO 2000-01-01T00:00:00Z]')).toEqual([]);
    expect((await action('package_search', { q: 'tags:지하철' })).body.result.count).toBe(1);

    const page = await action('package_search', { rows: '1', start: '1', sort: 'name asc' });
    expect(page.body.result).toMatchObject({ count: 3, results: [{ name: 'bike-stations' }] });

    expect((await action('package_search', { rows: '5000' })).body).toMatchObject({
      success: false,
      error: { __type: 'Validation Error', rows: ['Must be at most 1000'] },
    });
    const badSort = await action('package_search', { sort: 'popularity desc' });
    expect(badSort.status).toBe(409);
    expect(badSort.body.error.__type).toBe('Search Query Error');
    expect((await action('package_search', { fq: 'author:someone' })).status).toBe(409);
  });

  it('organization_list and organization_show', async () => {
    const names = await action('organization_list');
    expect(names.body.result).toContain('seoul-metro');
    const full = await action('organization_list', { all_fields: 'true', sort: 'package_count desc', limit: '1' });
    expect(full.body.result).toEqual([expect.objectContaining({ name: 'seoul-metro', package_count: 1, title: '서울교통공사' })]);
    const show = await action('organization_show', { id: 'seoul-metro', include_datasets: 'true' });
    expect(show.body.result).toMatchObject({ name: 'seoul-metro', package_count: 1, packages: [{ name: 'subway-ridership' }] });
    expect((await action('organization_show', { id: 'no-such-org' })).body).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
  });

  it('status_show, license_list, group_list, resource_show, help_show', async () => {
    expect((await get('/api/3')).body).toEqual({ version: 3 });
    expect((await action('status_show')).body.result).toMatchObject({ ckan_version: expect.stringMatching(/^2\./), locale_default: 'ko' });
    const licences = (await action('license_list')).body.result;
    expect(licences.find((l: { id: string }) => l.id === 'KOGL-1')).toMatchObject({ title: expect.stringContaining('공공누리'), od_conformance: 'approved' });
    expect((await action('group_list')).body.result).toContain('transport');
    expect((await action('resource_show', { id: 'air-quality--table' })).body.result).toMatchObject({ package_id: 'air-quality', datastore_active: true });
    expect((await action('resource_show', { id: 'secret-data--table' })).status).toBe(404);
    expect((await action('help_show', { name: 'datastore_search' })).body.result).toContain('resource_id');
  });

  it('datastore_search: filters, fields, sort, totals, paging by _links', async () => {
    const first = await action('datastore_search', {
      resource_id: 'subway-ridership--table',
      limit: '5',
      filters: JSON.stringify({ 호선: '2호선' }),
      sort: '승차 desc',
    });
    expect(first.status).toBe(200);
    const r = first.body.result;
    expect(r.total).toBe(RIDERSHIP_ROWS / 2);
    expect(r.fields).toEqual([
      { id: '_id', type: 'int' },
      { id: '번호', type: 'int' },
      { id: '역명', type: 'text' },
      { id: '호선', type: 'text' },
      { id: '승차', type: 'int' },
    ]);
    expect(r.records[0]).toEqual({ _id: 2500, 번호: 2500, 역명: '역2500', 호선: '2호선', 승차: 25000 });
    expect(r._links.start).toMatch(/^\/api\/3\/action\/datastore_search\?/);
    const second = await get(r._links.next);
    expect(second.body.result.records.map((x: { 번호: number }) => x.번호)).toEqual([2490, 2488, 2486, 2484, 2482]);
    expect(second.body.result.offset).toBe(5);

    const offset = await action('datastore_search', { resource_id: 'subway-ridership--table', offset: '2498', fields: '번호,승차', records_format: 'lists' });
    expect(offset.body.result).toMatchObject({
      total: RIDERSHIP_ROWS,
      fields: [{ id: '번호' }, { id: '승차' }],
      records: [
        [2499, 24990],
        [2500, 25000],
      ],
    });
    const end = await get(offset.body.result._links.next);
    expect(end.body.result.records).toEqual([]);

    const q = await action('datastore_search', { resource_id: 'air-quality--table', q: JSON.stringify({ district: '종로' }), include_total: 'false' });
    expect(q.body.result.records.map((x: { pm10: number }) => x.pm10)).toEqual([41.5, 12.25]);
    expect(q.body.result.total).toBeUndefined();
    expect(q.body.result.records[0].date).toBe('2024-01-01');
  });

  it('datastore_search errors in CKAN’s terms', async () => {
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ resource_id: 'nope' }, 404, 'Not Found Error'],
      [{ resource_id: 'secret-data--table' }, 404, 'Not Found Error'],
      [{ resource_id: 'bike-stations--table' }, 404, 'Not Found Error'],
      [{ resource_id: 'subway-ridership--table', filters: '{"없는열": 1}' }, 409, 'Validation Error'],
      [{ resource_id: 'subway-ridership--table', filters: 'not json' }, 409, 'Validation Error'],
      [{ resource_id: 'subway-ridership--table', offset: '99999999' }, 409, 'Validation Error'],
      [{ resource_id: 'subway-ridership--table', q: '{"없는열": "x"}' }, 409, 'Validation Error'],
      [{ resource_id: 'subway-ridership--table', q: Array.from({ length: 21 }, (_, i) => `w${i}`).join(' ') }, 409, 'Validation Error'],
      [{}, 409, 'Validation Error'],
    ];
    for (const [query, status, type] of cases) {
      const res = await action('datastore_search', query);
      expect({ query, status: res.status, type: res.body.error?.__type }).toEqual({ query, status, type });
    }
  });

  it('accepts POST with a JSON body and no CSRF token, as CKAN clients send', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/3/action/package_show', payload: { id: 'air-quality' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.title).toBe('Air quality by district');
    const search = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/datastore_search',
      payload: { resource_id: 'air-quality--table', filters: { district: ['중구', '종로구'] }, limit: 1 },
    });
    expect(search.json().result).toMatchObject({ total: 3, records: [{ district: '종로구' }] });
  });
});

describe(`CKAN clients against a listening server (${dialect})`, () => {
  let base = '';
  beforeAll(async () => {
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });

  it('ckan.js (okfn’s CKAN client on npm) lists, shows and queries our datasets', async () => {
    const { default: CKAN } = (await import('ckan' as string)) as { default: { Client: new (endpoint: string) => CkanJsClient } };
    const client = new CKAN.Client(base);
    const call = (name: string, data: object) =>
      new Promise<any>((resolve, reject) => client.action(name, data, (err, out) => (err ? reject(new Error(String(err))) : resolve(out))));
    expect((await call('package_list', {})).result).toEqual(['air-quality', 'bike-stations', 'subway-ridership']);
    const pkg = (await call('package_show', { id: 'subway-ridership' })).result;
    expect(pkg.resources[0].datastore_active).toBe(true);
    const hits = await new Promise<any>((resolve, reject) =>
      client.datastoreQuery(
        {
          resource_id: pkg.resources[0].id,
          size: 3,
          from: 0,
          filters: [{ type: 'term', field: '호선', term: '1호선' }],
          sort: [{ field: '승차', order: 'desc' }],
        },
        (err, out) => (err ? reject(new Error(JSON.stringify(err))) : resolve(out)),
      ),
    );
    expect(hits.total).toBe(RIDERSHIP_ROWS / 2);
    expect(hits.fields.map((f: { id: string; type: string }) => `${f.id}:${f.type}`)).toEqual([
      '_id:integer',
      '번호:integer',
      '역명:string',
      '호선:string',
      '승차:integer',
    ]);
    expect(hits.hits.map((h: { 번호: number }) => h.번호)).toEqual([2499, 2497, 2495]);
    await expect(call('package_show', { id: 'nope' })).rejects.toThrow(/HTTP code 404[\s\S]*Not Found Error/);
  });

  it('a harvester in the manner of ckanext-harvest reads every dataset and every row, following _links.next', async () => {
    const getJson = async (path: string) => {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { success: boolean; result: any };
      expect(body.success).toBe(true);
      return body.result;
    };
    const harvested: Record<string, { title: string; rows: Array<Record<string, unknown>>; total: number }> = {};
    for (const name of (await getJson('/api/3/action/package_list')) as string[]) {
      const pkg = await getJson(`/api/3/action/package_show?id=${encodeURIComponent(name)}`);
      for (const resource of pkg.resources.filter((r: { datastore_active: boolean }) => r.datastore_active)) {
        let page = await getJson(`/api/3/action/datastore_search?resource_id=${encodeURIComponent(resource.id)}&limit=1000`);
        const rows = [...page.records];
        const total = page.total;
        while (page.records.length > 0) {
          page = await getJson(page._links.next);
          rows.push(...page.records);
        }
        harvested[name] = { title: pkg.title, rows, total };
      }
    }
    expect(Object.keys(harvested).sort()).toEqual(['air-quality', 'subway-ridership']);
    const ridership = harvested['subway-ridership']!;
    expect(ridership.rows).toHaveLength(RIDERSHIP_ROWS);
    expect(ridership.total).toBe(RIDERSHIP_ROWS);
    expect(ridership.rows.map((r) => r._id)).toEqual(Array.from({ length: RIDERSHIP_ROWS }, (_, i) => i + 1));
    expect(ridership.rows[1233]).toEqual({ _id: 1234, 번호: 1234, 역명: '역1234', 호선: '2호선', 승차: 12340 });
    expect(harvested['air-quality']!.rows).toHaveLength(3);
  });
});

interface CkanJsClient {
  action(name: string, data: object, cb: (err: unknown, out: any) => void): void;
  datastoreQuery(query: object, cb: (err: unknown, out: any) => void): void;
}
