import { describe, expect, it } from 'vitest';
import { EMPTY_EDGE } from './apply-ops.js';
import { applyOps, attributesOf, parseOps, ProposalInvalid, touchedKeys, type ChangeOp } from './change-ops.js';
import { conflicting, diffInteriors, diffKeys } from './interior-diff.js';
import type { EdgeView, Interior, NodeView } from './interior-model.js';

const node = (stopId: string, over: Partial<NodeView> = {}): NodeView => ({
  stopId,
  name: stopId,
  locationType: 3,
  levelId: 'L1',
  parentStopId: 'st',
  platformCode: null,
  lat: null,
  lon: null,
  wheelchairBoarding: null,
  boarding: null,
  photos: [],
  ...over,
});
const edge = (pathwayId: string, from: string, to: string, over: Partial<EdgeView> = {}): EdgeView => ({
  pathwayId,
  from,
  to,
  mode: 'walkway',
  ...EMPTY_EDGE,
  length: 10,
  ...over,
});
const base: Interior = {
  levels: [{ levelId: 'L1', levelIndex: -1, levelName: 'B1' }],
  nodes: [node('st', { locationType: 1, levelId: null }), node('a'), node('b'), node('c')],
  edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c')],
};
const invalid = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProposalInvalid) return e.issues;
    throw e;
  }
  throw new Error('expected ProposalInvalid');
};

describe('parseOps', () => {
  it('names every problem with its path, all at once', () => {
    const issues = invalid(() =>
      parseOps([
        { op: 'update_edge', pathwayId: 'ab', set: { maxSlope: 2, minWidth: 'wide', colour: 'red' } },
        { op: 'add_node', node: { stopId: 'x y', locationType: 1 } },
        { op: 'rename' },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'ops[0].set.maxSlope',
      'ops[0].set.minWidth',
      'ops[0].set.colour',
      'ops[1].node.stopId',
      'ops[1].node.locationType',
      'ops[1].node.levelId',
      'ops[2].op',
    ]);
  });
  it('refuses an empty list and markup in text', () => {
    expect(invalid(() => parseOps([]))[0]!.path).toBe('ops');
    expect(invalid(() => parseOps([{ op: 'update_edge', pathwayId: 'ab', set: { signpostedAs: '<script>' } }]))[0]!.path).toBe('ops[0].set.signpostedAs');
  });
});

describe('applyOps', () => {
  it('applies in order to a copy and leaves the input alone', () => {
    const ops = parseOps([
      { op: 'add_node', node: { stopId: 'd', locationType: 3, levelId: 'L1', name: '안내소' } },
      { op: 'add_edge', edge: { pathwayId: 'cd', from: 'c', to: 'd', mode: 'ramp', maxSlope: 0.05 } },
      { op: 'update_edge', pathwayId: 'ab', set: { minWidth: 1.2 } },
    ]);
    const after = applyOps(base, ops, 'st');
    expect(after.edges.find((e) => e.pathwayId === 'cd')).toMatchObject({ mode: 'ramp', maxSlope: 0.05, bidirectional: true, photos: [] });
    expect(after.nodes.find((n) => n.stopId === 'd')).toMatchObject({ parentStopId: 'st', name: '안내소' });
    expect(base.edges[0]!.minWidth).toBeNull();
  });
  it('removing a node removes its pathways', () => {
    const after = applyOps(base, parseOps([{ op: 'remove_node', stopId: 'b' }]), 'st');
    expect(after.edges).toEqual([]);
  });
  it('refers to what is there, and adds what is not', () => {
    const issues = invalid(() =>
      applyOps(
        base,
        parseOps([
          { op: 'update_edge', pathwayId: 'zz', set: { minWidth: 1 } },
          { op: 'add_edge', edge: { pathwayId: 'ab', from: 'a', to: 'b', mode: 'walkway' } },
          { op: 'add_node', node: { stopId: 'e', locationType: 3, levelId: 'L9' } },
        ]),
        'st',
      ),
    );
    expect(issues.map((i) => i.path)).toEqual(['ops[0].pathwayId', 'ops[1].edge.pathwayId', 'ops[2]']);
  });
});

describe('who reviews, and conflicts', () => {
  it('maps fields to the attributes their stewards own', () => {
    const ops: ChangeOp[] = parseOps([
      { op: 'update_edge', pathwayId: 'ab', set: { minWidth: 1, signpostedAs: '3호선' } },
      { op: 'update_node', stopId: 'a', set: { boarding: { car: 3, door: 1 } } },
    ]);
    expect(attributesOf(ops)).toEqual(['accessibility', 'boarding', 'instructions']);
    expect(attributesOf(parseOps([{ op: 'remove_edge', pathwayId: 'ab' }]))).toEqual(['geometry']);
  });
  it('finds a clash field by field, and none when different fields moved', () => {
    const moved = diffKeys(diffInteriors(base, applyOps(base, parseOps([{ op: 'update_edge', pathwayId: 'ab', set: { minWidth: 1.5 } }]), 'st')));
    expect(conflicting(touchedKeys(parseOps([{ op: 'update_edge', pathwayId: 'ab', set: { minWidth: 1.2 } }])), moved)).toEqual(['edge:ab:minWidth']);
    expect(conflicting(touchedKeys(parseOps([{ op: 'update_edge', pathwayId: 'ab', set: { maxSlope: 0.02 } }])), moved)).toEqual([]);
    expect(conflicting(touchedKeys(parseOps([{ op: 'remove_edge', pathwayId: 'ab' }])), moved)).toEqual(['edge:ab:*']);
    const removed = diffKeys(diffInteriors(base, applyOps(base, parseOps([{ op: 'remove_edge', pathwayId: 'bc' }]), 'st')));
    expect(conflicting(touchedKeys(parseOps([{ op: 'update_edge', pathwayId: 'bc', set: { length: 3 } }])), removed)).toEqual(['edge:bc:length']);
  });
  it('diffs field by field with labels', () => {
    const after = applyOps(
      base,
      parseOps([
        { op: 'update_edge', pathwayId: 'ab', set: { mode: 'ramp', maxSlope: 0.05 } },
        { op: 'remove_node', stopId: 'c' },
      ]),
      'st',
    );
    expect(diffInteriors(base, after).map((d) => [d.entity, d.id, d.change, d.field])).toEqual([
      ['node', 'c', 'removed', null],
      ['edge', 'ab', 'changed', 'mode'],
      ['edge', 'ab', 'changed', 'maxSlope'],
      ['edge', 'bc', 'removed', null],
    ]);
    expect(diffInteriors(base, after)[1]!.label).toBe('a → b');
  });
});
