import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../use-cases/change-ops.js';
import { revisableFields, revisedOps } from './revise-form.js';

const ops: ChangeOp[] = [
  { op: 'update_edge', pathwayId: 'st:p1', set: { mode: 'ramp', maxSlope: 0.083, minWidth: 0.8 } },
  { op: 'add_node', node: { stopId: 'st:survey:1', name: '3번 출구 앞', locationType: 3, levelId: 'st:L0' } },
  { op: 'remove_edge', pathwayId: 'st:p9' },
];

describe('the revise form', () => {
  it('shows each value a proposal sets, slopes in percent, and nothing for ids or removals', () => {
    expect(revisableFields(ops).map((f) => [f.input, f.target, f.value])).toEqual([
      ['o0-maxSlope', 'st:p1', '8.3'],
      ['o0-minWidth', 'st:p1', '0.8'],
      ['o1-name', 'st:survey:1', '3번 출구 앞'],
    ]);
  });

  it('writes typed values back into the same operations, a decimal comma too, and names what it cannot read', () => {
    const out = revisedOps(ops, { 'o0-maxSlope': '5', 'o0-minWidth': '1,2', 'o1-name': ' 3번 출구 ' });
    expect(out.unreadable).toEqual([]);
    expect(out.ops[0]).toEqual({ op: 'update_edge', pathwayId: 'st:p1', set: { mode: 'ramp', maxSlope: 0.05, minWidth: 1.2 } });
    expect(out.ops[1]).toMatchObject({ node: { name: '3번 출구', stopId: 'st:survey:1' } });
    expect(ops[0]).toMatchObject({ set: { maxSlope: 0.083 } }); // the original is untouched
    expect(revisedOps(ops, { 'o0-minWidth': '넓음' }).unreadable).toEqual(['o0-minWidth']);
  });
});
