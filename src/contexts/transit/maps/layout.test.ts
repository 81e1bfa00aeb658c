import { describe, expect, it } from 'vitest';
import { gyodaeBlockedInput, gyodaeInput } from './fixtures.js';
import { dist, pointAt } from './geometry.js';
import { layoutTransferMap, MAP } from './layout.js';
import type { TransferMapInput } from './map-input.js';

const bandOf = (input: TransferMapInput, stopId: string) => {
  const layout = layoutTransferMap(input);
  const node = layout.nodes.find((n) => n.stopId === stopId)!;
  return layout.bands.find((b) => node.y >= b.y && node.y < b.y + b.h)!;
};

describe('layoutTransferMap', () => {
  it('stacks levels from the street down, whatever order they come in', () => {
    const layout = layoutTransferMap(gyodaeInput());
    expect(layout.bands.map((b) => b.name)).toEqual(['1F', 'B1', 'B2', 'B3']);
    for (let i = 1; i < layout.bands.length; i++) expect(layout.bands[i]!.y).toBe(layout.bands[i - 1]!.y + layout.bands[i - 1]!.h);
  });

  it('puts every node inside its own level band and inside the map', () => {
    const input = gyodaeInput();
    const layout = layoutTransferMap(input);
    expect(layout.nodes).toHaveLength(input.nodes.length);
    const levelName = new Map(input.levels.map((l) => [l.levelId, l.name]));
    for (const n of input.nodes) expect(bandOf(input, n.stopId).name).toBe(levelName.get(n.levelId!));
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.labelBox.x + n.labelBox.w).toBeLessThanOrEqual(MAP.width);
    }
  });

  it('gives no two nodes the same place', () => {
    const { nodes } = layoutTransferMap(gyodaeInput());
    for (const a of nodes) for (const b of nodes) if (a !== b) expect(dist(a, b), `${a.stopId} / ${b.stopId}`).toBeGreaterThan(40);
  });

  it('marks the route edges with their step numbers and places one marker per step, apart from each other and from nodes', () => {
    const input = gyodaeInput();
    const layout = layoutTransferMap(input);
    const onRoute = layout.edges.filter((e) => e.step !== null).map((e) => [e.pathwayId, e.step]);
    expect(onRoute).toEqual(expect.arrayContaining(input.route.steps.map((s) => [s.pathwayId, s.n])));
    expect(onRoute).toHaveLength(input.route.steps.length);
    expect(layout.markers.map((m) => m.n)).toEqual([1, 2, 3, 4]);
    for (const m of layout.markers) {
      for (const o of layout.markers) if (o !== m) expect(dist(m, o)).toBeGreaterThanOrEqual(2 * MAP.markerR);
      for (const n of layout.nodes) expect(dist(m, n)).toBeGreaterThanOrEqual(MAP.markerR);
    }
  });

  it('lines up the ends of the route’s lifts (same column) when the levels allow it', () => {
    const layout = layoutTransferMap(gyodaeInput());
    const at = (id: string) => layout.nodes.find((n) => n.stopId === id)!;
    // Step 3: line 2's lift from the B1 hall down to the line 2 platform.
    expect(at('gyodae:hall:2').x).toBe(at('gyodae:platform:2').x);
  });

  it('puts the boarding glyph beside the boarding position, labelled car-door', () => {
    const layout = layoutTransferMap(gyodaeInput());
    const pos = layout.nodes.find((n) => n.stopId === 'gyodae:board:2:8-4')!;
    expect(layout.boarding?.text).toBe('8-4');
    expect(Math.abs(layout.boarding!.y - pos.y)).toBeLessThan(40);
  });

  it('crosses out each blocked pathway once and draws no route when there is none', () => {
    const layout = layoutTransferMap(gyodaeBlockedInput());
    expect(layout.blocks).toHaveLength(2);
    expect(
      layout.edges
        .filter((e) => e.blocked)
        .map((e) => e.pathwayId)
        .sort(),
    ).toEqual(['pw-ev-2', 'pw-stairs-2']);
    expect(layout.markers).toEqual([]);
    expect(layout.legend.items.map((i) => i.key)).toContain('blocked');
    expect(layout.legend.items.map((i) => i.key)).not.toContain('route');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(layoutTransferMap(gyodaeInput()))).toBe(JSON.stringify(layoutTransferMap(gyodaeInput())));
  });

  it('wraps a crowded street level onto several rows and gives unplaced nodes a level of their own', () => {
    const input = gyodaeInput();
    for (let i = 1; i <= 9; i++) input.nodes.push({ stopId: `x${i}`, name: `${i + 20}번 출구`, locationType: 2, levelId: 'gyodae:L1F' });
    input.nodes.push({ stopId: 'lost', name: '어딘가', locationType: 3, levelId: null });
    const layout = layoutTransferMap(input);
    const street = layout.bands[0]!;
    expect(street.h).toBeGreaterThan(3 * MAP.rowH);
    expect(layout.bands.at(-1)).toMatchObject({ levelId: null, name: null });
    const cells = new Set(layout.nodes.map((n) => `${n.x},${n.y}`));
    expect(cells.size).toBe(layout.nodes.length);
  });

  it('still draws a step whose pathway the graph lacks', () => {
    const input = gyodaeInput();
    input.edges = input.edges.filter((e) => e.pathwayId !== 'pw-lift-23');
    const layout = layoutTransferMap(input);
    expect(layout.edges.find((e) => e.pathwayId === 'pw-lift-23')?.step).toBe(2);
  });
});

