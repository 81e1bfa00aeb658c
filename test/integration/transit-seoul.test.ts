import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import { SEOUL_SEED_DIR } from '../../src/contexts/transit/seeds/seoul-network.seed.js';
import { SEOUL_FILES, readSource, type SourceKey } from '../../src/contexts/transit/seoul/sources.js';
import { importSeoul } from '../../src/contexts/transit/use-cases/import-seoul.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true }); // the seed imports the Seoul files
});
afterAll(() => t.close());

const FACILITY_FILES: SourceKey[] = ['elevators', 'escalators', 'lifts', 'toilets', 'nursing', 'lockers', 'beacons'];

describe(`Seoul subway import (${dialect})`, () => {
  it('loads every station of the station master, and reports the rest by file and line', async () => {
    const master = await readSource(SEOUL_SEED_DIR, 'master');
    expect(master).toHaveLength(909);
    const stations = await t.services.db.selectFrom('transit_station').select('codes').where('feed', '=', 'seoul').execute();
    const loadedIds = new Set(stations.flatMap((s) => (JSON.parse(s.codes) as { masterIds: string[] }).masterIds));
    const report = (await t.app.inject({ method: 'GET', url: '/api/v1/transit/imports/latest' })).json().summary;
    const unmatchedMaster = report.unmatched.filter((u: { file: string }) => u.file === SEOUL_FILES.master.file);
    expect(loadedIds.size + unmatchedMaster.length).toBe(new Set(master.map((r) => r.values.역사_ID)).size);
    expect(report.counts).toMatchObject({ master: 909, names: 799, phones: 289, order: 1103, transfers: 140, runs: 279, elevators: 2830, escalators: 1871, lifts: 70, toilets: 302, nursing: 86, lockers: 332, beacons: 5551 });
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
        const merged = (JSON.parse(f.details) as { detailRow?: string }).detailRow;
        if (merged?.startsWith(`${file}:`)) accounted.add(Number(merged.slice(file.length + 1)));
      }
      for (const u of report.unmatched) if (u.file === file) accounted.add(u.line);
      expect(rows.filter((r) => !accounted.has(r.line)).map((r) => r.line), file).toEqual([]);
    }
  });

  it('keeps each station\'s staff phone numbers and road address, every row of the file placed or reported', async () => {
    const seoul = await t.services.db.selectFrom('transit_station').select('extra').where('feed', '=', 'seoul').where('name_ko', '=', '서울').executeTakeFirstOrThrow();
    expect(JSON.parse(seoul.extra)).toEqual({
      phones: [{ line: '1', phone: '02-6110-1331' }, { line: '4', phone: '02-6110-4261' }],
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
    expect(elevators.every((f: { type: string; status: string }) => f.type === 'elevator' && ['available', 'not_available', 'unknown'].includes(f.status))).toBe(true);
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
    const stations = await t.services.db.selectFrom('transit_station').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(Number(stations.n));
    expect(geo.features[0].geometry.coordinates[0]).toBeGreaterThan(124);
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/transit/export/facilities.csv' });
    const facilities = await t.services.db.selectFrom('transit_facility').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(csv.body.trim().split('\r\n')).toHaveLength(Number(facilities.n) + 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/transit/export/stations.csv' })).body).toContain('Gyodae');
  });

  it('is idempotent: importing again gives the same counts', async () => {
    const before = await t.services.db.selectFrom('transit_facility').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await importSeoul(t.services, system(), SEOUL_SEED_DIR);
    const after = await t.services.db.selectFrom('transit_facility').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
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
    const count = async () => Number((await t.services.db.selectFrom('transit_station').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    it.each([
      ['a file in the wrong encoding', async () => fs.writeFile(path.join(dir, SEOUL_FILES.master.file), Buffer.from([0x22, 0xff, 0xfe, 0xfd, 0x22, 0x0a])), /not valid CP949/],
      ['a missing column', async () => fs.writeFile(path.join(dir, SEOUL_FILES.runs.file), new TextEncoder().encode('연번,호선\n1,1\n')), /cp949|missing column/i],
      ['a missing file', async () => fs.rm(path.join(dir, SEOUL_FILES.lifts.file)), /file not found/],
      ['a line of 200,000 characters', async () => fs.writeFile(path.join(dir, SEOUL_FILES.beacons.file), `연번,호선,외부역번호,역명,설치위치\n1,1,133,서울역,${'가'.repeat(200_000)}\n`), /longer than/],
    ])('%s', async (_name, corrupt, message) => {
      await fresh();
      const before = await count();
      await corrupt();
      await expect(importSeoul(t.services, system(), dir)).rejects.toThrow(message as RegExp);
      expect(await count()).toBe(before);
    });
  });
});
