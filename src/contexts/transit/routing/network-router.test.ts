import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOARD_WAIT_S, estimatedTransfer, NetworkRouter, type NetworkModel, type NetworkStation } from './network-router.js';
import { plainDijkstra, stationArb } from './random-graphs.test-support.js';
import { PROFILE_IDS } from './route-types.js';
import { StationRouter } from './station-router.js';

const LINES = ['1', '2', '3'];

const networkArb = fc.integer({ min: 2, max: 7 }).chain((k) => fc.record({
  stations: fc.array(fc.record({
    lines: fc.subarray(LINES, { minLength: 1 }),
    interior: fc.option(stationArb('x', 10), { nil: null }),
    platformLines: fc.array(fc.nat(2), { minLength: 10, maxLength: 10 }),
    toward: fc.array(fc.option(fc.nat(k - 1), { nil: null }), { minLength: 10, maxLength: 10 }),
    transfers: fc.array(fc.record({ fromLine: fc.constantFrom(...LINES), toLine: fc.constantFrom(...LINES), timeS: fc.option(fc.integer({ min: 20, max: 400 }), { nil: null }), distanceM: fc.option(fc.integer({ min: 10, max: 300 }), { nil: null }) }), { maxLength: 4 }),
  }), { minLength: k, maxLength: k }),
  runs: fc.array(fc.record({ line: fc.constantFrom(...LINES), from: fc.nat(k - 1), to: fc.nat(k - 1), timeS: fc.integer({ min: 30, max: 400 }) }), { minLength: 1, maxLength: k * 3 }),
})).map(({ stations, runs }): NetworkModel => ({
  stations: stations.map((s, i): NetworkStation => {
    const id = `st${i}`;
    if (!s.interior) return { id, name: id, lines: s.lines, transfers: s.transfers };
    const nodes = s.interior.nodes.map((n) => ({ ...n, id: `${id}:${n.id}` }));
    const edges = s.interior.edges.map((e) => ({ ...e, from: `${id}:${e.from}`, to: `${id}:${e.to}` }));
    const platforms = nodes.flatMap((n, j) => n.locationType === 0
      ? [{ stopId: n.id, line: s.lines[s.platformLines[j]! % s.lines.length]!, towardStationIds: s.toward[j] === null ? [] : [`st${s.toward[j]}`] }] : []);
    return { id, name: id, lines: s.lines, transfers: s.transfers, interior: { router: new StationRouter(nodes, edges, s.interior.facilities), platforms } };
  }),
  runs: runs.filter((r) => r.from !== r.to).map((r) => ({ line: r.line, from: `st${r.from}`, to: `st${r.to}`, timeS: r.timeS, estimated: false })),
}));

/** The expanded graph: every interior place, a platform node per virtual port, an on-train node per port. */
function expandedCosts(model: NetworkModel, net: NetworkRouter, profile: (typeof PROFILE_IDS)[number], from: string, to: string): number {
  let n = 0;
  const arcs: Array<{ from: number; to: number; cost: number }> = [];
  const platformNode = new Map<number, number>();
  const trainNode = new Map<number, number>();
  model.stations.forEach((s, i) => {
    let offset = -1;
    if (s.interior) {
      const g = s.interior.router.graph;
      const costs = s.interior.router.table(profile).costs;
      offset = n;
      n += g.nodes.length;
      for (let k = 0; k < g.arcTo.length; k++) if (costs[k]! < Infinity) arcs.push({ from: offset + g.arcFrom[k]!, to: offset + g.arcTo[k]!, cost: costs[k]! });
    }
    for (const p of net.portsOf[i]!) {
      const port = net.ports[p]!;
      platformNode.set(p, port.stopId ? offset + s.interior!.router.graph.index.get(port.stopId)! : n++);
      trainNode.set(p, n++);
      arcs.push({ from: platformNode.get(p)!, to: trainNode.get(p)!, cost: BOARD_WAIT_S }, { from: trainNode.get(p)!, to: platformNode.get(p)!, cost: 0 });
    }
    for (const a of net.portsOf[i]!) for (const b of net.portsOf[i]!) {
      const pa = net.ports[a]!;
      const pb = net.ports[b]!;
      if (a === b || (pa.stopId && pb.stopId) || pa.line === pb.line) continue;
      const t = s.transfers.find((x) => x.fromLine === pa.line && x.toLine === pb.line);
      arcs.push({ from: platformNode.get(a)!, to: platformNode.get(b)!, cost: estimatedTransfer(profile, t).costS });
    }
  });
  for (const run of model.runs) {
    for (const [A, B] of [[run.from, run.to], [run.to, run.from]] as const) {
      const a = net.stationIndex.get(A)!;
      const b = net.stationIndex.get(B)!;
      const on = (s: number) => net.portsOf[s]!.filter((p) => net.ports[p]!.line === run.line);
      const dep = on(a).filter((p) => !net.ports[p]!.towardStationIds.length || net.ports[p]!.towardStationIds.includes(B));
      const arr = on(b).filter((p) => !net.ports[p]!.towardStationIds.length || !net.ports[p]!.towardStationIds.includes(A));
      for (const x of dep.length ? dep : on(a)) for (const y of arr.length ? arr : on(b)) arcs.push({ from: trainNode.get(x)!, to: trainNode.get(y)!, cost: run.timeS });
    }
  }
  const a = net.stationIndex.get(from)!;
  const b = net.stationIndex.get(to)!;
  const dist = plainDijkstra(n, arcs, net.portsOf[a]!.map((p) => [platformNode.get(p)!, 0]));
  return Math.min(...net.portsOf[b]!.map((p) => dist[trainNode.get(p)!]!));
}

describe('NetworkRouter (two levels) is exact', () => {
  it('gives the cost of a plain Dijkstra on the expanded network, for every profile and pair of stations', () => {
    fc.assert(fc.property(networkArb, (model) => {
      const net = new NetworkRouter(model);
      for (const profile of PROFILE_IDS) {
        for (const s of model.stations) for (const t of model.stations) {
          if (s.id === t.id) continue;
          const ours = net.search(s.id, t.id, profile)!;
          const expected = expandedCosts(model, net, profile, s.id, t.id);
          if (expected === Infinity) expect(ours.costS).toBe(Infinity);
          else expect(ours.costS).toBeCloseTo(expected, 6);
        }
      }
    }), { numRuns: 120 });
  });
});