describe('labels and the start marker', () => {
  const toBox = (p: { x: number; y: number }, b: { x: number; y: number; w: number; h: number }) =>
    Math.hypot(Math.max(b.x - p.x, 0, p.x - (b.x + b.w)), Math.max(b.y - p.y, 0, p.y - (b.y + b.h)));

  it('keeps every label clear of every line, the route as drawn (11 wide) and the others (2 wide)', () => {
    const layout = layoutTransferMap(gyodaeInput());
    for (const n of layout.nodes) {
      for (const e of layout.edges) {
        for (let i = 0; i <= 200; i++)
          expect(toBox(pointAt(e, i / 200), n.labelBox), `${n.stopId} / ${e.pathwayId}`).toBeGreaterThanOrEqual(e.step !== null ? 5.5 : 1);
      }
    }
  });

  it('joins a label set further out to its own place by a leader line', () => {
    const input = gyodaeInput();
    // A crowded street level: more exits than spots beside them.
    for (let i = 1; i <= 5; i++) {
      input.nodes.push({ stopId: `x${i}`, name: `${i + 20}번 출구 (엘리베이터 외부)`, locationType: 2, levelId: 'gyodae:L1F' });
      input.edges.push({ pathwayId: `pw-x${i}`, fromStopId: `x${i}`, toStopId: 'gyodae:concourse', mode: 'elevator' });
    }
    const layout = layoutTransferMap(input);
    const led = layout.nodes.filter((n) => n.leader);
    expect(led.length).toBeGreaterThan(0);
    for (const n of led) {
      expect(n.leader![0]).toEqual({ x: n.x, y: n.y });
      expect(toBox(n.leader![1], n.labelBox)).toBeLessThan(0.2);
    }
  });

  it('rings the place where the drawn route begins, the first step’s first place', () => {
    const input = gyodaeInput();
    const layout = layoutTransferMap(input);
    const first = input.route.steps[0]!;
    const node = layout.nodes.find((n) => n.stopId === first.fromId)!;
    expect(layout.start).toEqual({ x: node.x, y: node.y });
    const edge = layout.edges.find((e) => e.step === 1)!;
    expect([edge.from, edge.to]).toContainEqual(layout.start);
    expect(node.role).toBe('start');
    expect(layoutTransferMap(gyodaeBlockedInput()).start).toBeNull();
  });
});
