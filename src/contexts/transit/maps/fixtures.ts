import type { RouteResult, RouteStep, StepMode } from '../routing/route-types.js';
import type { TransferMapInput } from './map-input.js';

/**
 * A hand-made transfer at 교대 (Gyodae) for tests and previews, modelled on the open data: line 3 platform
 * on B3, line 2 on B2, the concourse on B1, lifts to the street at exits 5 and 13, escalators at exit 6,
 * the wheelchair lift on the B1 stairs between lines 2 and 3 ("B1층 2,3호선 연결계단"), and line 2's inner
 * lift at 강남 방면 8-4. Functions, not constants, so a test can change its copy freely.
 */
const S = 'gyodae';
const level = (name: string) => `${S}:L${name}`;
const stop = {
  exit5: `${S}:exit:5`,
  exit13: `${S}:exit:13`,
  exit6: `${S}:exit:6`,
  free: `${S}:concourse`,
  hall2: `${S}:hall:2`,
  hall3: `${S}:hall:3`,
  p2: `${S}:platform:2`,
  pos2: `${S}:board:2:8-4`,
  mid3: `${S}:junction:B2`,
  p3: `${S}:platform:3`,
  pos3: `${S}:board:3:4-2`,
};

function graph(): Pick<TransferMapInput, 'station' | 'profile' | 'levels' | 'nodes' | 'edges'> {
  const node = (stopId: string, name: string, locationType: number, lvl: string) => ({ stopId, name, locationType, levelId: level(lvl) });
  const edge = (pathwayId: string, fromStopId: string, toStopId: string, mode: StepMode) => ({ pathwayId, fromStopId, toStopId, mode });
  return {
    station: { id: S, nameKo: '교대', nameEn: 'Gyodae' },
    profile: { id: 'wheelchair', label: { ko: '휠체어', en: 'Wheelchair' } },
    levels: [
      { levelId: level('B3'), index: -3, name: 'B3' },
      { levelId: level('1F'), index: 0, name: '1F' },
      { levelId: level('B1'), index: -1, name: 'B1' },
      { levelId: level('B2'), index: -2, name: 'B2' },
    ],
    nodes: [
      node(stop.exit5, '5번 출구 (엘리베이터 외부#1)', 2, '1F'),
      node(stop.exit13, '13번 출구 (엘리베이터 외부#1)', 2, '1F'),
      node(stop.exit6, '6번 출구', 2, '1F'),
      node(stop.free, 'B1 대합실 (개찰구 밖)', 3, 'B1'),
      node(stop.hall2, 'B1 2호선 대합실', 3, 'B1'),
      node(stop.hall3, 'B1 3호선 대합실', 3, 'B1'),
      node(stop.p2, '2호선 승강장', 0, 'B2'),
      node(stop.pos2, '강남 방면 8-4', 4, 'B2'),
      node(stop.mid3, 'B2 연결 지점 (3호선)', 3, 'B2'),
      node(stop.p3, '3호선 승강장', 0, 'B3'),
      node(stop.pos3, '고속터미널 방면 4-2', 4, 'B3'),
    ],
    edges: [
      edge('pw-ev-exit5', stop.exit5, stop.free, 'elevator'),
      edge('pw-ev-exit13', stop.exit13, stop.free, 'elevator'),
      edge('pw-es-exit6-up', stop.free, stop.exit6, 'escalator'),
      edge('pw-es-exit6-down', stop.exit6, stop.free, 'escalator'),
      edge('pw-gate-2', stop.free, stop.hall2, 'fare_gate'),
      edge('pw-gate-3', stop.free, stop.hall3, 'fare_gate'),
      edge('pw-lift-23', stop.hall3, stop.hall2, 'stair_lift'),
      edge('pw-stairs-23', stop.hall3, stop.hall2, 'stairs'),
      edge('pw-ev-2', stop.hall2, stop.p2, 'elevator'),
      edge('pw-stairs-2', stop.hall2, stop.p2, 'stairs'),
      edge('pw-walk-2', stop.p2, stop.pos2, 'walkway'),
      edge('pw-ev-3', stop.p3, stop.hall3, 'elevator'),
      edge('pw-es-3', stop.p3, stop.mid3, 'escalator'),
      edge('pw-stairs-3', stop.mid3, stop.hall3, 'stairs'),
      edge('pw-walk-3', stop.p3, stop.pos3, 'walkway'),
    ],
  };
}

const step = (
  n: number,
  pathwayId: string,
  mode: StepMode,
  from: [string, string, string],
  to: [string, string, string],
  timeS: number,
  lengthM: number | null,
  ko: string,
  en: string,
  extra: Partial<RouteStep> = {},
): RouteStep => ({
  n,
  pathwayId,
  mode,
  reversed: false,
  fromId: from[0],
  fromName: from[1],
  fromLevelId: level(from[2]),
  toId: to[0],
  toName: to[1],
  toLevelId: level(to[2]),
  timeS,
  lengthM,
  instruction: { ko, en },
  facilityId: null,
  unknown: [],
  assistance: false,
  source: 'derived',
  ...extra,
});

