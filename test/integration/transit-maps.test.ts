import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { setFacilityStatus } from '../../src/contexts/transit/use-cases/set-facility-status.js';
import { countsAsElevator } from '../../src/contexts/transit/seoul/city-elevators.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true });
});
afterAll(() => t.close());

type Station = {
  id: string;
  name: { ko: string };
  lift: string;
  elevators: number;
  out: number;
  interior: string | null;
  riderLines: string[];
  x: number;
  y: number;
};
const get = async (url: string) => t.app.inject({ method: 'GET', url });
const networkMap = async () =>
  (await get('/api/v1/transit/network-map')).json() as {
    version: string;
    counts: { working: number; out: number; listed: number; none: number; surveyed: number; derived: number; total: number } & Record<string, number>;
    stations: Station[];
    lines: Array<{ id: string; stations: string[]; segments: string[][] }>;
  };
/** The list on the page: station ids by the group (data-k) they are listed under, once per line. */
function listed(page: string) {
  const list = page.slice(page.indexOf('<div id="nm-list">'));
  const byKind = new Map<string, Set<string>>();
  for (const m of list.matchAll(/<ul class="nm-list" data-k="(\w+)">(.*?)<\/ul>/gs)) {
    const set = byKind.get(m[1]!) ?? new Set<string>();
    for (const a of m[2]!.matchAll(/href="\/transit\/stations\/([^"]+)"/g)) set.add(a[1]!);
    byKind.set(m[1]!, set);
  }
  return byKind;
}
const svgKinds = (page: string) => {
  const kinds = new Map<string, string>();
  for (const m of page.matchAll(/<use href="#nm-(\w+)" x="\d+" y="\d+" data-s="([^"]+)"\/>/g)) kinds.set(m[2]!, m[1]!);
  return kinds;
};

