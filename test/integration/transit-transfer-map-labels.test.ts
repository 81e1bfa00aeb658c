import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutTransferMap, type MapLayout } from '../../src/contexts/transit/maps/layout.js';
import { transferMapText } from '../../src/contexts/transit/maps/transfer-map-text.js';
import { listStationTransfers, transferMapInput } from '../../src/contexts/transit/use-cases/transfer-maps.js';
import type { TransferMapInput } from '../../src/contexts/transit/maps/map-input.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

let t: TestContext;
const maps: Array<{ name: string; input: TransferMapInput; layout: MapLayout }> = [];
beforeAll(async () => {
  t = await createTestContext({}, { withSeoulNetwork: true });
  const stations = await t.services.db.selectFrom('transit_node').select('station_id').distinct().execute();
  for (const { station_id } of stations) {
    for (const profile of ['walking', 'wheelchair', 'elderly', 'stroller'] as const) {
      for (const x of await listStationTransfers(t.services, station_id!, profile)) {
        const { input } = await transferMapInput(t.services, station_id!, { from: x.from.stopId, to: x.to.stopId, profile });
        maps.push({ name: `${station_id} ${profile} ${x.from.stopId}→${x.to.stopId}`, input, layout: layoutTransferMap(input) });
      }
    }
  }
});
afterAll(() => t.close());

type Box = { x: number; y: number; w: number; h: number };
type P = { x: number; y: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** Distance from a point to a box (0 inside). Written here, apart from the layout's own geometry. */
const toBox = (p: P, b: Box) => Math.hypot(Math.max(b.x - p.x, 0, p.x - (b.x + b.w)), Math.max(b.y - p.y, 0, p.y - (b.y + b.h)));
const quad = (e: { from: P; control: P; to: P }, s: number) => ({
  x: (1 - s) ** 2 * e.from.x + 2 * (1 - s) * s * e.control.x + s ** 2 * e.to.x,
  y: (1 - s) ** 2 * e.from.y + 2 * (1 - s) * s * e.control.y + s ** 2 * e.to.y,
});

describe(`every seeded transfer map, every profile (${dialect})`, () => {
  it('renders enough maps to mean something', () => {
    expect(maps.length).toBeGreaterThan(20);
  });

  it('has no label box overlapping another label or a step marker', () => {
    const problems: string[] = [];
    for (const { name, layout } of maps) {
      const labels = layout.nodes.map((n) => ({ ...n.labelBox, what: n.label.join(' ') }));
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) if (overlap(a, b)) problems.push(`${name}: "${a.what}" / "${b.what}"`);
        // A step marker is a circle of radius 12: it covers a label when its centre is nearer than 12 to the label's box.
        for (const m of layout.markers) if (toBox(m, a) < 12) problems.push(`${name}: "${a.what}" / step ${m.n}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('has no label box crossed by a line: the route as drawn (11 wide with its casing), the other pathways (2 wide)', () => {
    const problems: string[] = [];
    for (const { name, layout } of maps) {
      for (const n of layout.nodes) {
        for (const e of layout.edges) {
          const half = e.step !== null ? 5.5 : 1;
          // 400 points a curve: under 2 units apart on the longest, finer than any stroke.
          for (let i = 0; i <= 400; i++) {
            if (toBox(quad(e, i / 400), n.labelBox) < half) {
              problems.push(`${name}: "${n.label.join(' ')}" / ${e.pathwayId}`);
              break;
            }
          }
        }
        // A leader joins the label to its own node and crosses no other label.
        for (const o of layout.nodes) {
          if (o === n || !n.leader) continue;
          const [a, b] = n.leader;
          for (let i = 0; i <= 100; i++) {
            const p = { x: a.x + ((b.x - a.x) * i) / 100, y: a.y + ((b.y - a.y) * i) / 100 };
            if (toBox(p, o.labelBox) < 0.5) {
              problems.push(`${name}: leader of "${n.label.join(' ')}" / "${o.label.join(' ')}"`);
              break;
            }
          }
        }
      }
    }
    expect(problems.length, problems.slice(0, 20).join('\n')).toBe(0);
  });

  it('puts the start marker on the first point of the drawn route, clear of every label', () => {
    for (const { name, input, layout } of maps) {
      const route = layout.edges.filter((e) => e.step !== null).sort((a, b) => a.step! - b.step!);
      if (!input.route.feasible || !route.length) {
        expect(layout.start, name).toBeNull();
        continue;
      }
      const first = route[0]!;
      const second = route[1];
      // The first line's end that the second line does not share (either end, for a one-step route, whose start is the first step's first place).
      const ends = [first.from, first.to];
      const shared = (p: P) => !!second && [second.from, second.to].some((q) => q.x === p.x && q.y === p.y);
      const candidates = second ? ends.filter((p) => !shared(p)) : ends;
      expect(candidates, name).toContainEqual(layout.start);
      const startNode = layout.nodes.find((n) => n.x === layout.start!.x && n.y === layout.start!.y)!;
      expect(startNode.stopId, name).toBe(input.route.steps[0]!.fromId);
      expect(startNode.role, name).toBe('start');
      for (const n of layout.nodes) expect(toBox(layout.start!, n.labelBox), `${name}: ${n.label.join(' ')}`).toBeGreaterThanOrEqual(20.5);
    }
  });

  it('draws each turn arrow beside its corner, clear of every label and step marker; the steps say the turn in words', () => {
    let turns = 0;
    for (const { name, input, layout } of maps) {
      const text = transferMapText(input, 'ko').join('\n');
      for (const tm of layout.turns) {
        turns++;
        const tile = { x: tm.x, y: tm.y, w: tm.size, h: tm.size };
        for (const n of layout.nodes) expect(overlap(tile, n.labelBox), `${name}: turn ${tm.n} / "${n.label.join(' ')}"`).toBe(false);
        for (const m of layout.markers) expect(toBox(m, tile), `${name}: turn ${tm.n} / step ${m.n}`).toBeGreaterThanOrEqual(12);
        const corner = layout.nodes.find((n) => n.stopId === input.route.steps.find((s) => s.n === tm.n)!.fromId)!;
        expect(toBox(corner, tile), name).toBeLessThan(40);
        expect(text, name).toMatch(new RegExp(`^${tm.n}\\. .*지도에서 (왼쪽|오른쪽|되돌아)`, 'm'));
      }
    }
    expect(turns).toBeGreaterThan(0);
  });
});
