import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arcCost } from './edge-cost.js';
import { PROFILES } from './profiles.js';
import { plainDijkstra, stationArb } from './random-graphs.test-support.js';
import { PROFILE_IDS } from './route-types.js';
import { StationRouter } from './station-router.js';

describe('StationRouter is optimal', () => {
  it('matches a plain Dijkstra on random station graphs, for every profile and every pair of places', () => {
    fc.assert(
      fc.property(stationArb(), ({ nodes, edges, facilities }) => {
        const router = new StationRouter(nodes, edges, facilities);
        const status = new Map(facilities.map((f) => [f.id, f]));
        const index = new Map(nodes.map((n, i) => [n.id, i]));
        for (const profile of PROFILE_IDS) {
          const p = PROFILES[profile];
          const arcs = edges
            .flatMap((e) => {
              const a = index.get(e.from)!;
              const b = index.get(e.to)!;
              if (a === b) return [];
              const st = e.facilityId ? status.get(e.facilityId) : undefined;
              const fwd = { from: a, to: b, cost: arcCost(p, e, false, nodes[a]!, nodes[b]!, st).costS };
              return e.bidirectional ? [fwd, { from: b, to: a, cost: arcCost(p, e, true, nodes[b]!, nodes[a]!, st).costS }] : [fwd];
            })
            .filter((a) => a.cost < Infinity);
          for (let s = 0; s < nodes.length; s++) {
            const expected = plainDijkstra(nodes.length, arcs, [[s, 0]]);
            for (let t = 0; t < nodes.length; t++) {
              const found = router.findPath(nodes[s]!.id, nodes[t]!.id, profile)!;
              if (expected[t] === Infinity) {
                expect(found.costS).toBe(Infinity);
                continue;
              }
              expect(found.costS).toBeCloseTo(expected[t]!, 6);
              // The path itself is a real walk from s to t costing what is reported.
              let at = s;
              let sum = 0;
              for (const k of found.arcs) {
                expect(router.graph.arcFrom[k]).toBe(at);
                at = router.graph.arcTo[k]!;
                sum += found.table.costs[k]!;
              }
              expect(at).toBe(t);
              expect(sum).toBeCloseTo(expected[t]!, 6);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
