import { describe, expect, it } from 'vitest';
import { buildNetworkMap, liftState, sectionLinks } from './network-map.js';
import { chains } from './network-map-svg.js';
import { stationMapSvg } from './station-map-svg.js';

const at = (lat: number, lon: number) => ({ lat, lon });

describe('network map', () => {
  it('is an empty map of whole-number size when no station is imported yet (never NaN)', () => {
    const map = buildNetworkMap({ stations: [], riderLines: [], order: [], sectionsOf: new Map() });
    expect(map.stations).toEqual([]);
    expect(Number.isInteger(map.width) && Number.isInteger(map.height)).toBe(true);
  });

  it('says a lift works only when a source says so; an outage wins; no row is no data', () => {
    expect(liftState([])).toMatchObject({ lift: 'none' });
    expect(liftState(['unknown', 'unknown'])).toMatchObject({ lift: 'listed' });
    expect(liftState(['available', 'unknown'])).toMatchObject({ lift: 'working', working: 1 });
    expect(liftState(['available', 'not_available'])).toMatchObject({ lift: 'out', out: 1 });
    expect(liftState(['planned_outage'])).toMatchObject({ lift: 'out', out: 1 });
  });

  it('joins stations in line order, starts a branch from its base station, and leaves far jumps open', () => {
    const where = new Map([
      ['a', at(37.5, 127.0)],
      ['b', at(37.5, 127.01)],
      ['c', at(37.5, 127.02)],
      ['x', at(37.51, 127.01)],
      ['far', at(38.2, 127.0)],
    ]);
    const links = sectionLinks(
      [
        { lineId: 'L', stationId: 'a', seq: 1, externalCode: '100' },
        { lineId: 'L', stationId: 'b', seq: 2, externalCode: '101' },
        { lineId: 'L', stationId: 'c', seq: 3, externalCode: '102' },
        { lineId: 'L', stationId: 'x', seq: 5, externalCode: '101-1' },
        { lineId: 'L', stationId: 'far', seq: 6, externalCode: '103' },
      ],
      where,
    );
    expect(links).toEqual([
      ['a', 'b'],
      ['b', 'c'],
      ['b', 'x'],
    ]);
  });

  it('draws segments as few polylines', () => {
    expect(
      chains([
        ['a', 'b'],
        ['c', 'd'],
        ['b', 'c'],
        ['x', 'y'],
      ]),
    ).toEqual([
      ['a', 'b', 'c', 'd'],
      ['x', 'y'],
    ]);
  });
});

describe('station map', () => {
  it('places labels that overlap no other label, and says what is not known', () => {
    const lift = (i: number, dLat: number, dLon: number) => ({
      label: `E${i}`,
      status: 'working' as const,
      statusText: 'x',
      lat: 37.5 + dLat,
      lon: 127 + dLon,
      source: 'f',
    });
    const { svg, labels } = stationMapSvg(
      {
        station: { id: 's', name: '역', lat: 37.5, lon: 127 },
        lines: [{ name: '2호선', colour: '#2e8b3a' }],
        lifts: [lift(1, 0.0001, 0.0001), lift(2, 0.00012, 0.00011), lift(3, 0.0001, 0.00013), lift(4, -0.002, 0), lift(5, 0, 0)],
        toilets: [{ label: 'T1', text: '대합실', lat: 37.50011, lon: 127.0001 }],
        exits: ['1번'],
        interior: null,
        unknowns: ['역 내부는 자료가 없습니다.'],
        sources: ['file'],
      },
      {
        title: 't',
        linesHeading: 'l',
        placed: 'p',
        noPositions: 'n',
        centre: '역 좌표',
        north: '북',
        lifts: 'E',
        toilets: 'T',
        key: 'k',
        exits: 'x',
        noExits: 'n',
        unknownHeading: '모르는 것',
        interior: 'i',
        sourcesHeading: 's',
        metres: 'm',
      },
      'ko',
    );
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1)) {
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${a.text} / ${b.text}`).toBe(false);
      }
    expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['E1', 'E2', 'E3', 'E4', 'E5', 'T1']));
    expect(svg).toContain('역 내부는 자료가 없습니다.');
  });
});
