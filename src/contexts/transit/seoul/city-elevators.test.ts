import { describe, expect, it } from 'vitest';
import type { ImportedFacility, ImportedStation } from './network-types.js';
import { cityElevatorFacilities, countsAsElevator, parsePoint, placeCityPoints } from './city-elevators.js';
import { stationKey } from './names.js';

const station = (id: string, name: string, lat: number, lon: number, lines: string[]): ImportedStation => ({
  id,
  nameKo: name,
  nameEn: null,
  nameZh: null,
  nameJa: null,
  lat,
  lon,
  key: stationKey(name),
  masterIds: [id],
  lines: new Set(lines),
  points: [{ lat, lon }],
  phones: [],
  address: null,
});
// Real positions: 안국 (3), 종로3가 (1, 3, 5), 노량진 (9, 경부선).
const anguk = station('s-anguk', '안국', 37.576477, 126.985443, ['3']);
const jongno = station('s-jongno', '종로3가', 37.571607, 126.991806, ['1', '3', '5']);
const noryangjin = station('s-nry', '노량진', 37.514219, 126.942454, ['9', '경부선']);
const stations = [anguk, jongno, noryangjin];
const row = (line: number, wkt: string, name = '', code = '') => ({
  line,
  values: { '노드 WKT': wkt, '노드 ID': `n${line}`, 지하철역코드: code, 지하철역명: name },
});

describe("Seoul City's elevator points", () => {
  it('reads WKT points as written, and refuses what is not a point in Korea', () => {
    expect(parsePoint('POINT(126.98515892357797 37.57622646659184)')).toEqual({ lat: '37.57622646659184', lon: '126.98515892357797' });
    expect(parsePoint('POINT(37.57 126.98)')).toBeNull(); // swapped
    expect(parsePoint('LINESTRING(1 2, 3 4)')).toBeNull();
  });

  it('joins by name checked by distance, name-less rows by a clearly nearest station, and reports the rest', () => {
    const missed: Array<{ line: number; reason: string }> = [];
    const placed = placeCityPoints(
      [
        row(2, 'POINT(126.98515892357797 37.57622646659184)', '안국', '269'),
        row(3, 'POINT(126.94295776977073 37.514016943227226)', '사당', '124'), // named 사당, lies at 노량진: no 사당 here
        row(4, 'POINT(126.94295776977073 37.514016943227226)', '안국', '269'), // named 안국, 5 km away
        row(5, 'POINT(126.99185052385326 37.572669886627445)'), // name-less, 120 m from 종로3가
        row(6, 'POINT(126.9052284101018 37.64880567203647)'), // name-less, far from everything
        row(7, 'POINT(126.98 37.5)', '안국'), // named 안국, 8 km away
        row(8, 'nonsense', '안국'),
      ],
      stations,
      (r, reason) => missed.push({ line: r.line, reason }),
    );
    expect(placed.map((p) => [p.row.line, p.station.id, p.by])).toEqual([
      [2, 's-anguk', 'name'],
      [5, 's-jongno', 'distance'],
    ]);
    expect(missed.map((m) => m.line)).toEqual([3, 4, 6, 7, 8]);
    expect(missed.find((m) => m.line === 4)!.reason).toMatch(/name and position disagree.*nearest station 노량진/);
  });

  it('attaches a position to a Seoul Metro elevator only when the match is certain, and never counts a lift twice', () => {
    const metro = (stationId: string, line: number, levels: string): ImportedFacility => ({
      stationId,
      lineId: null,
      type: 'elevator',
      name: `외부#${line}`,
      status: 'available',
      location: null,
      levels,
      exitNo: null,
      details: {},
      source: 'elevators',
      line,
    });
    const facilities = [metro('s-anguk', 10, 'B2-1F'), metro('s-anguk', 11, 'B3-B2'), metro('s-jongno', 20, 'B1-1F'), metro('s-jongno', 21, 'B1-1F')];
    const points = placeCityPoints(
      [
        row(2, 'POINT(126.98515892357797 37.57622646659184)', '안국'),
        row(3, 'POINT(126.99185052385326 37.572669886627445)', '종로3가'),
        row(4, 'POINT(126.94295776977073 37.514016943227226)', '노량진'),
      ],
      stations,
      () => {
        throw new Error('all placed');
      },
    );
    const added = cityElevatorFacilities(points, facilities);
    // 안국: one street-level unit, one point → merged, no new row.
    expect(facilities[0]!.details).toMatchObject({
      lat: '37.57622646659184',
      lon: '126.98515892357797',
      positionRow: 'facilities/서울시 지하철역 엘리베이터 위치정보.csv:2',
    });
    // 종로3가: two street-level units, one point → its own row that may be one of them: not counted.
    const jongnoRow = added.find((f) => f.stationId === 's-jongno')!;
    expect(jongnoRow.details.maybeSameAs).toBe('facilities/서울교통공사_교통약자_이용시설_승강기_가동현황.json:20,21');
    expect(countsAsElevator(jongnoRow.details)).toBe(false);
    // 노량진 (line 9, Korail): Seoul Metro lists nothing → its own row, counted, line unknown, status unknown.
    const nry = added.find((f) => f.stationId === 's-nry')!;
    expect(nry).toMatchObject({ type: 'elevator', lineId: null, status: 'unknown', exitNo: null, source: 'cityElevators', line: 4 });
    expect(countsAsElevator(nry.details)).toBe(true);
    expect(added).toHaveLength(2);
  });
});