const P3: [string, string, string] = [stop.p3, '3호선 승강장', 'B3'];
const HALL3: [string, string, string] = [stop.hall3, 'B1 3호선 대합실', 'B1'];
const HALL2: [string, string, string] = [stop.hall2, 'B1 2호선 대합실', 'B1'];
const P2: [string, string, string] = [stop.p2, '2호선 승강장', 'B2'];
const POS2: [string, string, string] = [stop.pos2, '강남 방면 8-4', 'B2'];

function feasibleRoute(): RouteResult {
  return {
    feed: 'seoul-pilot',
    stationId: S,
    profile: 'wheelchair',
    from: { id: stop.p3, name: '3호선 승강장', source: 'derived' },
    to: { id: stop.pos2, name: '강남 방면 8-4', source: 'derived' },
    feasible: true,
    reason: null,
    assurance: 'derived',
    timeS: 520,
    timeSlowS: 780,
    steps: [
      step(
        1,
        'pw-ev-3',
        'elevator',
        P3,
        HALL3,
        90,
        null,
        '3호선 엘리베이터 내부#1을 타고 B1 3호선 대합실로 올라갑니다.',
        'Take line 3 elevator 내부#1 up to the B1 line 3 hall.',
        { facilityId: 'ev-0330-in1', reversed: false },
      ),
      step(
        2,
        'pw-lift-23',
        'stair_lift',
        HALL3,
        HALL2,
        300,
        12,
        '역무원을 불러 휠체어리프트로 2·3호선 연결 계단을 지나 2호선 대합실로 갑니다.',
        'Call staff and take the stair lift over the line 2–3 stairs to the line 2 hall.',
        { facilityId: 'wl-0330-in1', assistance: true, unknown: ['min_width'] },
      ),
      step(
        3,
        'pw-ev-2',
        'elevator',
        HALL2,
        P2,
        90,
        null,
        '2호선 엘리베이터 내부#1을 타고 2호선 승강장으로 내려갑니다.',
        'Take line 2 elevator 내부#1 down to the line 2 platform.',
        { facilityId: 'ev-0223-in1' },
      ),
      step(
        4,
        'pw-walk-2',
        'walkway',
        P2,
        POS2,
        40,
        30,
        '승강장을 따라 강남 방면 8-4 타는 곳까지 30m 갑니다.',
        'Walk 30 m along the platform to boarding point 8-4 (toward Gangnam).',
        { unknown: ['min_width'] },
      ),
    ],
    counts: { elevatorRides: 2, levelChanges: 2, fareGates: 0, outdoorMetres: 0, stairs: 0, escalators: 0 },
    dependsOn: [
      { facilityId: 'ev-0330-in1', type: 'elevator', name: '3호선 엘리베이터 내부#1', status: '사용가능' },
      { facilityId: 'wl-0330-in1', type: 'stair_lift', name: '휠체어리프트 내부1', status: '사용가능' },
      { facilityId: 'ev-0223-in1', type: 'elevator', name: '2호선 엘리베이터 내부#1', status: '사용가능' },
    ],
    unknownSteps: 2,
    boardAt: {
      stopId: stop.pos2,
      car: 8,
      door: 4,
      toward: '강남 방면',
      label: { ko: '8-4 (강남 방면)', en: 'car 8, door 4 (toward Gangnam)' },
      reason: { ko: '2호선 엘리베이터 내부#1에서 가장 가까운 문.', en: 'The door nearest line 2 elevator 내부#1.' },
    },
  };
}

export function gyodaeInput(): TransferMapInput {
  return {
    ...graph(),
    route: feasibleRoute(),
    status: ['3호선 엘리베이터 내부#1: 운행 중', '휠체어리프트 내부1: 운행 중', '2호선 엘리베이터 내부#1: 운행 중'],
    generatedAt: '2025-08-14T09:30:00+09:00',
    provenance: { source: { ko: '서울교통공사 승강기 가동현황', en: 'Seoul Metro lift status' }, fieldVerified: false },
  };
}

/** The same trip when line 2's lift is under repair: the only other ways down are stairs. */
export function gyodaeBlockedInput(): TransferMapInput {
  const input = gyodaeInput();
  input.status = ['2호선 엘리베이터 내부#1: 보수 중'];
  input.route = {
    ...input.route,
    feasible: false,
    timeS: null,
    timeSlowS: null,
    steps: [],
    dependsOn: [],
    unknownSteps: 0,
    boardAt: null,
    counts: { elevatorRides: 0, levelChanges: 0, fareGates: 0, outdoorMetres: 0, stairs: 0, escalators: 0 },
    reason: {
      code: 'blocked',
      message: {
        ko: '2호선 엘리베이터 내부#1이 보수 중이고, 다른 길은 계단입니다.',
        en: 'Line 2 elevator 내부#1 is under repair and the other ways are stairs.',
      },
      blockedBy: [
        { pathwayId: 'pw-ev-2', mode: 'elevator', reason: 'out_of_service', facilityId: 'ev-0223-in1' },
        { pathwayId: 'pw-stairs-2', mode: 'stairs', reason: 'stairs', facilityId: null },
      ],
    },
  };
  return input;
}
