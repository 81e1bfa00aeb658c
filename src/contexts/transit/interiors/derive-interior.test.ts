import { describe, expect, it } from 'vitest';
import { interiorRows } from './derive-pilot-interiors.js';
import { deriveInterior, DERIVED_METHOD, parseLevel, parseSection, withDirectionLine, type InteriorFacility, type InteriorInput } from './derive-interior.js';
import { interiorGeoJson } from './geojson.js';
import { interiorSection } from '../pages/level-view.js';

const F = 'facilities/elevators.csv';
let row = 0;
const fac = (lineId: string, type: string, name: string, levels: string, location: string | null = null, exitNo: string | null = null): InteriorFacility =>
  ({ id: `f${++row}`, lineId, type, name, status: 'available', location, levels, exitNo, source: F, sourceRow: row });

/**
 * A hand-made two-line station, labelled:
 *   1F   [5번 출구] (elevator, external)      [6번 출구] (escalators up and down)
 *   B1   concourse
 *   B2   line 2 platform (elevator B2-B1)
 *   B3   line 3 platform (elevator B3-B2-B1: stops at B2, which is not line 3's platform → junction)
 * Transfer 2 ↔ 3: 75 m, 63 s both ways. A wheelchair lift on B1 only, and a self-transfer 2 → 2.
 */
const input: InteriorInput = {
  station: { id: 'st-1', nameKo: '교대', lat: 37.49, lon: 127.01 },
  lines: ['2', '3'],
  derivedAt: '2026-11-22T00:00:00.000Z',
  transfers: [
    { fromLineId: '2', toLineId: '3', distanceM: 75, timeS: 63, source: 'transfers.csv' },
    { fromLineId: '3', toLineId: '2', distanceM: 75, timeS: 63, source: 'transfers.csv' },
    { fromLineId: '2', toLineId: '2', distanceM: 81, timeS: 68, source: 'transfers.csv' },
  ],
  facilities: [
    fac('2', 'elevator', '엘리베이터 내부#1', 'B2-B1', '강남 방면8-4'),
    fac('2', 'elevator', '엘리베이터 외부#1', 'B1-1F', '5번 출입구'),
    fac('2', 'escalator', '에스컬레이터 1', '1F-B1', '6번 출입구', '6번출구'),
    fac('2', 'escalator', '에스컬레이터 2', 'B1-1F', '6번 출입구', '6번출구'),
    fac('3', 'elevator', '엘리베이터 내부#1', 'B3-B2-B1', '고속터미널 방면4-2'),
    fac('3', 'wheelchair_lift', '휠체어리프트 내부1', 'B1-B1', 'B1층 연결계단'),
    fac('3', 'accessible_toilet', null as unknown as string, '지하 1'),
  ],
};

describe('parsing operating sections', () => {
  it('reads B-levels and floors, ground = 0', () => {
    expect([parseLevel('B3'), parseLevel('B1'), parseLevel('1F'), parseLevel('2F'), parseLevel('지하 1')]).toEqual([-3, -1, 0, 1, null]);
    expect(parseSection('B3-B2-B1')).toEqual([-3, -2, -1]);
    expect(parseSection('1F-B1')).toEqual([0, -1]);
    expect(parseSection('지하 1')).toBeNull();
  });
});

