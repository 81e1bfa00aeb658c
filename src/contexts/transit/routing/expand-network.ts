import { BOARD_WAIT_S, estimatedTransfer, type NetworkModel, type NetworkRouter } from './network-router.js';
import type { ProfileId } from './route-types.js';

export interface ExpandedNetwork {
  nodes: number;
  arcs: Array<{ from: number; to: number; cost: number }>;
  /** Per port: its platform node (where a traveller stands) and its on-train node. */
  platformNode: Map<number, number>;
  trainNode: Map<number, number>;
}

/**
 * The network with every interior place in it (one level, no condensing): interior arcs at the profile's
 * costs, a platform node per virtual port, an on-train node per port (boarding costs the wait, alighting is
 * free), ride arcs between on-train nodes, estimated transfers between virtual ports. It is the reference the
 * two-level NetworkRouter must match (network-router.test.ts) and the graph the benchmark's peer searches.
 */
export function expandNetwork(model: NetworkModel, net: NetworkRouter, profile: ProfileId): ExpandedNetwork {
  let n = 0;
  const arcs: ExpandedNetwork['arcs'] = [];
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
    for (const a of net.portsOf[i]!)
      for (const b of net.portsOf[i]!) {
        const pa = net.ports[a]!;
        const pb = net.ports[b]!;
        if (a === b || (pa.stopId && pb.stopId)) continue;
        const t = pa.line === pb.line ? undefined : s.transfers.find((x) => x.fromLine === pa.line && x.toLine === pb.line);
        arcs.push({ from: platformNode.get(a)!, to: platformNode.get(b)!, cost: estimatedTransfer(profile, t).costS });
      }
  });
  for (const run of model.runs) {
    for (const [A, B] of [
      [run.from, run.to],
      [run.to, run.from],
    ] as const) {
      const a = net.stationIndex.get(A);
      const b = net.stationIndex.get(B);
      if (a === undefined || b === undefined) continue;
      const on = (s: number) => net.portsOf[s]!.filter((p) => net.ports[p]!.line === run.line);
      const dep = on(a).filter((p) => !net.ports[p]!.towardStationIds.length || net.ports[p]!.towardStationIds.includes(B));
      const arr = on(b).filter((p) => !net.ports[p]!.towardStationIds.length || !net.ports[p]!.towardStationIds.includes(A));
      for (const x of dep.length ? dep : on(a))
        for (const y of arr.length ? arr : on(b)) arcs.push({ from: trainNode.get(x)!, to: trainNode.get(y)!, cost: run.timeS });
    }
  }
  return { nodes: n, arcs, platformNode, trainNode };
}
