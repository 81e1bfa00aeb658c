import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { SEOUL_SEED_DIR } from '../../src/contexts/transit/seeds/seoul-network.seed.js';
import { distanceM } from '../../src/contexts/transit/seoul/names.js';
import { SEOUL_FILES, readSource, type SourceKey } from '../../src/contexts/transit/seoul/sources.js';
import { importSeoul } from '../../src/contexts/transit/use-cases/import-seoul.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true }); // the seed imports the Seoul files
});
afterAll(() => t.close());

const FACILITY_FILES: SourceKey[] = ['elevators', 'escalators', 'lifts', 'toilets', 'nursing', 'lockers', 'beacons', 'cityElevators'];

describe(`Seoul subway import (${dialect})`, () => {
  it('loads every station of the station master, and reports the rest by file and line', async () => {
    const master = await readSource(SEOUL_SEED_DIR, 'master');
    expect(master).toHaveLength(909);
    const stations = await t.services.db.selectFrom('transit_station').select('codes').where('feed', '=', 'seoul').execute();
    const loadedIds = new Set(stations.flatMap((s) => (JSON.parse(s.codes) as { masterIds: string[] }).masterIds));
    const report = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/imports/latest' })).json().summary;
    const unmatchedMaster = report.unmatched.filter((u: { file: string }) => u.file === SEOUL_FILES.master.file);
    expect(loadedIds.size + unmatchedMaster.length).toBe(new Set(master.map((r) => r.values.역사_ID)).size);
    expect(report.counts).toMatchObject({
      master: 909,
      names: 799,
      phones: 289,
      order: 1103,
      transfers: 140,
      runs: 279,
      elevators: 2830,
      escalators: 1871,
      lifts: 70,
      toilets: 302,
      nursing: 86,
      lockers: 332,
      beacons: 5551,
      cityElevators: 643,
    });
    for (const u of report.unmatched) expect(u).toMatchObject({ file: expect.any(String), line: expect.any(Number), reason: expect.any(String) });
  });

  it('never drops a facility row silently: each one is a facility, merged into one, or reported', async () => {
    const report = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/imports/latest' })).json().summary;
    const facilities = await t.services.db.selectFrom('transit_facility').select(['source', 'source_row', 'details']).execute();
    for (const key of FACILITY_FILES) {
      const file = SEOUL_FILES[key].file;
      const rows = await readSource(SEOUL_SEED_DIR, key);
      const accounted = new Set<number>();
      for (const f of facilities) {
        if (f.source === file) accounted.add(f.source_row);
        const { detailRow, positionRow } = JSON.parse(f.details) as { detailRow?: string; positionRow?: string };
        for (const merged of [detailRow, positionRow]) if (merged?.startsWith(`${file}:`)) accounted.add(Number(merged.slice(file.length + 1)));
      }
      for (const u of report.unmatched) if (u.file === file) accounted.add(u.line);
      expect(
        rows.filter((r) => !accounted.has(r.line)).map((r) => r.line),
        file,
      ).toEqual([]);
    }
  });

  it("accounts for every row of Seoul City's elevator file exactly once: its own row, a position on a Seoul Metro unit, or reported", async () => {
    const file = SEOUL_FILES.cityElevators.file;
    const rows = await readSource(SEOUL_SEED_DIR, 'cityElevators');
    const report = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/imports/latest' })).json().summary;
    const facilities = await t.services.db.selectFrom('transit_facility').select(['type', 'source', 'source_row', 'line_id', 'status', 'details']).execute();
    const own = facilities.filter((f) => f.source === file);
    const merged = facilities.filter((f) => (JSON.parse(f.details) as { positionRow?: string }).positionRow?.startsWith(`${file}:`));
    const reported = report.unmatched.filter((u: { file: string }) => u.file === file);
    const lines = [
      ...own.map((f) => f.source_row),
      ...merged.map((f) => Number((JSON.parse(f.details) as { positionRow: string }).positionRow.slice(file.length + 1))),
      ...reported.map((u: { line: number }) => u.line),
    ];
    expect(lines.length).toBe(rows.length);
    expect(new Set(lines).size).toBe(rows.length);
    // The data shape other features rely on: an elevator, line unknown, status unknown, a position and the city's node id.
    for (const f of own) {
      expect(f).toMatchObject({ type: 'elevator', line_id: null, status: 'unknown' });
      const d = JSON.parse(f.details) as Record<string, string>;
      expect(Number(d.lat)).toBeGreaterThan(37);
      expect(Number(d.lon)).toBeGreaterThan(126);
      expect(d.nodeId).toMatch(/^\d+$/);
    }
    for (const f of merged) expect(f.source).toBe(SEOUL_FILES.elevators.file);
    // Rows reported say why, with the nearest station where it helps.
    for (const u of reported) expect(u.reason).toMatch(/not placed|no station/);
    console.info(
      `[city elevators] ${rows.length} rows: ${own.length} own rows (${own.filter((f) => (JSON.parse(f.details) as { maybeSameAs?: string }).maybeSameAs).length} may be Seoul Metro units), ${merged.length} positions on Seoul Metro units, ${reported.length} reported`,
    );
  });

  it("covers at least 97% of the city elevator file's stations: found by name through the API, each lists an elevator", async () => {
    const rows = (await readSource(SEOUL_SEED_DIR, 'cityElevators')).filter((r) => r.values.지하철역명);
    const byName = new Map<string, Array<{ lat: number; lon: number }>>();
    for (const r of rows) {
      const m = /POINT\(([\d.]+) ([\d.]+)\)/.exec(r.values['노드 WKT'] ?? '')!;
      byName.set(r.values.지하철역명!, [...(byName.get(r.values.지하철역명!) ?? []), { lon: Number(m[1]), lat: Number(m[2]) }]);
    }
    const bare = (n: string) =>
      n
        .replace(/\(.*?\)/g, '')
        .replace(/역$/, '')
        .trim();
    const uncovered: string[] = [];
    for (const [name, points] of byName) {
      const found = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent(bare(name))}&limit=50` })).json();
      const same = found.items.filter((s: { names: { ko: string } }) => bare(s.names.ko) === bare(name));
      // Two stations of one name (양평): the one nearest the city's points.
      const station = same.sort(
        (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
          Math.min(...points.map((p) => distanceM(a, p))) - Math.min(...points.map((p) => distanceM(b, p))),
      )[0];
      const elevators = station ? (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${station.id}/facilities?type=elevator` })).json() : [];
      if (!elevators.length) uncovered.push(name);
    }
    const coverage = (byName.size - uncovered.length) / byName.size;
    console.info(
      `[coverage] ${byName.size - uncovered.length} of ${byName.size} city-file stations list elevators (${(coverage * 100).toFixed(1)}%); not covered: ${uncovered.join(', ') || 'none'}`,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.97);
  });

  it('shows the lifts of line-9 and Korail stations with their positions', async () => {
    for (const [name, rider] of [
      ['노량진', '9'],
      ['국회의사당', '9'],
      ['구로', '1'],
      ['용산', '1'],
    ] as const) {
      const found = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent(name)}` })).json();
      const station = found.items.find((s: { names: { ko: string } }) => s.names.ko === name);
      expect(
        station.riderLines.map((l: { id: string }) => l.id),
        name,
      ).toContain(rider);
      const elevators = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${station.id}/facilities?type=elevator` })).json();
      const placed = elevators.filter((f: { details: { lat?: string; lon?: string } }) => Number(f.details.lat) > 37 && Number(f.details.lon) > 126);
      expect(placed.length, name).toBeGreaterThan(0);
      const one = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${station.id}` })).json();
      expect(one.facilityCounts.elevator, name).toBe(placed.length);
      expect(one.elevatorData).toMatchObject({ known: true, elevators: placed.length, withPosition: placed.length });
      // The city's data does not say which line a lift serves: the API says so for each line, with the phone or its absence.
      expect(
        one.elevatorData.lines.every((l: { known: boolean }) => !l.known),
        name,
      ).toBe(true);
      expect(one.elevatorData.message.ko).toContain('이 노선으로 가는 엘리베이터는 자료에 나와 있지 않습니다');
      expect(one.elevatorData.message.ko).toContain('전화번호도 자료에 없습니다');
      const page = await t.app.inject({ method: 'GET', url: `/transit/stations/${station.id}`, headers: { accept: 'text/html' } });
      expect(page.body).toContain(`엘리베이터 (${placed.length})`);
    }
    const guro = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent('구로')}` }))
      .json()
      .items.find((s: { names: { ko: string } }) => s.names.ko === '구로');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${guro.id}` })).json();
    expect(detail.riderLines).toEqual([{ id: '1', name: { ko: '1호선', en: 'Line 1' }, alsoCalled: ['경부선'], lineIds: ['경부선'], basis: 'molit' }]);
    expect(detail.lines.map((l: { id: string }) => l.id)).toEqual(['경부선']); // the line id routing uses is unchanged
  });

  it('never counts a lift twice where Seoul Metro already lists it: city positions that may be its units are shown apart', async () => {
    const station = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent('종로3가')}` })).json().items[0];
    const all = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${station.id}/facilities?type=elevator` })).json();
    const metro = all.filter((f: { source: { file: string } }) => f.source.file === SEOUL_FILES.elevators.file);
    const maybe = all.filter((f: { details: { maybeSameAs?: string } }) => f.details.maybeSameAs);
    expect(maybe.length).toBeGreaterThan(0);
    expect(metro.length + maybe.length).toBe(all.length);
    const one = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${station.id}` })).json();
    expect(one.facilityCounts.elevator).toBe(metro.length);
    expect(one.elevatorData).toMatchObject({ elevators: metro.length, positionsOnly: maybe.length });
    const page = (await t.app.inject({ method: 'GET', url: `/transit/stations/${station.id}`, headers: { accept: 'text/html' } })).body;
    expect(page).toContain(`엘리베이터 (${metro.length})`);
    expect(page).toContain(`서울시 자료의 엘리베이터 위치 (위 목록과 같은 것일 수 있음) (${maybe.length})`);
    // Where the match is certain (one street-level unit, one point, Seoul Metro lines only), the unit has the position.
    const positioned = await t.services.db.selectFrom('transit_facility').select('details').where('source', '=', SEOUL_FILES.elevators.file).execute();
    expect(positioned.filter((f) => (JSON.parse(f.details) as { positionRow?: string }).positionRow).length).toBeGreaterThan(30);
  });

  it('says in words, on the page and in the API, where no source lists an elevator, with the phone or that there is none', async () => {
    const find = async (name: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent(name)}` }))
        .json()
        .items.find((s: { names: { ko: string } }) => s.names.ko === name);
    // 삼전 (line 9, run by Seoul Metro: it has a phone, but no source lists its lifts).
    const samjeon = await find('삼전');
    const s = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${samjeon.id}` })).json();
    expect(s.elevatorData.known).toBe(false);
    expect(s.elevatorData.sources.map((x: { file: string; listed: number }) => [x.file, x.listed])).toEqual([
      [SEOUL_FILES.elevators.file, 0],
      [SEOUL_FILES.cityElevators.file, 0],
    ]);
    expect(s.elevatorData.message.ko).toContain('찾아본 자료 어디에도 나와 있지 않습니다');
    expect(s.elevatorData.message.ko).toMatch(/역 전화: 02-[\d-]+ \(9호선\)/);
    expect(s.elevatorData.message.en).toMatch(/Station phone: 02-[\d-]+ \(Line 9\)/);
    const page = (await t.app.inject({ method: 'GET', url: `/transit/stations/${samjeon.id}`, headers: { accept: 'text/html' } })).body;
    expect(page).toContain('data-elevators="none"');
    expect(page).toContain(`href="tel:${s.elevatorData.phones[0].phone.replace(/-/g, '')}"`);
    // 서울대벤처타운 (신림선): no lift data and no phone, and the page says both.
    const venture = await find('서울대벤처타운');
    const v = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${venture.id}` })).json();
    expect(v.elevatorData).toMatchObject({ known: false, phones: [] });
    const en = (await t.app.inject({ method: 'GET', url: `/transit/stations/${venture.id}?lang=en`, headers: { accept: 'text/html' } })).body;
    expect(en).toContain('No source we searched lists an elevator at');
    expect(en).toContain('We have no phone number for this station either');
    // 여의도: line 5 lifts are listed, line 9 ones are not; the API names line 9 and gives the phone.
    const yeouido = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${(await find('여의도')).id}` })).json();
    expect(yeouido.elevatorData.lines.map((l: { id: string; known: boolean }) => [l.id, l.known])).toEqual([
      ['5', true],
      ['9', false],
    ]);
    expect(yeouido.elevatorData.message.ko).toMatch(/^9호선: .*역 전화: 02-/);
  });

  it('lists every line a station serves under the names riders use, the legal names searchable as aliases', async () => {
    const lines = async (name: string) => {
      const station = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent(name)}` })).json().items[0];
      const one = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${station.id}` })).json();
      return one.riderLines.map(
        (l: { name: { ko: string }; alsoCalled: string[] }) => `${l.name.ko}${l.alsoCalled.length ? `(${l.alsoCalled.join(',')})` : ''}`,
      );
    };
    expect(await lines('옥수')).toEqual(['3호선', '경의중앙선(경원선)']); // 경원선 at 옥수 is not 1호선
    expect(await lines('회기')).toEqual(['1호선', '경의중앙선(중앙선)', '경춘선(중앙선)']);
    expect(await lines('청량리')).toEqual(['1호선(경원선)', '수인분당선', '경의중앙선(경원선)', '경춘선']);
    expect(await lines('정자')).toEqual(['수인분당선(분당선)', '신분당선']);
    expect(await lines('서울역')).toEqual(['1호선(경부선)', '4호선', '경의중앙선', '공항철도(공항철도1호선)', 'GTX-A(수도권광역급행철도)']);
    const ids = async (line: string) =>
      new Set(
        (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?line=${encodeURIComponent(line)}&limit=2000` }))
          .json()
          .items.map((s: { names: { ko: string } }) => s.names.ko),
      );
    const line1 = await ids('1호선');
    for (const n of ['종각', '구로', '광운대', '청량리(서울시립대입구)', '온수(성공회대입구)']) expect(line1.has(n), n).toBe(true);
    expect(line1.has('옥수')).toBe(false);
    expect((await ids('경부선')).has('구로')).toBe(true);
    expect((await ids('수인분당선')).has('청량리(서울시립대입구)')).toBe(true);
    const riders = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/rider-lines' })).json();
    expect(riders.find((l: { id: string }) => l.id === '공항철도')).toEqual({
      id: '공항철도',
      name: { ko: '공항철도', en: 'AREX (Airport Railroad)' },
      aliases: ['공항철도1호선'],
    });
    const search = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent('구로 경부선')}` })).json();
    expect(search.items.map((s: { names: { ko: string } }) => s.names.ko)).toContain('구로');
    const page = (await t.app.inject({ method: 'GET', url: '/transit', headers: { accept: 'text/html' } })).body;
    expect(page).toContain('<option value="수인분당선"');
    expect(page).not.toContain('<option value="경부선"');
  });

  it("keeps each station's staff phone numbers and road address, every row of the file placed or reported", async () => {
    const seoul = await t.services.db
      .selectFrom('transit_station')
      .select('extra')
      .where('feed', '=', 'seoul')
      .where('name_ko', '=', '서울')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(seoul.extra)).toEqual({
      phones: [
        { line: '1', phone: '02-6110-1331' },
        { line: '4', phone: '02-6110-4261' },
      ],
      address: { road: '서울특별시 중구 세종대로 지하2(남대문로 5가)', other: [{ line: '4', road: '서울특별시 용산구 한강대로 지하392(동자동)' }] },
    });
    const rows = await readSource(SEOUL_SEED_DIR, 'phones');
    const stations = await t.services.db.selectFrom('transit_station').select('extra').where('feed', '=', 'seoul').execute();
    const placed = stations.flatMap((s) => (JSON.parse(s.extra) as { phones?: unknown[] }).phones ?? []).length;
    const report = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/imports/latest' })).json().summary;
    const reported = report.unmatched.filter((u: { file: string }) => u.file === SEOUL_FILES.phones.file).length;
    expect(placed + reported).toBe(rows.length);
  });

  it('finds 교대 in Korean, English and romanised, with its lines, transfers and elevators', async () => {
    const ko = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent('교대')}` })).json();
    const gyodae = ko.items.find((s: { names: { ko: string } }) => s.names.ko.startsWith('교대'));
    expect(gyodae.lines.sort()).toEqual(['2', '3']);
    // As people write it, with 역: the same station first.
    const withYeok = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent('교대역')}` })).json();
    expect(withYeok.items[0].id).toBe(gyodae.id);
    const seoulYeok = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent('서울역')}` })).json();
    expect(seoulYeok.items[0].names.ko).toBe('서울');
    const ro = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/stations?q=Gyodae' })).json();
    expect(ro.items[0].id).toBe(gyodae.id);
    const en = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations?q=${encodeURIComponent('Univ. of Education')}` })).json();
    expect(en.items.map((s: { id: string }) => s.id)).toContain(gyodae.id);
    const one = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${gyodae.id}` })).json();
    expect(one.transfers.length).toBeGreaterThan(0);
    expect(one.facilityCounts.elevator).toBeGreaterThan(0);
    const elevators = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/stations/${gyodae.id}/facilities?type=elevator` })).json();
    expect(
      elevators.every((f: { type: string; status: string }) => f.type === 'elevator' && ['available', 'not_available', 'unknown'].includes(f.status)),
    ).toBe(true);
    const page = await t.app.inject({ method: 'GET', url: `/transit/stations/${gyodae.id}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain('엘리베이터');
  });

  it('knows the order of stations along a line', async () => {
    const line2 = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/lines/2/stations' })).json();
    const seqs = line2.stations.map((s: { seq: number | null }) => s.seq).filter((n: number | null) => n !== null);
    expect(seqs.length).toBeGreaterThan(40);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const gyeongui = (await t.app.inject({ method: 'GET', url: `/api/v1/transit/lines/${encodeURIComponent('경의중앙선')}/stations` })).json();
    expect(gyeongui.stations.filter((s: { seq: number | null }) => s.seq !== null).length).toBeGreaterThan(10);
  });

  it('filters by line and can return every station at once', async () => {
    const line2 = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/stations?line=2&limit=2000' })).json();
    expect(line2.total).toBeGreaterThan(40);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/stations?limit=2000' })).json();
    expect(all.items.length).toBe(all.total);
  });

  it('exports every station and facility in bulk (GeoJSON and CSV)', async () => {
    const geo = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/export/stations.geojson' })).json();
    const stations = await t.services.db
      .selectFrom('transit_station')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(Number(stations.n));
    expect(geo.features[0].geometry.coordinates[0]).toBeGreaterThan(124);
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/transit/export/facilities.csv' });
    const facilities = await t.services.db
      .selectFrom('transit_facility')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(csv.body.trim().split('\r\n')).toHaveLength(Number(facilities.n) + 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/transit/export/stations.csv' })).body).toContain('Gyodae');
  });

  it('is idempotent: importing again gives the same counts', async () => {
    const before = await t.services.db
      .selectFrom('transit_facility')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await importSeoul(t.services, system(), SEOUL_SEED_DIR);
    const after = await t.services.db
      .selectFrom('transit_facility')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  describe('hostile input is refused with a clear message and nothing changes', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seoul-bad-'));
    });
    const fresh = async () => {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.cp(SEOUL_SEED_DIR, dir, { recursive: true });
    };
    const count = async () =>
      Number(
        (
          await t.services.db
            .selectFrom('transit_station')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it.each([
      [
        'a file in the wrong encoding',
        async () => fs.writeFile(path.join(dir, SEOUL_FILES.master.file), Buffer.from([0x22, 0xff, 0xfe, 0xfd, 0x22, 0x0a])),
        /not valid CP949/,
      ],
      [
        'a missing column',
        async () => fs.writeFile(path.join(dir, SEOUL_FILES.runs.file), new TextEncoder().encode('연번,호선\n1,1\n')),
        /cp949|missing column/i,
      ],
      ['a missing file', async () => fs.rm(path.join(dir, SEOUL_FILES.lifts.file)), /file not found/],
      [
        'a line of 200,000 characters',
        async () => fs.writeFile(path.join(dir, SEOUL_FILES.beacons.file), `연번,호선,외부역번호,역명,설치위치\n1,1,133,서울역,${'가'.repeat(200_000)}\n`),
        /longer than/,
      ],
    ])('%s', async (_name, corrupt, message) => {
      await fresh();
      const before = await count();
      await corrupt();
      await expect(importSeoul(t.services, system(), dir)).rejects.toThrow(message as RegExp);
      expect(await count()).toBe(before);
    });
  });
});