describe(`network map (${dialect})`, () => {
  it('draws every station with coordinates, on its lines, and counts each kind once', async () => {
    const map = await networkMap();
    const stations = await t.services.db.selectFrom('transit_station').select('id').where('lat', 'is not', null).execute();
    expect(map.stations).toHaveLength(stations.length);
    expect(map.counts.total).toBe(stations.length);
    expect(map.counts.working + map.counts.out + map.counts.listed + map.counts.none).toBe(stations.length);
    // The six pilot interiors are derived from open data: none of them is surveyed.
    expect(map.counts).toMatchObject({ surveyed: 0, derived: 6 });
    expect(map.stations.filter((s) => s.interior).map((s) => s.interior)).toEqual(Array(6).fill('derived'));
    // 2호선 is a loop: each of its 43 main stations has two neighbours; 강남 and 역삼 are joined, and so are 충정로 and 시청.
    const line2 = map.lines.find((l) => l.id === '2')!;
    const name = (id: string) => map.stations.find((s) => s.id === id)!.name.ko;
    const joined = (a: string, b: string) => line2.segments.some(([x, y]) => [name(x!), name(y!)].sort().join('|') === [a, b].sort().join('|'));
    expect(joined('강남', '역삼')).toBe(true);
    expect(joined('충정로(경기대입구)', '시청')).toBe(true);
    expect(joined('성수', '용답')).toBe(true); // the 성수 branch starts from its base station
    expect(joined('충정로(경기대입구)', '용답')).toBe(false);
    // A station with no elevator row at all is "none"; one with only unknown statuses is "listed", never "working".
    const elevators = await t.services.db.selectFrom('transit_facility').select(['station_id', 'status', 'details']).where('type', '=', 'elevator').execute();
    for (const s of map.stations) {
      const own = elevators.filter((e) => e.station_id === s.id && countsAsElevator(JSON.parse(e.details)));
      if (!own.length) expect(s.lift, s.id).toBe('none');
      if (own.length && own.every((e) => e.status === 'unknown')) expect(s.lift, s.id).toBe('listed');
    }
  });

  it('the page lists the same stations under the same kinds as the picture, and stays under 150 KB', async () => {
    const res = await get('/transit/map');
    expect(res.statusCode).toBe(200);
    expect(Buffer.byteLength(res.body)).toBeLessThanOrEqual(150 * 1024);
    const map = await networkMap();
    const drawn = svgKinds(res.body);
    expect(drawn.size).toBe(map.stations.length);
    const list = listed(res.body);
    for (const kind of ['working', 'out', 'listed', 'none']) {
      const inPicture = [...drawn]
        .filter(([, k]) => k === kind)
        .map(([id]) => id)
        .sort();
      expect([...(list.get(kind) ?? [])].sort(), kind).toEqual(inPicture);
      expect(inPicture.length, kind).toBe(map.counts[kind]);
      expect(res.body).toContain(`<li data-k="${kind}">`);
    }
    // The legend says every kind in words, with its count.
    expect(res.body).toContain('승강기 자료 없음');
    expect(res.body).toContain('역 내부: 공개 자료로 만든 것 (현장 미확인)');
    // No external request: no http(s) URL in the picture.
    const svg = res.body.slice(res.body.indexOf('id="nm-svg"'), res.body.indexOf('</svg>', res.body.indexOf('id="nm-svg"')));
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('filters the list without script: by line and by what is known; a bad filter shows everything', async () => {
    const map = await networkMap();
    const out = listed((await get('/transit/map?state=out')).body);
    expect([...out.keys()]).toEqual(map.counts.out ? ['out'] : []);
    const line2 = listed((await get('/transit/map?line=2')).body);
    const ids = new Set([...line2.values()].flatMap((s) => [...s]));
    expect(ids.size).toBe(map.lines.find((l) => l.id === '2')!.stations.length);
    const derived = (await get('/transit/map?state=derived')).body;
    expect(derived).toContain('역 내부: 공개 자료로 만든 것 (현장 미확인)');
    const bad = await get('/transit/map?state=%3Cscript%3E&line=nope');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).not.toContain('<script>');
    const en = await t.app.inject({ method: 'GET', url: '/transit/map', cookies: { lang: 'en' } });
    expect(en.statusCode).toBe(200);
  });

  it('an outage shows at the next request (the status version changes), and putting the lift back restores it', async () => {
    const map = await networkMap();
    const drawn = (await get('/api/v1/transit/network-map/drawn')).json().drawn as string;
    expect((await get('/api/v1/transit/network-map/drawn')).json().drawn).toBe(drawn);
    const working = map.stations.find((s) => s.lift === 'working' && s.elevators === 1) ?? map.stations.find((s) => s.lift === 'working')!;
    const lifts = await t.services.db
      .selectFrom('transit_facility')
      .select(['id', 'status', 'details'])
      .where('station_id', '=', working.id)
      .where('type', '=', 'elevator')
      .execute();
    const lift = lifts.find((l) => l.status === 'available' && countsAsElevator(JSON.parse(l.details)))!;
    await setFacilityStatus(t.services, system(), { facilityId: lift.id, status: 'not_available', reason: 'test' });
    const after = await networkMap();
    expect(after.version).not.toBe(map.version);
    expect(after.stations.find((s) => s.id === working.id)).toMatchObject({ lift: 'out', out: 1 });
    expect(after.counts.out).toBe(map.counts.out + 1);
    expect((await get('/api/v1/transit/network-map/drawn')).json().drawn).not.toBe(drawn);
    const page = (await get('/transit/map')).body;
    expect(svgKinds(page).get(working.id)).toBe('out');
    expect(listed(page).get('out')?.has(working.id)).toBe(true);
    await setFacilityStatus(t.services, system(), { facilityId: lift.id, status: 'available' });
    expect((await networkMap()).stations.find((s) => s.id === working.id)!.lift).toBe('working');
  });
});

describe(`a map for every station (${dialect})`, () => {
  it('a station without an interior gets a map of what is known that says what is not known', async () => {
    const res = await get('/api/v1/transit/stations/seoul-4123/map.svg?lang=ko'); // 고속터미널: no interior
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toContain('역 내부(층, 통로, 승강장과 출구의 연결)는 자료가 없습니다');
    expect(res.body).toContain('출구의 위치는 자료에 없습니다');
    expect(res.body).toMatch(/E1: /);
    expect(res.body).toMatch(/E2: /);
    // Two lifts both called "엘리베이터 내부#1" in the source are told apart by their number, line and place.
    const labels = [...res.body.matchAll(/<g data-item="E\d+">(.*?)<\/g>/g)].map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/^\s*E\d+: /, '')
        .trim(),
    );
    expect(labels.length).toBeGreaterThanOrEqual(7);
    expect(new Set(labels).size).toBe(labels.length);
    const en = await get('/api/v1/transit/stations/seoul-4123/map.svg?lang=en');
    expect(en.body).toContain('There is no data on the interior');
  });

  it('every station answers with a map (no 404 for a station that exists), and an unknown station is a 404', async () => {
    const stations = await t.services.db.selectFrom('transit_station').select('id').orderBy('id').execute();
    for (const s of stations.filter((_, i) => i % 40 === 0)) expect((await get(`/api/v1/transit/stations/${s.id}/map.svg`)).statusCode, s.id).toBe(200);
    expect((await get('/api/v1/transit/stations/no-such-station/map.svg')).statusCode).toBe(404);
    expect((await get('/api/v1/transit/stations/seoul-4123/map.svg?lang=xx')).statusCode).toBe(400);
  });

  it('the station page shows its map and links to the network map, which links back', async () => {
    const page = (await get('/transit/stations/seoul-4123')).body;
    expect(page).toContain('/api/v1/transit/stations/seoul-4123/map.svg?lang=ko');
    expect(page).toContain('href="/transit/map#nm-svg"');
    expect((await get('/transit')).body).toContain('href="/transit/map"');
    expect((await get('/transit/map')).body).toContain('href="/transit/stations/seoul-4123"');
  });
});

