import { describe, expect, it } from 'vitest';
import type { EdgeView } from '../use-cases/interior-model.js';
import { EMPTY_EDGE } from '../use-cases/apply-ops.js';
import { fieldText, inputName, opsFromTable, readNumber } from './editor-form.js';

const edge = (pathwayId: string, over: Partial<EdgeView> = {}): EdgeView => ({
  pathwayId,
  from: 'st:a',
  to: 'st:b',
  mode: 'walkway',
  ...EMPTY_EDGE,
  length: 75,
  ...over,
});
/** The form as the page renders it for these pathways (every cell as shown), with `changes` typed over it. */
const formOf = (edges: EdgeView[], changes: Record<string, string> = {}) => {
  const form: Record<string, string> = {};
  edges.forEach((e, row) => {
    form[inputName(row, 'id')] = e.pathwayId;
    for (const f of ['mode', 'length', 'minWidth', 'maxSlope', 'stepHeightCm', 'stairCount'] as const) form[inputName(row, f)] = fieldText(e, f);
  });
  return { ...form, ...changes, title: '제목' };
};

describe('editor form: numbers as people type them', () => {
  it('reads empty as unknown, decimal commas, and refuses words', () => {
    expect(readNumber('')).toBeNull();
    expect(readNumber('  ')).toBeNull();
    expect(readNumber('1.8')).toBe(1.8);
    expect(readNumber('1,8')).toBe(1.8);
    expect(readNumber('-0.05')).toBe(-0.05);
    expect(readNumber('.5')).toBe(0.5);
    expect(readNumber('칠십')).toBeUndefined();
    expect(readNumber('1.2.3')).toBeUndefined();
    expect(readNumber('Infinity')).toBeUndefined();
  });
});

describe('editor form: the pathway table becomes update_edge operations', () => {
  const edges = [edge('st:t1'), edge('st:t2', { minWidth: 1.2, mode: 'ramp' })];

  it('makes no operation when nothing changed', () => {
    expect(opsFromTable(edges, formOf(edges))).toEqual({ ops: [], inputs: new Map(), unreadable: [] });
  });

  it('makes one operation per changed pathway with only the changed fields, and knows which input each came from', () => {
    const result = opsFromTable(edges, formOf(edges, { 'e-1-minWidth': '', 'e-1-maxSlope': '0,05', 'e-1-mode': 'walkway' }));
    expect(result.ops).toEqual([{ op: 'update_edge', pathwayId: 'st:t2', set: { mode: 'walkway', minWidth: null, maxSlope: 0.05 } }]);
    expect(result.inputs.get('ops[0].set.maxSlope')).toBe('e-1-maxSlope');
    expect(result.inputs.get('ops[0].set.minWidth')).toBe('e-1-minWidth');
    expect(result.inputs.get('ops[0]')).toBe('e-1-mode');
    expect(result.unreadable).toEqual([]);
  });

  it('lists unreadable inputs and makes no change for them', () => {
    const result = opsFromTable(edges, formOf(edges, { 'e-0-length': '칠십', 'e-0-mode': 'teleport', 'e-0-stairCount': '12' }));
    expect(result.unreadable).toEqual(['e-0-mode', 'e-0-length']);
    expect(result.ops).toEqual([{ op: 'update_edge', pathwayId: 'st:t1', set: { stairCount: 12 } }]);
  });

  it('ignores rows of pathways that are no longer there', () => {
    const form = formOf(edges, { 'e-0-id': 'st:gone', 'e-0-length': '10' });
    expect(opsFromTable(edges, form).ops).toEqual([]);
  });
});
