import { describe, expect, it } from 'vitest';
import { deriveInterior } from './derive-interior.js';
import { DERIVED_METHOD, parseLevel, parseSection, type InteriorInput } from './derived-interior-model.js';
import { withDirectionLine } from './platform-directions.js';

import { fac, input } from './derive-interior.fixtures.js';

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
    expect(d.levels.map((l) => [l.levelName, l.levelIndex])).toEqual([
      ['1F', 0],
      ['B1', -1],
      ['B2', -2],
      ['B3', -3],
    ]);
  });

  it('makes one platform per line on its deepest elevator level, a concourse, a junction and entrances', () => {
    expect(stop('st-1:platform:2')).toMatchObject({ locationType: 0, levelId: 'st-1:LB2', platformCode: '2', parentStopId: 'st-1' });
    expect(stop('st-1:platform:3')).toMatchObject({ locationType: 0, levelId: 'st-1:LB3' });
    expect(stop('st-1:platform:3')!.provenance.note).toMatch(/One platform for both directions.*names no direction/);
    expect(stop('st-1:platform:2')!.extra).toEqual({ line: '2', toward: [], towardStationIds: [], pathwayStopId: 'st-1:platform:2' });
    expect(d.nodes.filter((n) => n.locationType === 4)).toEqual([]);
    expect(stop('st-1:concourse')).toMatchObject({ locationType: 3, levelId: 'st-1:LB1' });
    expect(stop('st-1:junction:B2')).toMatchObject({ locationType: 3, levelId: 'st-1:LB2' });
    expect(stop('st-1:exit:5:1F')).toMatchObject({ locationType: 2, name: '5번 출구 (엘리베이터 출구)', levelId: 'st-1:L1F' });
    expect(stop('st-1:exit:6:1F')).toMatchObject({ locationType: 2 });
    expect(stop('st-1')).toMatchObject({ locationType: 1, parentStopId: null, lat: 37.49, lon: 127.01 });
    // Only the station has coordinates: none are invented for the places inside.
    expect(d.nodes.filter((n) => n.locationType !== 1).every((n) => n.lat === null && n.lon === null)).toBe(true);
  });

  it("links every pair of an elevator's stops (a ride past a stop is one ride), with no invented time", () => {
    const elevators = d.edges.filter((e) => e.mode === 5).map((e) => [e.fromStopId, e.toStopId]);
    expect(elevators).toEqual([
      ['st-1:platform:2', 'st-1:concourse'],
      ['st-1:concourse', 'st-1:exit:5:1F'],
      ['st-1:platform:3', 'st-1:junction:B2'],
      ['st-1:platform:3', 'st-1:concourse'],
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

  it('takes the transfer from the transfer table, once per pair; between levels it is a level change of unknown kind, not a level walkway', () => {
    const transfers = d.edges.filter((e) => e.pathwayId.includes(':transfer:'));
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({
      fromStopId: 'st-1:platform:2',
      toStopId: 'st-1:platform:3',
      mode: 1,
      isBidirectional: 1,
      length: 75,
      traversalTime: 63,
      extra: { levelChange: 'unknown' },
    });
    expect(transfers[0]!.provenance.files).toEqual(['transfers.csv']);
    expect(transfers[0]!.provenance.note).toMatch(/different levels \(B2, B3\): a level change of unknown kind/);
  });

  it('derives nothing more when the lifts already join the two platforms (through the concourse here)', () => {
    expect(d.edges.filter((e) => e.extra.transferAccess)).toEqual([]);
    // Every walkway between two places on different levels is marked as a level change (never a plain walkway).
    const level = new Map(d.nodes.map((n) => [n.stopId, n.levelId]));
    for (const e of d.edges.filter((x) => x.mode === 1 && level.get(x.fromStopId) !== level.get(x.toStopId)))
      expect(e.extra.levelChange, e.pathwayId).toBe('unknown');
  });

  it('derives no walk to a lift when no lift or escalator joins the two levels', () => {
    // Line 4 is placed by one escalator only (B5 platform; its B4 end is a dead end): nothing joins B2 and B5.
    const x = deriveInterior({
      ...input,
      lines: ['2', '3', '4'],
      transfers: [{ fromLineId: '2', toLineId: '4', distanceM: 90, timeS: 80, source: 'transfers.csv' }],
      facilities: [...input.facilities, fac('4', 'escalator', '에스컬레이터 1', 'B4-B5', '환승통로')],
    });
    const transfer = x.edges.find((e) => e.pathwayId === 'st-1:transfer:2-4')!;
    expect(transfer).toMatchObject({
      fromStopId: 'st-1:platform:2',
      toStopId: 'st-1:platform:4',
      length: 90,
      traversalTime: 80,
      extra: { levelChange: 'unknown' },
    });
    expect(x.edges.filter((e) => e.extra.transferAccess)).toEqual([]);
    expect(x.unplaced.find((u) => u.name === '에스컬레이터 1' && u.line === '4')).toMatchObject({ reason: 'end_left_out', place: 'B4 연결 지점' });
  });

  it('lists every elevator, escalator, lift and moving walkway it could not place, with the reason', () => {
    const lift = input.facilities.find((f) => f.type === 'wheelchair_lift')!;
    expect(d.unplaced).toEqual([
      {
        facilityId: lift.id,
        type: 'wheelchair_lift',
        line: '3',
        name: '휠체어리프트 내부1',
        levels: 'B1-B1',
        location: 'B1층 연결계단',
        reason: 'ends_not_in_data',
        place: null,
      },
    ]);
    // Stored on the station's own node, beside the interior's other rows.
    expect(stop('st-1')!.extra).toEqual({ unplaced: d.unplaced });
    // The rest are pathways of the graph; toilets are not ways between places and are not listed.
    const ways = input.facilities.filter((f) => ['elevator', 'escalator'].includes(f.type)).map((f) => f.id);
    const placed = new Set(d.edges.map((e) => e.extra.facilityId));
    expect(ways.every((id) => placed.has(id))).toBe(true);
    const odd = deriveInterior({
      ...input,
      facilities: [...input.facilities, fac('9', 'elevator', 'E9', 'B2-B1'), fac('2', 'elevator', 'E?', '지하 1'), fac('2', 'escalator', 'S1', 'B1-B1')],
    });
    expect(odd.unplaced.map((u) => [u.name, u.reason])).toEqual([
      ['휠체어리프트 내부1', 'ends_not_in_data'],
      ['E9', 'line_not_served'],
      ['E?', 'section_unreadable'],
      ['S1', 'one_level'],
    ]);
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
    const n = (...names: string[]) => names.map((name) => ({ name, stationId: `id-${name}` }));
    expect(withDirectionLine(f, ['3', '4'], { 3: n('을지로3가', '동대입구'), 4: n('명동', '동대문역사문화공원') }).lineId).toBe('3');
    expect(withDirectionLine(f, ['3', '4'], { 3: n('약수'), 4: n('명동') }).lineId).toBe('4');
  });

  it('places an elevator whose upper stop is on the other line\'s platform level (종로3가 line 3 "내부#1 B4-B2")', () => {
    // Line 1 on B2; line 3 on B4, its inner elevator running B4–B2. Before, its B2 stop joined nothing but line 3 and was
    // dropped with the elevator; the transfer now walks on B2 from line 1 to it.
    const jongnoInput: InteriorInput = {
      station: { id: 'st-2', nameKo: '종로3가', lat: null, lon: null },
      lines: ['1', '3'],
      derivedAt: input.derivedAt,
      transfers: [
        { fromLineId: '1', toLineId: '3', distanceM: 118, timeS: 98, source: 'transfers.csv' },
        { fromLineId: '3', toLineId: '1', distanceM: 118, timeS: 98, source: 'transfers.csv' },
      ],
      facilities: [
        fac('1', 'elevator', '엘리베이터 내부#1', 'B2-B1', '승강장'),
        fac('1', 'elevator', '엘리베이터 외부#1', 'B1-1F', '12,13번 출입구 사이'),
        fac('3', 'elevator', '엘리베이터 내부#1', 'B4-B2', '승강장'),
        fac('3', 'elevator', '엘리베이터 외부#1', 'B1-1F', '8번 출입구'),
      ],
    };
    const jongno = deriveInterior(jongnoInput);
    const inner3 = jongno.edges.filter((e) => e.provenance.facilityName === '엘리베이터 내부#1' && e.provenance.note!.includes('B4–B2'));
    expect(inner3.map((e) => [e.fromStopId, e.toStopId])).toEqual([['st-2:platform:3', 'st-2:junction:B2']]);
    const access = jongno.edges.filter((e) => e.extra.transferAccess);
    expect(access.map((e) => [e.pathwayId, e.fromStopId, e.toStopId, e.mode, e.isBidirectional, e.length, e.traversalTime])).toEqual([
      ['st-2:access:platform:1:junction:B2', 'st-2:platform:1', 'st-2:junction:B2', 1, 1, null, null],
    ]);
    expect(access[0]!.provenance.note).toMatch(/Walk on level B2 .* part of the transfer 1호선 ↔ 3호선 .* 118 m and 98 s for the whole transfer/);
    expect(jongno.unplaced).toEqual([]);
    // Control: without the transfer nothing joins line 3's B2 stop, and the elevator is listed as unplaced.
    const alone = deriveInterior({ ...jongnoInput, transfers: [] });
    expect(alone.unplaced.map((u) => [u.name, u.line, u.reason, u.place])).toEqual([['엘리베이터 내부#1', '3', 'end_left_out', 'B2 연결 지점']]);
  });

  it('gives nothing when no facility places a platform', () => {
    const empty = deriveInterior({ ...input, facilities: [] });
    expect(empty.nodes).toEqual([]);
    expect(empty.edges).toEqual([]);
  });
});
