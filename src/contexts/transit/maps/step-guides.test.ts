import { describe, expect, it } from 'vitest';
import type { RouteStep } from '../routing/route-types.js';
import { gyodaeInput } from './fixtures.js';
import type { LaidEdge, LaidNode } from './layout.js';
import { stepGuides, turnAngle, turnOf } from './step-guides.js';
import { guideWords } from './transfer-map-text.js';

const node = (stopId: string, x: number, y: number): LaidNode => ({
  stopId,
  x,
  y,
  kind: 'junction',
  label: [stopId],
  labelAt: { x, y },
  labelBox: { x, y, w: 0, h: 0 },
  leader: null,
  onRoute: true,
  role: null,
});
const edge = (pathwayId: string, a: LaidNode, b: LaidNode, step: number): LaidEdge => ({
  pathwayId,
  mode: 'walkway',
  from: { x: a.x, y: a.y },
  control: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
  to: { x: b.x, y: b.y },
  mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
  step,
  blocked: false,
});

describe('turns read from the drawn map', () => {
  it('measures the angle with y growing downward: east then south is a right turn', () => {
    expect(turnOf(turnAngle({ x: 1, y: 0 }, { x: 0, y: 1 }))).toBe('right');
    expect(turnOf(turnAngle({ x: 1, y: 0 }, { x: 0, y: -1 }))).toBe('left');
    expect(turnOf(turnAngle({ x: 1, y: 0 }, { x: 1, y: 0.2 }))).toBe('straight');
    expect(turnOf(turnAngle({ x: 1, y: 0 }, { x: -1, y: 0.1 }))).toBe('back');
  });

  it('tells the turn between two steps on one level, not across a lift, and says "on the map"', () => {
    const input = gyodaeInput();
    const [a, b, c] = [node('a', 0, 0), node('b', 100, 0), node('c', 100, 100)];
    const step = (n: number, fromId: string, toId: string, mode: RouteStep['mode']): RouteStep => ({
      ...input.route.steps[0]!,
      n,
      fromId,
      toId,
      pathwayId: `p${n}`,
      mode,
      fromLevelId: 'L',
      toLevelId: 'L',
    });
    input.route.steps = [step(1, 'a', 'b', 'walkway'), step(2, 'b', 'c', 'walkway')];
    const layout = { nodes: [a, b, c], edges: [edge('p1', a, b, 1), edge('p2', b, c, 2)] };
    const guides = stepGuides(input, layout);
    expect(guides.get(1)!.turn).toBeNull(); // the first step has nothing to turn from
    expect(guides.get(2)!.turn).toBe('right');
    expect(guideWords(guides.get(2), 'ko')).toBe('지도에서 오른쪽으로 꺾기');
    expect(guideWords(guides.get(2), 'en')).toBe('on the map, turn right');
    input.route.steps[1]!.mode = 'elevator';
    expect(stepGuides(input, layout).get(2)!.turn).toBeNull();
  });

  it('names the landmarks the data gives: exit numbers, fare gates, car and door, the platform', () => {
    const input = gyodaeInput();
    const base = input.route.steps[0]!;
    input.route.steps = [
      { ...base, n: 1, toId: 'gyodae:exit:5', mode: 'elevator' },
      { ...base, n: 2, toId: 'gyodae:hall:2', mode: 'fare_gate' },
      { ...base, n: 3, toId: 'gyodae:platform:2', mode: 'elevator' },
      { ...base, n: 4, toId: 'gyodae:board:2:8-4', mode: 'walkway' },
    ];
    const guides = stepGuides(input, { nodes: [], edges: [] });
    expect([1, 2, 3, 4].map((n) => guideWords(guides.get(n), 'ko'))).toEqual(['표지: 5번 출구', '표지: 개찰구', '표지: 2호선 승강장', '표지: 8번째 칸 4번 문']);
    expect(guideWords(guides.get(1), 'en')).toBe('Look for: exit 5');
    expect(guideWords(guides.get(3), 'en')).toBe('Look for: Line 2 platform');
  });
});
