import { describe, expect, it } from 'vitest';
import type { EdgeRow, NodeRow } from '../store/tables.js';
import { indoorGml } from './indoorgml.js';

/** A hand-made two-level station, for this test only. */
const node = (stop_id: string, location_type: number, level_id: string): NodeRow => ({
  id: `t:${stop_id}`,
  feed: 't',
  station_id: 's',
  stop_id,
  location_type,
  parent_stop_id: 'S',
  level_id,
  name: stop_id,
  code: null,
  platform_code: null,
  lat: null,
  lon: null,
  wheelchair_boarding: null,
  extra: '{}',
  provenance: '{}',
});
const edge = (pathway_id: string, from: string, to: string, mode: number, extra: Partial<EdgeRow> = {}): EdgeRow => ({
  id: `t:${pathway_id}`,
  feed: 't',
  pathway_id,
  from_stop_id: from,
  to_stop_id: to,
  pathway_mode: mode,
  is_bidirectional: 1,
  length: null,
  traversal_time: null,
  stair_count: null,
  max_slope: null,
  min_width: null,
  signposted_as: null,
  reversed_signposted_as: null,
  extra: '{}',
  provenance: '{}',
  ...extra,
});

describe('IndoorGML export', () => {
  const input = {
    station: { id: 's', name_ko: '시험역', name_en: 'Test' },
    levels: [
      { id: 't:L0', feed: 't', station_id: 's', level_id: 'L0', level_index: 0, level_name: '1F', extra: '{}' },
      { id: 't:L1', feed: 't', station_id: 's', level_id: 'L1', level_index: -1, level_name: 'B1', extra: '{}' },
    ],
    nodes: [node('E', 2, 'L0'), node('C', 3, 'L1'), node('P', 0, 'L1')],
    edges: [
      edge('lift', 'E', 'C', 5),
      edge('stairs', 'E', 'C', 2, { stair_count: 20, is_bidirectional: 1 }),
      edge('walk', 'C', 'P', 1, { length: 84 }),
      edge('down', 'E', 'C', 4, { is_bidirectional: 0, traversal_time: 40 }),
    ],
  };
  const doc = indoorGml(input);

  it('has one thematic layer per profile, tied by EQUALS connections', () => {
    expect(doc.layers.map((l) => l.theme)).toEqual([
      'TL-Walking',
      'TL-Wheelchair',
      'TL-PoweredWheelchair',
      'TL-Elderly',
      'TL-Stroller',
      'TL-Pregnant',
      'TL-LowVision',
    ]);
    expect(doc.layerConnections).toHaveLength(3 * 6);
    expect(doc.layerConnections[0]).toMatchObject({ typeOfTopoExpression: 'EQUALS' });
  });
  it('keeps stairs and escalators out of the wheelchair and stroller layers, and an elevator out of service out of every layer', () => {
    const modes = (d: typeof doc, i: number) => [...new Set(d.layers[i]!.dualSpaceLayer.edgeMember.map((e) => e.mode))].sort();
    expect(modes(doc, 0)).toEqual(['elevator', 'escalator', 'stairs', 'walkway']);
    expect(modes(doc, 1)).toEqual(['elevator', 'walkway']);
    expect(modes(doc, 4)).toEqual(['elevator', 'walkway']);
    const withLift = { ...input, edges: input.edges.map((e) => (e.pathway_id === 'lift' ? { ...e, extra: '{"facilityId":"F1"}' } : e)) };
    const broken = indoorGml({ ...withLift, facilities: [{ id: 'F1', type: 'elevator', name: null, status: 'not_available' }] });
    expect(modes(broken, 1)).toEqual(['walkway']);
    expect(modes(broken, 0)).not.toContain('elevator');
  });
  it('weights edges in seconds, marking estimates, and splits two-way pathways into directed edges', () => {
    const walking = doc.layers[0]!.dualSpaceLayer.edgeMember;
    expect(walking.find((e) => e.pathwayId === 'down')).toMatchObject({ weight: 40, weightKnown: true });
    expect(walking.filter((e) => e.pathwayId === 'down')).toHaveLength(1);
    expect(walking.find((e) => e.pathwayId === 'walk')).toMatchObject({ weight: 70, weightKnown: false });
    const wheel = doc.layers[1]!.dualSpaceLayer.edgeMember;
    expect(wheel.find((e) => e.pathwayId === 'walk')).toMatchObject({ weight: 120 });
    expect(wheel.filter((e) => e.pathwayId === 'lift').map((e) => e.connects)).toEqual([
      ['TL-Wheelchair:E', 'TL-Wheelchair:C'],
      ['TL-Wheelchair:C', 'TL-Wheelchair:E'],
    ]);
  });
});
