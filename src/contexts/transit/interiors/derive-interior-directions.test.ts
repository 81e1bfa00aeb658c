import { describe, expect, it } from 'vitest';
import { rowsToFeed } from '../gtfs/feed-rows.js';
import { LEVEL_COLUMNS, LEVELS, PATHWAY_COLUMNS, PATHWAYS, STOP_COLUMNS, STOPS } from '../gtfs/gtfs-spec.js';
import { validateFeed } from '../gtfs/validate-feed.js';
import { interiorRows } from './derive-pilot-interiors.js';
import { deriveInterior } from './derive-interior.js';
import type { InteriorFacility } from './derived-interior-model.js';

import { directed, F, fac } from './derive-interior.fixtures.js';

describe('platforms per direction and boarding positions', () => {
  const d = deriveInterior(directed);
  const stop = (id: string) => d.nodes.find((n) => n.stopId === id);
  const ofKind = (t: number) => d.nodes.filter((n) => n.locationType === t).map((n) => n.stopId);
  const gangnam = 'st-1:platform:2:st-gangnam';
  const seocho = 'st-1:platform:2:st-seocho';

  it('splits a line whose elevators each name one direction into side platforms', () => {
    expect(ofKind(0)).toEqual([gangnam, seocho, 'st-1:platform:3']);
    expect(stop(gangnam)).toMatchObject({ name: '2호선 승강장 (강남 방면)', levelId: 'st-1:LB2', platformCode: '2', parentStopId: 'st-1' });
    expect(stop(gangnam)!.extra).toMatchObject({ line: '2', toward: ['강남'], towardStationIds: ['st-gangnam'] });
    expect(stop(seocho)!.extra).toMatchObject({ toward: ['서초'], towardStationIds: ['st-seocho'] });
    expect(stop(gangnam)!.provenance.note).toMatch(/One platform per direction/);
  });

  it('keeps one platform for an island: one elevator signed for both directions', () => {
    expect(stop('st-1:platform:3')).toMatchObject({ name: '3호선 승강장', levelId: 'st-1:LB3' });
    expect(stop('st-1:platform:3')!.extra).toMatchObject({ line: '3', toward: [], towardStationIds: [] });
    expect(stop('st-1:platform:3')!.provenance.note).toMatch(/both directions \(island platform\)/);
  });

  it('runs each elevator from the platform of the direction it names', () => {
    const elevator = (location: string) => {
      const f = directed.facilities.find((x) => x.location === location)!;
      return d.edges.filter((e) => e.extra.facilityId === f.id).map((e) => [e.fromStopId, e.toStopId]);
    };
    // A platform with boarding areas hands its pathways to its generic node (GTFS: boarding areas, not the platform, carry them).
    expect(elevator('강남 방면8-4')).toEqual([[`${gangnam}:node`, 'st-1:concourse']]);
    expect(elevator('서초 방면3-1')).toEqual([[`${seocho}:node`, 'st-1:concourse']]);
    expect(stop(`${gangnam}:node`)).toMatchObject({ locationType: 3, levelId: 'st-1:LB2', extra: { line: '2', platformStopId: gangnam } });
    expect(stop(gangnam)!.extra.pathwayStopId).toBe(`${gangnam}:node`);
    expect(d.edges.some((e) => ofKind(0).includes(e.fromStopId) || ofKind(0).includes(e.toStopId))).toBe(false);
  });

  it('places a boarding position for each "X 방면C-D" on its platform, with car, door and direction', () => {
    expect(ofKind(4)).toEqual([
      'st-1:board:2:st-gangnam:8-4',
      'st-1:board:2:st-seocho:3-1',
      'st-1:board:3:st-express:3-2',
      'st-1:board:3:st-express:4-2',
      'st-1:board:3:st-nambu:7-3',
      'st-1:board:3:st-nambu:8-3',
    ]);
    const lift = directed.facilities[0]!;
    expect(stop('st-1:board:2:st-gangnam:8-4')).toMatchObject({ parentStopId: gangnam, levelId: 'st-1:LB2', name: '강남 방면 8-4' });
    expect(stop('st-1:board:2:st-gangnam:8-4')!.extra).toEqual({
      boarding: {
        line: '2',
        car: 8,
        door: 4,
        toward: '강남',
        towardStationId: 'st-gangnam',
        facilityId: lift.id,
        facilityType: 'elevator',
        source: `${F}:${lift.sourceRow}`,
        facilityIds: [lift.id],
      },
    });
    expect(stop('st-1:board:2:st-seocho:3-1')!.parentStopId).toBe(seocho);
    // Island: both directions' positions hang off the one platform; car numbers differ per direction.
    expect(stop('st-1:board:3:st-nambu:7-3')).toMatchObject({ parentStopId: 'st-1:platform:3', name: '남부터미널 방면 7-3' });
    // The up and down escalators at the same doors are one boarding area.
    expect((stop('st-1:board:3:st-express:3-2')!.extra.boarding as { facilityIds: string[] }).facilityIds).toHaveLength(2);
    const walk = d.edges.find((e) => e.pathwayId === 'st-1:board:2:st-gangnam:8-4')!;
    expect(walk).toMatchObject({
      fromStopId: `${gangnam}:node`,
      toStopId: 'st-1:board:2:st-gangnam:8-4',
      mode: 1,
      isBidirectional: 1,
      length: null,
      traversalTime: null,
      extra: { mode_ext: 'platform_boarding' },
    });
  });

  it("joins every platform of one line to every platform of the other, with the transfer table's length and time", () => {
    const walks = d.edges.filter((e) => e.pathwayId.includes(':transfer:'));
    expect(walks.map((e) => [e.pathwayId, e.fromStopId, e.toStopId])).toEqual([
      ['st-1:transfer:2-3:st-gangnam:shared', `${gangnam}:node`, 'st-1:platform:3:node'],
      ['st-1:transfer:2-3:st-seocho:shared', `${seocho}:node`, 'st-1:platform:3:node'],
    ]);
    expect(walks.every((e) => e.length === 75 && e.traversalTime === 63 && e.isBidirectional === 1)).toBe(true);
  });

  it('gives a feed the GTFS rules find no error in', () => {
    const feed = rowsToFeed(interiorRows('pilot', d), { [STOPS]: [...STOP_COLUMNS], [LEVELS]: [...LEVEL_COLUMNS], [PATHWAYS]: [...PATHWAY_COLUMNS] });
    expect(validateFeed(feed).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('keeps one platform when a direction is in doubt', () => {
    const withLine2 = (...extra: InteriorFacility[]) => deriveInterior({ ...directed, facilities: [...directed.facilities, ...extra] });
    const line2 = (x: ReturnType<typeof deriveInterior>) => x.nodes.filter((n) => n.locationType === 0 && n.platformCode === '2').map((n) => n.stopId);
    expect(line2(withLine2(fac('2', 'elevator', '엘리베이터 내부#3', 'B2-B1', '승강장 중앙')))).toEqual(['st-1:platform:2']);
    expect(line2(withLine2(fac('2', 'escalator', '에스컬레이터 9', 'B1-B2', '강남 방면2-1, 역삼 방면5-3')))).toEqual(['st-1:platform:2']);
    const one = deriveInterior({ ...directed, facilities: directed.facilities.filter((f) => f.location !== '서초 방면3-1') });
    expect(line2(one)).toEqual(['st-1:platform:2']);
    expect(one.nodes.find((n) => n.stopId === 'st-1:platform:2')!.provenance.note).toMatch(/only one direction is named/);
  });

  it("puts each direction's platform on the deepest level of its own elevators", () => {
    const x = deriveInterior({ ...directed, facilities: directed.facilities.map((f) => (f.location === '서초 방면3-1' ? { ...f, levels: 'B3-B1' } : f)) });
    expect(x.nodes.find((n) => n.stopId === seocho)!.levelId).toBe('st-1:LB3');
    expect(x.nodes.find((n) => n.stopId === gangnam)!.levelId).toBe('st-1:LB2');
  });
});