describe('deriveInterior (hand-made station)', () => {
  const d = deriveInterior(input);
  const stop = (id: string) => d.nodes.find((n) => n.stopId === id);

  it('derives levels from the sections, top to bottom', () => {
    expect(d.levels.map((l) => [l.levelName, l.levelIndex])).toEqual([['1F', 0], ['B1', -1], ['B2', -2], ['B3', -3]]);
  });

  it('makes one platform per line on its deepest elevator level, a concourse, a junction and entrances', () => {
    expect(stop('st-1:platform:2')).toMatchObject({ locationType: 0, levelId: 'st-1:LB2', platformCode: '2', parentStopId: 'st-1' });
    expect(stop('st-1:platform:3')).toMatchObject({ locationType: 0, levelId: 'st-1:LB3' });
    expect(stop('st-1:platform:3')!.provenance.note).toMatch(/One platform per line/);
    expect(stop('st-1:concourse')).toMatchObject({ locationType: 3, levelId: 'st-1:LB1' });
    expect(stop('st-1:junction:B2')).toMatchObject({ locationType: 3, levelId: 'st-1:LB2' });
    expect(stop('st-1:exit:5:1F')).toMatchObject({ locationType: 2, name: '5번 출구 (엘리베이터 출구)', levelId: 'st-1:L1F' });
    expect(stop('st-1:exit:6:1F')).toMatchObject({ locationType: 2 });
    expect(stop('st-1')).toMatchObject({ locationType: 1, parentStopId: null, lat: 37.49, lon: 127.01 });
    // Only the station has coordinates: none are invented for the places inside.
    expect(d.nodes.filter((n) => n.locationType !== 1).every((n) => n.lat === null && n.lon === null)).toBe(true);
  });

  it('links elevators between consecutive stops, with no invented time', () => {
    const elevators = d.edges.filter((e) => e.mode === 5).map((e) => [e.fromStopId, e.toStopId]);
    expect(elevators).toEqual([
      ['st-1:platform:2', 'st-1:concourse'],
      ['st-1:concourse', 'st-1:exit:5:1F'],
      ['st-1:platform:3', 'st-1:junction:B2'],
      ['st-1:junction:B2', 'st-1:concourse'],
    ]);
    expect(d.edges.filter((e) => e.mode === 5).every((e) => e.isBidirectional === 1 && e.traversalTime === null && e.length === null)).toBe(true);
  });

  it('runs escalators one way, as the section is written', () => {
    expect(d.edges.filter((e) => e.mode === 4).map((e) => [e.fromStopId, e.toStopId, e.isBidirectional])).toEqual([
      ['st-1:exit:6:1F', 'st-1:concourse', 0],
      ['st-1:concourse', 'st-1:exit:6:1F', 0],
    ]);
  });

  it('takes transfer walkways from the transfer table, once per pair', () => {
    const walks = d.edges.filter((e) => e.mode === 1);
    expect(walks).toHaveLength(1);
    expect(walks[0]).toMatchObject({ fromStopId: 'st-1:platform:2', toStopId: 'st-1:platform:3', isBidirectional: 1, length: 75, traversalTime: 63 });
    expect(walks[0]!.provenance.files).toEqual(['transfers.csv']);
  });

  it('marks everything as derived and lists what it left out', () => {
    for (const x of [...d.nodes, ...d.edges]) {
      expect(x.provenance).toMatchObject({ source: 'derived', method: DERIVED_METHOD, derivedAt: input.derivedAt });
      expect(x.provenance.files.length).toBeGreaterThan(0);
    }
    expect(d.omitted.map((o) => o.what).join('\n')).toMatch(/휠체어리프트/);
    expect(d.omitted.map((o) => o.what).join('\n')).toMatch(/2호선 → 2호선/);
  });

  it('leaves out a junction joining a single place, and what hangs off it', () => {
    const lonely = deriveInterior({ ...input, facilities: [...input.facilities, fac('2', 'escalator', '에스컬레이터 9', 'B3-B4', '어딘가')] });
    // B3 is line 3's platform level, but this is a line-2 escalator: its B4 end would be a dead-end junction.
    expect(lonely.nodes.some((n) => n.stopId === 'st-1:junction:B4')).toBe(false);
    expect(lonely.omitted.some((o) => /fewer than two places/.test(o.reason))).toBe(true);
  });

  it('puts a facility on the line its direction belongs to', () => {
    const f = fac('4', 'elevator', '엘리베이터 내부#3', 'B4-B2', '을지로3가 방면7-4,동대입구 방면4-1');
    expect(withDirectionLine(f, ['3', '4'], { 3: ['을지로3가', '동대입구'], 4: ['명동', '동대문역사문화공원'] }).lineId).toBe('3');
    expect(withDirectionLine(f, ['3', '4'], { 3: ['약수'], 4: ['명동'] }).lineId).toBe('4');
  });

  it('gives nothing when no facility places a platform', () => {
    const empty = deriveInterior({ ...input, facilities: [] });
    expect(empty.nodes).toEqual([]);
    expect(empty.edges).toEqual([]);
  });
});

describe('level view and GeoJSON of the hand-made station', () => {
  const rows = interiorRows('pilot', deriveInterior(input));
  const station = { id: 'st-1', name_ko: '교대', name_en: 'Gyodae', lat: 37.49, lon: 127.01 };

  it('renders one titled SVG per level and a text alternative', () => {
    const out = interiorSection({ locale: 'en' }, rows, station).toString();
    expect(out.match(/<svg role="img"/g)).toHaveLength(4);
    expect(out).toContain('<title id="lv-st-1-st-1_LB1-t">Gyodae, level B1</title>');
    expect(out).toMatch(/<desc id="[^"]+">Schematic of the/);
    expect(out).toContain('class="interior-text"');
    expect(out).toMatch(/Walkway to level B3: <span lang="ko">3호선 승강장<\/span> <span class="muted">\(75 m, about 1:03\)<\/span>/);
    const ko = interiorSection({ locale: 'ko' }, rows, station).toString();
    expect(ko).toContain('교대 B1 연결도');
    expect(interiorSection({ locale: 'ko' }, { levels: [], nodes: [], edges: [] }, station).toString()).toContain('아직 없습니다');
  });

  it('puts places without coordinates at the station, marked approximate', () => {
    const collections = interiorGeoJson({ station, ...rows });
    expect(collections.map((c) => c.properties.levelName)).toEqual(['1F', 'B1', 'B2', 'B3', null]);
    const b2 = collections[2]!;
    expect(b2.features.every((f) => f.properties.approximate && f.geometry?.coordinates[0] === 127.01)).toBe(true);
    const stationFeature = collections[4]!.features[0]!;
    expect(stationFeature.properties.approximate).toBe(false);
  });
});
