import type { InteriorFacility, InteriorInput } from './derived-interior-model.js';

export const F = 'facilities/elevators.csv';
let row = 0;
export const fac = (
  lineId: string,
  type: string,
  name: string,
  levels: string,
  location: string | null = null,
  exitNo: string | null = null,
): InteriorFacility => ({
  id: `f${++row}`,
  lineId,
  type,
  name,
  status: 'available',
  location,
  levels,
  exitNo,
  source: F,
  sourceRow: row,
});

/**
 * A hand-made two-line station, labelled:
 *   1F   [5번 출구] (elevator, external)      [6번 출구] (escalators up and down)
 *   B1   concourse
 *   B2   line 2 platform (elevator B2-B1)
 *   B3   line 3 platform (elevator B3-B2-B1: stops at B2, which is not line 3's platform → junction)
 * Transfer 2 ↔ 3: 75 m, 63 s both ways. A wheelchair lift on B1 only, and a self-transfer 2 → 2.
 * No facility names a direction of travel: each line keeps one platform and there are no boarding positions.
 */
export const input: InteriorInput = {
  station: { id: 'st-1', nameKo: '교대', lat: 37.49, lon: 127.01 },
  lines: ['2', '3'],
  derivedAt: '2026-11-22T00:00:00.000Z',
  transfers: [
    { fromLineId: '2', toLineId: '3', distanceM: 75, timeS: 63, source: 'transfers.csv' },
    { fromLineId: '3', toLineId: '2', distanceM: 75, timeS: 63, source: 'transfers.csv' },
    { fromLineId: '2', toLineId: '2', distanceM: 81, timeS: 68, source: 'transfers.csv' },
  ],
  facilities: [
    fac('2', 'elevator', '엘리베이터 내부#1', 'B2-B1', '승강장 중앙'),
    fac('2', 'elevator', '엘리베이터 외부#1', 'B1-1F', '5번 출입구'),
    fac('2', 'escalator', '에스컬레이터 1', '1F-B1', '6번 출입구', '6번출구'),
    fac('2', 'escalator', '에스컬레이터 2', 'B1-1F', '6번 출입구', '6번출구'),
    fac('3', 'elevator', '엘리베이터 내부#1', 'B3-B2-B1', '승강장 끝'),
    fac('3', 'wheelchair_lift', '휠체어리프트 내부1', 'B1-B1', 'B1층 연결계단'),
    fac('3', 'accessible_toilet', null as unknown as string, '지하 1'),
  ],
};

/**
 * 교대 as the Seoul Metro data writes it: line 2 has one elevator per direction (side platforms), line 3 one
 * elevator signed for both directions, with an up and a down escalator at the same doors (island platform).
 */
export const directed: InteriorInput = {
  ...input,
  neighbours: {
    2: [
      { name: '강남', stationId: 'st-gangnam' },
      { name: '서초', stationId: 'st-seocho' },
    ],
    3: [
      { name: '고속터미널', stationId: 'st-express' },
      { name: '남부터미널(예술의전당)', stationId: 'st-nambu' },
    ],
  },
  facilities: [
    fac('2', 'elevator', '엘리베이터 내부#1', 'B2-B1', '강남 방면8-4'),
    fac('2', 'elevator', '엘리베이터 내부#2', 'B2-B1', '서초 방면3-1'),
    fac('2', 'elevator', '엘리베이터 외부#1', 'B1-1F', '5번 출입구'),
    fac('3', 'elevator', '엘리베이터 내부#1', 'B3-B2-B1', '고속터미널 방면4-2, 남부터미널 방면7-3'),
    fac('3', 'escalator', '에스컬레이터 1', 'B2-B3', '고속터미널 방면3-2, 남부터미널 방면8-3'),
    fac('3', 'escalator', '에스컬레이터 2', 'B3-B2', '고속터미널 방면3-2, 남부터미널 방면8-3'),
  ],
};
