import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandNetwork } from './expand-network.js';
import { NetworkRouter, type NetworkModel, type NetworkStation } from './network-router.js';
import { plainDijkstra, stationArb } from './random-graphs.test-support.js';
import { PROFILE_IDS } from './route-types.js';
import { StationRouter } from './station-router.js';

const LINES = ['1', '2', '3'];

const networkArb = fc
  .integer({ min: 2, max: 7 })
  .chain((k) =>
    fc.record({
      stations: fc.array(
        fc.record({
          lines: fc.subarray(LINES, { minLength: 1 }),
          interior: fc.option(stationArb('x', 10), { nil: null }),
          platformLines: fc.array(fc.nat(2), { minLength: 10, maxLength: 10 }),
          toward: fc.array(fc.option(fc.nat(k - 1), { nil: null }), { minLength: 10, maxLength: 10 }),
          transfers: fc.array(
            fc.record({
              fromLine: fc.constantFrom(...LINES),
              toLine: fc.constantFrom(...LINES),
              timeS: fc.option(fc.integer({ min: 20, max: 400 }), { nil: null }),
              distanceM: fc.option(fc.integer({ min: 10, max: 300 }), { nil: null }),
            }),
            { maxLength: 4 },
          ),
        }),
        { minLength: k, maxLength: k },
      ),
      runs: fc.array(fc.record({ line: fc.constantFrom(...LINES), from: fc.nat(k - 1), to: fc.nat(k - 1), timeS: fc.integer({ min: 30, max: 400 }) }), {
        minLength: 1,
        maxLength: k * 3,
      }),
    }),
  )
  .map(
    ({ stations, runs }): NetworkModel => ({
      stations: stations.map((s, i): NetworkStation => {
        const id = `st${i}`;
        if (!s.interior) return { id, name: id, lines: s.lines, transfers: s.transfers };
        const nodes = s.interior.nodes.map((n) => ({ ...n, id: `${id}:${n.id}` }));
        const edges = s.interior.edges.map((e) => ({ ...e, from: `${id}:${e.from}`, to: `${id}:${e.to}` }));
        const platforms = nodes.flatMap((n, j) =>
          n.locationType === 0
            ? [{ stopId: n.id, line: s.lines[s.platformLines[j]! % s.lines.length]!, towardStationIds: s.toward[j] === null ? [] : [`st${s.toward[j]}`] }]
            : [],
        );
        return {
          id,
          name: id,
          lines: s.lines,
          transfers: s.transfers,
          interior: { router: new StationRouter(nodes, edges, s.interior.facilities), platforms },
        };
      }),
      runs: runs.filter((r) => r.from !== r.to).map((r) => ({ line: r.line, from: `st${r.from}`, to: `st${r.to}`, timeS: r.timeS, estimated: false })),
    }),
  );

function expandedCosts(model: NetworkModel, net: NetworkRouter, profile: (typeof PROFILE_IDS)[number], from: string, to: string): number {
  const x = expandNetwork(model, net, profile);
  const dist = plainDijkstra(
    x.nodes,
    x.arcs,
    net.portsOf[net.stationIndex.get(from)!]!.map((p) => [x.platformNode.get(p)!, 0]),
  );
  return Math.min(...net.portsOf[net.stationIndex.get(to)!]!.map((p) => dist[x.trainNode.get(p)!]!));
}

describe('NetworkRouter (two levels) is exact', () => {
  it('gives the cost of a plain Dijkstra on the expanded network, for every profile and pair of stations', () => {
    fc.assert(
      fc.property(networkArb, (model) => {
        const net = new NetworkRouter(model);
        for (const profile of PROFILE_IDS) {
          for (const s of model.stations)
            for (const t of model.stations) {
              if (s.id === t.id) continue;
              const ours = net.search(s.id, t.id, profile)!;
              const expected = expandedCosts(model, net, profile, s.id, t.id);
              if (expected === Infinity) expect(ours.costS).toBe(Infinity);
              else expect(ours.costS).toBeCloseTo(expected, 6);
            }
        }
      }),
      { numRuns: 120 },
    );
  });
});
