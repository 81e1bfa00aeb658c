import { describe, expect, it } from 'vitest';
import { EMPTY_EDGE } from '../use-cases/apply-ops.js';
import { type EditorIslandData, PX_PER_M, toPoint } from './editor-geometry.js';
import { EditorSession, readNumber, translate } from './editor-session.js';

const ORIGIN = { lat: 37.493415, lon: 127.01408 };
const place = (stopId: string, name: string | null, levelId: string, lat: number, lon: number) => ({
  stopId,
  name,
  locationType: 3,
  levelId,
  parentStopId: 'st',
  platformCode: null,
  lat,
  lon,
  wheelchairBoarding: null,
  boarding: null,
  photos: [],
  label: name ?? stopId,
  ...toPoint(ORIGIN, lat, lon),
});
const data = (): EditorIslandData => ({
  stationId: 'st',
  stationName: '교대',
  baseVersion: 1,
  origin: ORIGIN,
  levels: [
    { levelId: 'B1', levelIndex: -1, levelName: '지하 1층' },
    { levelId: 'B2', levelIndex: -2, levelName: null },
  ],
  nodes: [place('a', '개찰구', 'B1', 37.4934, 127.0141), place('b', null, 'B1', 37.4935, 127.0142), place('c', '승강장', 'B2', 37.4934, 127.0142)],
  edges: [
    { ...EMPTY_EDGE, pathwayId: 'ab', from: 'a', to: 'b', mode: 'walkway' },
    { ...EMPTY_EDGE, pathwayId: 'bc', from: 'b', to: 'c', mode: 'stairs' },
  ],
  modes: [],
  messages: {
    'editor.newName': '새 지점 {n}',
    'editor.edgeLabel': '{mode}: {from} → {to}',
    'editor.mode.walkway': '통로',
    'editor.mode.exit_gate': '출구 개찰구',
  },
});
const session = () => {
  let n = 0;
  return new EditorSession(data(), () => `st:edit:${++n}`);
};

describe('the interior editor session: operations, the interior as edited, undo', () => {
  it('adds a place where it was put, names it in turn and selects it', () => {
    const s = session();
    const at = { x: 40, y: -80 };
    const id = s.addNode('B2', at.x, at.y);
    s.addNode('B2', 0, 0);
    expect(id).toBe('st:edit:1');
    expect(s.ops[0]).toMatchObject({ op: 'add_node', node: { stopId: id, name: '새 지점 1', locationType: 3, levelId: 'B2' } });
    expect(s.notes.map((n) => n.label)).toEqual(['새 지점 1', '새 지점 2']);
    // Stored as latitude/longitude to 7 decimals (about a centimetre), drawn back within that.
    const node = s.nodes.get(id)!;
    expect(Math.abs(node.x - at.x)).toBeLessThan(0.1 * PX_PER_M);
    expect(Math.abs(node.y - at.y)).toBeLessThan(0.1 * PX_PER_M);
    expect(node).toMatchObject({ label: '새 지점 1', parentStopId: null, photos: [] });
    expect(s.selected).toEqual({ type: 'node', id: 'st:edit:2' });
  });

  it('makes successive moves of one place one operation, and a move after another edit a new one', () => {
    const s = session();
    expect(s.moveNode('a', 10, 10)).toBe(true);
    expect(s.moveNode('a', 20, 30, 'B2')).toBe(true);
    expect(s.ops).toHaveLength(1);
    expect(s.ops[0]).toMatchObject({ op: 'update_node', stopId: 'a', set: { levelId: 'B2', ...s.latLon(20, 30) } });
    expect(s.nodes.get('a')).toMatchObject({ levelId: 'B2', ...toPoint(ORIGIN, s.latLon(20, 30).lat, s.latLon(20, 30).lon) });
    s.push({ op: 'update_node', stopId: 'a', set: { name: '새 이름' } }, { kind: 'update_node', label: '개찰구' });
    s.moveNode('a', 0, 0);
    expect(s.notes.map((n) => n.kind)).toEqual(['move_node', 'update_node', 'move_node']);
    expect(s.nodes.get('a')!.label).toBe('새 이름');
    expect(s.moveNode('nowhere', 0, 0)).toBe(false);
    expect(s.ops).toHaveLength(3);
  });

  it('removes a place with its pathways, clears the selection and a pending connection, and undoes it', () => {
    const s = session();
    s.selected = { type: 'node', id: 'b' };
    s.pending = 'b';
    expect(s.removeSelected()).toBe(true);
    expect([...s.nodes.keys()]).toEqual(['a', 'c']);
    expect([...s.edges.keys()]).toEqual([]);
    expect([s.selected, s.pending, s.notes[0]]).toEqual([null, null, { kind: 'remove_node', label: 'b' }]);
    expect(s.removeSelected()).toBe(false);
    expect(s.undo()).toBe(true);
    expect([...s.edges.keys()]).toEqual(['ab', 'bc']);
    expect(s.undo()).toBe(false);
  });

  it('connects two places (an exit gate one way) and labels the pathway by its ends', () => {
    const s = session();
    s.connect('a', 'c', 'exit_gate');
    s.connect('c', 'a', 'walkway');
    expect(s.ops.map((o) => (o.op === 'add_edge' ? o.edge.bidirectional : null))).toEqual([false, true]);
    expect(s.notes.map((n) => n.label)).toEqual(['출구 개찰구: 개찰구 → 승강장', '통로: 승강장 → 개찰구']);
    expect(s.selected).toEqual({ type: 'edge', id: 'st:edit:2' });
    expect(s.edges.get('st:edit:1')).toMatchObject({ ...EMPTY_EDGE, from: 'a', to: 'c', mode: 'exit_gate', bidirectional: false });
  });

  it('leaves what the server would refuse as it was (an operation on a place that is not there)', () => {
    const s = session();
    s.push({ op: 'update_edge', pathwayId: 'gone', set: { length: 3 } }, { kind: 'update_edge', label: 'gone' });
    expect([...s.edges.values()].map((e) => e.length)).toEqual([null, null]);
  });

  it('names levels and places: a level without a name by its id, an unknown one "?"', () => {
    const s = session();
    expect([s.levelName('B1'), s.levelName('B2'), s.levelName('B9'), s.levelName(null)]).toEqual(['지하 1층', 'B2', '?', '?']);
    expect([s.nodeName('a'), s.nodeName('b'), s.nodeName('zz')]).toEqual(['개찰구', 'b', 'zz']);
  });
});

describe('the panel reads numbers as people type them', () => {
  it('takes a decimal comma and exponents; an empty field is none; words are not numbers', () => {
    expect(['1,5', ' 2 ', '', '.5', '-3', '1e3', '칠십', '1.2.3', 'Infinity', '1e999'].map(readNumber)).toEqual([
      1.5,
      2,
      null,
      0.5,
      -3,
      1000,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('fills placeholders and reads a missing key as itself', () => {
    const t = translate({ hi: '{name}님, {n}건' });
    expect([t('hi', { name: '김', n: 2 }), t('hi'), t('missing')]).toEqual(['김님, 2건', '{name}님, {n}건', 'missing']);
  });
});