describe(`transfer maps from the cache (${dialect})`, () => {
  it('the same map twice is one render; a status change makes a new one; the PDF too', async () => {
    const clock = new Date('2026-11-23T01:00:00Z');
    t.services.now = () => clock; // one minute of the status version throughout
    const transfers = (await get('/api/v1/transit/stations/seoul-330/transfers?profile=wheelchair')).json() as Array<{
      from: { stopId: string };
      to: { stopId: string };
      feasible: boolean;
    }>;
    const x = transfers.find((r) => r.feasible)!;
    const q = `from=${encodeURIComponent(x.from.stopId)}&to=${encodeURIComponent(x.to.stopId)}&profile=wheelchair`;
    const pdf1 = await get(`/api/v1/transit/stations/seoul-330/transfer-map.pdf?${q}`);
    const pdf2 = await get(`/api/v1/transit/stations/seoul-330/transfer-map.pdf?${q}`);
    expect(pdf1.statusCode).toBe(200);
    expect(pdf2.rawPayload.equals(pdf1.rawPayload)).toBe(true); // a second render would carry another creation time
    const svg1 = (await get(`/api/v1/transit/stations/seoul-330/transfer-map.svg?${q}&lang=ko`)).body;
    const route = (await get(`/api/v1/transit/stations/seoul-330/routes?${q}`)).json() as { dependsOn: Array<{ facilityId: string }> };
    const lift = route.dependsOn[0]!.facilityId;
    await setFacilityStatus(t.services, system(), { facilityId: lift, status: 'not_available', reason: 'test' });
    try {
      const svg2 = (await get(`/api/v1/transit/stations/seoul-330/transfer-map.svg?${q}&lang=ko`)).body;
      expect(svg2).not.toBe(svg1);
      const pdf3 = await get(`/api/v1/transit/stations/seoul-330/transfer-map.pdf?${q}`);
      expect(pdf3.rawPayload.equals(pdf1.rawPayload)).toBe(false);
      // Another language or profile is another map.
      expect((await get(`/api/v1/transit/stations/seoul-330/transfer-map.svg?${q}&lang=en`)).body).not.toBe(svg2);
    } finally {
      await setFacilityStatus(t.services, system(), { facilityId: lift, status: 'available' });
    }
  });
});
