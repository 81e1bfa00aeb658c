import { describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { createApiKey } from '../../src/contexts/accounts/use-cases/create-api-key.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { STATION, upkeepWorld, type Json } from '../support/transit-upkeep-world.js';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the station reports. The client shapes are
 * FixMyStreet's Open311 client (mysociety/fixmystreet, perllib/Open311.pm): `services.xml` and `requests.xml`
 * endpoints; a POST form-encoded with `jurisdiction_id`, `api_key`, `lat`, `long`, `email`, `description`
 * ("title: …\n\ndetail: …\n\nurl: …\n\nSubmitted via FixMyStreet"), `service_code`, `first_name`, `last_name` and
 * `attribute[name]`; requests followed with `service_request_id` comma-joined; errors read as
 * `<errors><error><code/><description/></error></errors>`. No cookie, no CSRF token.
 */
const w = upkeepWorld();
const { keys } = w;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, fields: Record<string, string>) =>
  w.t.app.inject({ method: 'POST', url: `/open311/v2/${path}`, payload: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const get = (path: string) => w.t.app.inject({ method: 'GET', url: `/open311/v2/${path}` });
const xmlValue = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

describe('Open311 GeoReport v2', () => {
  let fmsId = '';
  it('lists its services (one per problem) in JSON and XML, each with a definition, and a discovery file', async () => {
    const json = (await get('services.json')).json() as Json[];
    expect(json.map((s) => s.service_code)).toEqual(['elevator_out', 'escalator_out', 'lift_out', 'blocked_passage', 'wrong_direction', 'map_error', 'other']);
    expect(json[0]).toMatchObject({ service_name: '엘리베이터 고장', metadata: true, type: 'realtime' });
    expect((await w.t.app.inject({ method: 'GET', url: '/open311/v2/services.json?lang=en' })).json()[0].service_name).toBe('Elevator out of service');
    const xml = await get('services.xml');
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>elevator_out<\/service_code>/);
    const def = (await get('services/elevator_out.json')).json();
    expect(def.attributes.map((a: Json) => a.code)).toEqual(['station', 'facility']);
    expect((await get('services/elevator_out.xml')).body).toContain('<attributes><attribute><variable>true</variable><code>station</code>');
    expect((await get('services/teleporter.json')).statusCode).toBe(404);
    const discovery = (await get('discovery.json')).json();
    expect(discovery.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production' });
  });

  it("takes FixMyStreet's request as it sends it (requests.xml, form-encoded, api_key in the body, lat/long) and answers with the id", async () => {
    const station = await w.t.services.db.selectFrom('transit_station').select(['lat', 'lon']).where('id', '=', STATION).executeTakeFirstOrThrow();
    const res = await post('requests.xml', {
      jurisdiction_id: 'seoul',
      api_key: keys.volunteer,
      lat: String(station.lat! + 0.0003),
      long: String(station.lon! - 0.0002),
      email: 'citizen@example.kr',
      description:
        'title:  엘리베이터가 멈춤\n\ndetail: 2번 출구 쪽 엘리베이터가 움직이지 않습니다\n\nurl: https://www.fixmystreet.com/report/1234\n\nSubmitted via FixMyStreet\n',
      service_code: 'elevator_out',
      first_name: '길동',
      last_name: '홍',
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['set-cookie'] ?? '').not.toContain('os_session');
    [fmsId] = xmlValue(res.body, 'service_request_id') as [string];
    expect(fmsId).toMatch(/^[0-9a-f-]{36}$/);
    expect(xmlValue(res.body, 'service_notice')[0]).toContain('서울교통공사');
    const report = await w.t.services.db.selectFrom('transit_report').selectAll().where('id', '=', fmsId).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ station_id: STATION, problem: 'elevator_out', channel: 'open311' });
    expect(JSON.stringify(report)).not.toMatch(/citizen@example|길동/); // name and email are not stored
    const followed = await get(`requests.xml?jurisdiction_id=seoul&service_request_id=${fmsId},00000000-0000-4000-8000-000000000000`);
    expect(xmlValue(followed.body, 'service_request_id')).toEqual([fmsId]);
    expect(xmlValue(followed.body, 'status')).toEqual(['open']);
    expect(xmlValue(followed.body, 'agency_responsible')).toEqual(['서울교통공사']);
  });

  it('takes the spec’s other places (a station attribute, an address string) and the key in the header', async () => {
    const byAttribute = await post('requests.json', {
      api_key: keys.muui,
      service_code: 'blocked_passage',
      'attribute[station]': STATION,
      description: '환승 통로 공사 중',
    });
    expect(byAttribute.statusCode).toBe(201);
    expect(byAttribute.json()).toEqual([{ service_request_id: expect.any(String), service_notice: expect.any(String), account_id: null }]);
    const byName = await w.t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${keys.muui}` },
      payload: form({ service_code: 'map_error', address_string: '교대역', description: '지도에 없는 계단' }),
    });
    expect(byName.statusCode).toBe(201);
    const id = byName.json()[0].service_request_id;
    expect((await w.t.services.db.selectFrom('transit_report').select('station_id').where('id', '=', id).executeTakeFirstOrThrow()).station_id).toBe(STATION);
  });

  it('follows a request by id to its answer, and filters as the spec says', async () => {
    const open = (await get(`requests/${fmsId}.json`)).json()[0];
    expect(open).toMatchObject({
      service_request_id: fmsId,
      status: 'open',
      service_code: 'elevator_out',
      service_name: '엘리베이터 고장',
      address_id: STATION,
      media_url: null,
    });
    expect(open.expected_datetime).toMatch(/^2026-11-\d\dT18:00:00\+09:00$/);
    expect(open.requested_datetime).toBe('2026-11-23T01:00:00.000Z');
    expect(open.description).toContain('Submitted via FixMyStreet');
    const answer = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/transit/reports/${fmsId}/resolve`,
      headers: { authorization: `Bearer ${keys.metro}` },
      payload: { confirmed: true, reasons: '부품 교체 중, 금요일 복구 예정', facilityStatus: null },
    });
    expect(answer.statusCode).toBe(200);
    const closed = (await get(`requests/${fmsId}.xml`)).body;
    expect(xmlValue(closed, 'status')).toEqual(['closed']);
    expect(xmlValue(closed, 'status_notes')[0]).toBe('운영기관이 확인함: 부품 교체 중, 금요일 복구 예정');
    expect(xmlValue(closed, 'expected_datetime')).toEqual([]); // <expected_datetime/>: nothing is due any more
    const all = (await get('requests.json')).json() as Json[];
    expect(all.length).toBe(3);
    expect(((await get('requests.json?status=closed')).json() as Json[]).map((r) => r.service_request_id)).toEqual([fmsId]);
    expect(((await get('requests.json?status=open,closed')).json() as Json[]).length).toBe(3);
    expect(((await get('requests.json?service_code=map_error,blocked_passage')).json() as Json[]).length).toBe(2);
    expect(((await get('requests.json?start_date=2026-11-24T00:00:00Z')).json() as Json[]).length).toBe(0);
    expect(((await get('requests.json?start_date=2026-11-22T00:00:00%2B09:00&end_date=2026-11-23T10:00:00%2B09:00')).json() as Json[]).length).toBe(3);
  });

  it("answers every mistake with the spec's error list and a 4xx, in the format asked for", async () => {
    const cases: Array<[Awaited<ReturnType<typeof get>>, number, string]> = [
      [await post('requests.json', { api_key: keys.volunteer, 'attribute[station]': STATION }), 400, 'service_code'],
      [await post('requests.json', { api_key: keys.volunteer, service_code: 'teleporter', 'attribute[station]': STATION }), 404, 'teleporter'],
      [await post('requests.json', { service_code: 'other', 'attribute[station]': STATION }), 401, 'api_key'],
      [await post('requests.json', { api_key: 'os_wrong', service_code: 'other', 'attribute[station]': STATION }), 403, 'Invalid api_key'],
      [await post('requests.json', { api_key: keys.volunteer, service_code: 'other' }), 400, 'location is required'],
      [await post('requests.json', { api_key: keys.volunteer, service_code: 'other', lat: '35.1796', long: '129.0756' }), 400, 'no station within 500 m'],
      [await post('requests.json', { api_key: keys.volunteer, service_code: 'other', lat: 'north', long: '127' }), 400, 'decimal degrees'],
      [await post('requests.json', { api_key: keys.volunteer, service_code: 'other', address_string: '없는역이름' }), 400, 'no station is called'],
      [await get('requests.json?status=lost'), 400, 'status'],
      [await get('requests.json?start_date=yesterday'), 400, 'start_date'],
      [await get('requests.json?service_code=teleporter'), 400, 'teleporter'],
      [await get('requests/00000000-0000-4000-8000-000000000000.json'), 404, 'No service request'],
      [await get('requests/not-an-id.json'), 404, 'No service request'],
    ];
    for (const [res, status, words] of cases) {
      expect(res.statusCode, res.body).toBe(status);
      const body = res.json();
      expect(body).toEqual([{ code: status, description: expect.stringContaining(words) }]);
    }
    const xml = await post('requests.xml', { api_key: 'os_wrong', service_code: 'other' });
    expect(xml.statusCode).toBe(403);
    expect(xml.body).toMatch(/<errors><error><code>403<\/code><description>Invalid api_key[^<]*<\/description><\/error><\/errors>$/);
  });

  it('limits each api_key (sent in the body) to 30 requests an hour, then a 429 in the spec’s shape', async () => {
    const u = await createUser(w.t.services, system(), { email: 'open311-app@example.kr', password: 'long enough password 1', role: 'citizen' });
    const key = (
      await createApiKey(
        w.t.services,
        { kind: 'user', user: { id: u.id, email: 'open311-app@example.kr', displayName: 'app', role: 'citizen', memberships: [] } },
        { name: 'app' },
      )
    ).secret;
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await post('requests.json', { api_key: key, service_code: 'other', 'attribute[station]': STATION, description: `요청 ${i}` })).statusCode);
    expect(statuses.every((st) => st === 201)).toBe(true);
    const limited = await post('requests.json', { api_key: key, service_code: 'other', 'attribute[station]': STATION, description: '한 번 더' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual([{ code: 429, description: expect.any(String) }]);
    expect((await post('requests.json', { api_key: keys.gis, service_code: 'other', 'attribute[station]': STATION, description: '다른 앱' })).statusCode).toBe(
      201,
    ); // another key is not held back
  });
});
