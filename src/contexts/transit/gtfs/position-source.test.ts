import { describe, expect, it } from 'vitest';
import type { NodeRow } from '../store/tables.js';
import { rowsToFeed } from './feed-rows.js';
import { placeStops, positionSources, positionsSetByVersions, type VersionRow } from './position-source.js';

const node = (stop_id: string, location_type: number, lat: number | null, lon: number | null, provenance: object = { source: 'derived' }): NodeRow => ({
  id: `f:${stop_id}`,
  feed: 'f',
  station_id: 'S',
  stop_id,
  location_type,
  parent_stop_id: location_type === 1 ? null : 'S',
  level_id: null,
  name: stop_id,
  code: null,
  platform_code: null,
  lat,
  lon,
  wheelchair_boarding: null,
  extra: '{}',
  provenance: JSON.stringify(provenance),
});
const version = (v: number, kind: string, nodes: NodeRow[], opts: { verified?: boolean; restored?: number } = {}): VersionRow => ({
  station_id: 'S',
  version: v,
  kind,
  restored_version: opts.restored ?? null,
  verified_at: opts.verified ? '2026-11-21T00:00:00Z' : null,
  snapshot: JSON.stringify({ levels: [], nodes, edges: [] }),
});

describe('where coordinates come from', () => {
  const station = node('S', 1, 37.5, 127, { source: 'transit_station' });
  const P = (lat: number | null) => node('P', 0, lat, lat === null ? null : 127.01);

  it('a survey makes a position surveyed, a desk edit estimated, the first version neither', () => {
    const versions = [version(1, 'baseline', [station, P(null)]), version(2, 'proposal', [station, P(37.51)], { verified: true })];
    expect(positionsSetByVersions(versions)).toEqual(new Map([['S|P', { coord: '37.51,127.01', surveyed: true }]]));
    const edited = positionsSetByVersions([...versions, version(3, 'proposal', [station, P(37.52)])]);
    expect(edited.get('S|P')).toEqual({ coord: '37.52,127.01', surveyed: false });
    expect(edited.has('S|S')).toBe(false);
    expect(positionSources([station, P(37.52)], edited)).toEqual(
      new Map([
        ['S', 'derived'],
        ['P', 'estimated'],
      ]),
    );
  });

  it('a position kept through later versions stays what it was; a restore brings back what the restored version had', () => {
    const v = [
      version(1, 'baseline', [station, P(null)]),
      version(2, 'proposal', [station, P(37.51)], { verified: true }),
      version(3, 'proposal', [station, { ...P(37.51), name: 'renamed' }]),
      version(4, 'proposal', [station, P(37.52)]),
    ];
    expect(positionsSetByVersions(v.slice(0, 3)).get('S|P')).toMatchObject({ surveyed: true });
    expect(positionsSetByVersions([...v, version(5, 'revert', [station, P(37.51)], { restored: 3 })]).get('S|P')).toMatchObject({ surveyed: true });
    // Back to the first version: no position, so nothing to say.
    expect(positionsSetByVersions([...v, version(5, 'revert', [station, P(null)], { restored: 1 })]).has('S|P')).toBe(false);
  });

  it('a position no version set is the data as it came when the row says so, estimated otherwise', () => {
    expect(
      positionSources([node('A', 2, 37.5, 127, { source: 'gtfs' }), node('B', 2, 37.5, 127, { source: 'proposal' }), node('C', 3, null, null)], new Map()),
    ).toEqual(
      new Map([
        ['A', 'derived'],
        ['B', 'estimated'],
      ]),
    );
  });
});

describe('placeStops', () => {
  it("gives a stop, station or entrance without coordinates its station's, marked unknown, and leaves nodes without", () => {
    const rows = {
      levels: [],
      edges: [],
      nodes: [
        node('S', 1, 37.5, 127, { source: 'transit_station' }),
        node('P', 0, null, null),
        node('E', 2, null, null),
        node('N', 3, null, null),
        node('Q', 0, 37.6, 127.1),
      ],
    };
    const feed = rowsToFeed(rows, { 'stops.txt': null, 'levels.txt': null, 'pathways.txt': null });
    const placed = placeStops(
      feed,
      new Map([
        ['S', 'derived'],
        ['Q', 'surveyed'],
      ]),
    );
    const at = (id: string) => placed.feed.stops.find((s) => s.stop_id === id)!;
    expect([at('P').stop_lat, at('P').stop_lon, at('P').extra.position_source]).toEqual([37.5, 127, 'unknown']);
    expect([at('E').stop_lat, at('E').extra.position_source]).toEqual([37.5, 'unknown']);
    expect([at('N').stop_lat, at('N').stop_lon, at('N').extra.position_source]).toEqual([null, null, 'unknown']);
    expect([at('Q').stop_lat, at('Q').extra.position_source]).toEqual([37.6, 'surveyed']);
    expect(placed.counts).toEqual({ surveyed: 1, derived: 1, estimated: 0, unknown: 3 });
    expect(placed.unplaced).toEqual([]);
    expect(feed.stops.find((s) => s.stop_id === 'P')!.stop_lat).toBeNull(); // the input is not changed
  });

  it('lists a stop that cannot be placed because its station has no position either', () => {
    const rows = { levels: [], edges: [], nodes: [node('S', 1, null, null), node('P', 0, null, null)] };
    expect(placeStops(rowsToFeed(rows, { 'stops.txt': null, 'levels.txt': null, 'pathways.txt': null }), new Map()).unplaced).toEqual(['S', 'P']);
  });
});
