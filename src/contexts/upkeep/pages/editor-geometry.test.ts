import { describe, expect, it } from 'vitest';
import type { NodeView } from '../use-cases/interior-model.js';
import { GRID, layoutLevel, levelBox, PX_PER_M, toLatLon, toPoint } from './editor-geometry.js';

const GYODAE = { lat: 37.493415, lon: 127.01408 };
const node = (stopId: string, locationType: number, name: string | null, lat: number | null = null, lon: number | null = null): NodeView => ({
  stopId,
  name,
  locationType,
  levelId: 'L',
  parentStopId: 'st',
  platformCode: null,
  lat,
  lon,
  wheelchairBoarding: null,
  boarding: null,
  photos: [],
});

describe('editor geometry: a local projection around the station', () => {
  it('puts the station at the origin, east to the right and north up, at PX_PER_M units per metre', () => {
    expect(toPoint(GYODAE, GYODAE.lat, GYODAE.lon)).toEqual({ x: 0, y: 0 });
    const north = toPoint(GYODAE, GYODAE.lat + 10 / 111_320, GYODAE.lon);
    expect(north.x).toBe(0);
    expect(north.y).toBeCloseTo(-10 * PX_PER_M, 1);
    const east = toPoint(GYODAE, GYODAE.lat, GYODAE.lon + 10 / (111_320 * Math.cos((GYODAE.lat * Math.PI) / 180)));
    expect(east.x).toBeCloseTo(10 * PX_PER_M, 1);
  });

  it('goes back from drawing units to coordinates to the centimetre', () => {
    for (const p of [
      { x: 0, y: 0 },
      { x: 220, y: 130 },
      { x: -400.5, y: 912.25 },
    ]) {
      const ll = toLatLon(GYODAE, p);
      const back = toPoint(GYODAE, ll.lat, ll.lon);
      expect(Math.abs(back.x - p.x) / PX_PER_M).toBeLessThan(0.02);
      expect(Math.abs(back.y - p.y) / PX_PER_M).toBeLessThan(0.02);
    }
    const moved = toLatLon(GYODAE, { x: PX_PER_M, y: 0 }); // one metre east
    expect(moved.lat).toBe(GYODAE.lat);
    expect(moved.lon).toBeGreaterThan(GYODAE.lon);
  });
});

describe('editor geometry: laying out a level', () => {
  it('places unmeasured places in a deterministic grid, platforms first, the middle column lower', () => {
    const nodes = [node('st:j2', 3, '나 지점'), node('st:exit', 2, '1번 출구'), node('st:p', 0, '2호선 승강장'), node('st:j1', 3, '가 지점')];
    const pos = layoutLevel(GYODAE, nodes);
    expect(pos.get('st:p')).toEqual({ x: -GRID.colW, y: 0 });
    expect(pos.get('st:j1')).toEqual({ x: 0, y: GRID.stagger });
    expect(pos.get('st:j2')).toEqual({ x: GRID.colW, y: 0 });
    expect(pos.get('st:exit')).toEqual({ x: -GRID.colW, y: GRID.rowH });
    expect(layoutLevel(GYODAE, [...nodes].reverse())).toEqual(pos);
  });

  it('keeps measured places where they are and puts the others below them', () => {
    const measured = node('st:m', 3, 'M', GYODAE.lat - 20 / 111_320, GYODAE.lon);
    const pos = layoutLevel(GYODAE, [measured, node('st:u', 3, 'U')]);
    expect(pos.get('st:m')!.y).toBeCloseTo(20 * PX_PER_M, 1);
    expect(pos.get('st:u')!.y).toBeCloseTo(20 * PX_PER_M + GRID.rowH, 1);
  });

  it('frames a level with room for labels, at least 600 units wide', () => {
    expect(levelBox([])).toEqual({ x: -300, y: -120, w: 600, h: 240 });
    const box = levelBox([
      { x: -220, y: 0 },
      { x: 220, y: 130 },
    ]);
    expect(box.x).toBeLessThan(-220);
    expect(box.x + box.w).toBeGreaterThanOrEqual(220 + 200);
    expect(box.y + box.h).toBeGreaterThan(130);
  });
});
