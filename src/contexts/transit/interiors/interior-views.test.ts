import { describe, expect, it } from 'vitest';
import { interiorRows } from './derive-pilot-interiors.js';
import { deriveInterior } from './derive-interior.js';
import { interiorGeoJson } from './geojson.js';
import { interiorSection } from '../pages/level-view.js';

import { directed, input } from './derive-interior.fixtures.js';

describe('level view and GeoJSON of the hand-made station', () => {
  const rows = interiorRows('pilot', deriveInterior(input));
  const station = { id: 'st-1', name_ko: '교대', name_en: 'Gyodae', lat: 37.49, lon: 127.01 };

  it('renders one titled SVG per level and a text alternative', () => {
    const out = interiorSection({ locale: 'en' }, rows, station).toString();
    expect(out.match(/<svg role="img"/g)).toHaveLength(4);
    expect(out).toContain('<title id="lv-st-1-st-1_LB1-t">Gyodae, level B1</title>');
    expect(out).toMatch(/<desc id="[^"]+">Schematic of the/);
    expect(out).toContain('class="interior-text"');
    expect(out).toMatch(
      /Passage between levels \(steps not known\) to level B3: <span lang="ko">3호선 승강장<\/span> <span class="muted">\(75 m, about 1:03\)<\/span>/,
    );
    const ko = interiorSection({ locale: 'ko' }, rows, station).toString();
    expect(ko).toContain('교대 B1 연결도');
    expect(interiorSection({ locale: 'ko' }, { levels: [], nodes: [], edges: [] }, station).toString()).toContain('아직 없습니다');
  });

  it('lists where to board on a platform that has boarding areas', () => {
    const out = interiorSection({ locale: 'ko' }, interiorRows('pilot', deriveInterior(directed)), station).toString();
    expect(out).toMatch(/2호선 승강장 \(강남 방면\)<\/span> <span class="muted">\(승강장\)<\/span>\s*– 타는 곳: <span lang="ko">강남 방면 8-4<\/span>/);
    expect(out).toContain('<span lang="ko">남부터미널 방면 7-3</span> <span class="muted">(타는 곳)</span>');
  });

  it('puts places without coordinates at the station, marked approximate', () => {
    const collections = interiorGeoJson({ station, ...rows });
    expect(collections.map((c) => c.properties.levelName)).toEqual(['1F', 'B1', 'B2', 'B3', null]);
    const b2 = collections[2]!;
    expect(b2.features.every((f) => f.properties.approximate && f.geometry?.coordinates[0] === 127.01)).toBe(true);
    // The transfer between lines 2 (B2) and 3 (B3) is a level change, whatever its GTFS mode says.
    const transfer = b2.properties.connections.find((c) => c.pathwayId === 'st-1:transfer:2-3')!;
    expect(transfer).toMatchObject({ mode: 1, levelChange: true });
    expect(b2.properties.connections.filter((c) => c.mode === 5).every((c) => c.levelChange)).toBe(true);
    const stationFeature = collections[4]!.features[0]!;
    expect(stationFeature.properties.approximate).toBe(false);
  });
});
