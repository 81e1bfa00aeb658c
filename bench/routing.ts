/**
 * Routing benchmarks (issue 5). Each compares our router with a well-known JS library on the same graph and
 * the same arc costs, in the same run:
 *   routing.station.speedup  ngraph.path NBA* per-query time ÷ ours, on a synthetic 4-level, 600-place
 *                            station with wheelchair costs (ours: trees precomputed per profile; the
 *                            precompute time is printed as routing.station.precompute)
 *   routing.network.speedup  graphology's bidirectional Dijkstra on the whole network with every interior
 *                            expanded ÷ ours (two levels), over the real Seoul network with a synthetic
 *                            interior for every station
 * The synthetic interiors are labelled as such: no real station has 600 surveyed places yet.
 */
import graphology from 'graphology';
import dijkstra from 'graphology-shortest-path/dijkstra.js';
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { expandNetwork } from '../src/contexts/transit/routing/expand-network.js';
import { NetworkRouter, type NetworkModel } from '../src/contexts/transit/routing/network-router.js';
import type { StepMode } from '../src/contexts/transit/routing/route-types.js';
import type { PathEdge, PathNode } from '../src/contexts/transit/routing/station-graph.js';
import { StationRouter } from '../src/contexts/transit/routing/station-router.js';

type Emit = (name: string, value: number, unit: string, peer: number) => void;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same graphs. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const edge = (id: string, from: string, to: string, mode: StepMode, r: () => number): PathEdge => ({
  id,
  from,
  to,
  mode,
  bidirectional: mode !== 'escalator',
  lengthM: Math.round(5 + r() * 60),
  traversalTimeS: null,
  stairCount: mode === 'stairs' ? 24 : null,
  maxSlope: r() < 0.5 ? Math.round(r() * 100) / 1000 : null,
  minWidthM: r() < 0.6 ? 0.8 + r() * 2 : null,
  stepHeightCm: r() < 0.1 ? 3 : null,
  wideGate: mode === 'fare_gate' ? r() < 0.7 : null,
  handrail: null,
  tactile: null,
  audio: null,
  outdoor: false,
  facilityId: null,
  signpostedAs: null,
  reversedSignpostedAs: null,
  platformBoarding: false,
  assistancePhone: null,
});

/** A synthetic station: `levels` levels of a corridor grid `w`×`h`, joined by elevators, escalators and stairs. */
export function syntheticStation(prefix: string, levels: number, w: number, h: number, seed: number, lines: string[] = []) {
  const r = rng(seed);
  const nodes: PathNode[] = [];
  const edges: PathEdge[] = [];
  const id = (l: number, x: number, y: number) => `${prefix}:${l}:${x}:${y}`;
  for (let l = 0; l < levels; l++) {
    for (let x = 0; x < w; x++)
      for (let y = 0; y < h; y++) {
        nodes.push({ id: id(l, x, y), name: null, locationType: 3, parentId: null, levelId: `L${l}`, levelIndex: -l, levelName: `B${l}` });
        if (x > 0 && r() < 0.8) edges.push(edge(`${id(l, x, y)}:w`, id(l, x - 1, y), id(l, x, y), r() < 0.05 ? 'fare_gate' : 'walkway', r));
        if (y > 0 && r() < 0.8) edges.push(edge(`${id(l, x, y)}:n`, id(l, x, y - 1), id(l, x, y), 'walkway', r));
      }
    if (l > 0) {
      for (let k = 0; k < Math.max(3, (w * h) / 25); k++) {
        const x = Math.floor(r() * w);
        const y = Math.floor(r() * h);
        const mode: StepMode = k % 3 === 0 ? 'elevator' : k % 3 === 1 ? 'escalator' : 'stairs';
        edges.push(edge(`${id(l, x, y)}:v${k}`, id(l - 1, x, y), id(l, x, y), mode, r));
      }
    }
  }
  // Platforms on the deepest level, one per line, at the grid's ends; an entrance on the top level.
  const platforms = lines.map((line, i) => {
    const n = nodes.find((x) => x.id === id(levels - 1, i % w, (i * 7) % h))!;
    n.locationType = 0;
    n.line = line;
    return { stopId: n.id, line, towardStationIds: [] as string[] };
  });
  nodes[0]!.locationType = 2;
  return { nodes, edges, platforms };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export function benchStationRouting(emit: Emit) {
  const { nodes, edges } = syntheticStation('bench', 4, 10, 15, 42);
  const router = new StationRouter(nodes, edges, []);
  const t0 = performance.now();
  const table = router.precompute('wheelchair');
  const precomputeMs = performance.now() - t0;
  const g = router.graph;
  const ng = createGraph<unknown, { w: number }>();
  for (const n of g.nodes) ng.addNode(n.id);
  for (let k = 0; k < g.arcTo.length; k++) {
    if (table.costs[k] === Infinity) continue;
    const from = g.nodes[g.arcFrom[k]!]!.id;
    const to = g.nodes[g.arcTo[k]!]!.id;
    const existing = ng.getLink(from, to);
    if (!existing || existing.data.w > table.costs[k]!) {
      if (existing) ng.removeLink(existing);
      ng.addLink(from, to, { w: table.costs[k]! });
    }
  }
  const finder = ngraphPath.nba<unknown, { w: number }>(ng, { oriented: true, distance: (_a, _b, link) => link.data.w });
  const r = rng(7);
  const pairs = Array.from({ length: 2000 }, () => [Math.floor(r() * g.nodes.length), Math.floor(r() * g.nodes.length)] as const);
  const time = (fn: (a: number, b: number) => unknown) =>
    pairs.map(([a, b]) => {
      const s = performance.now();
      fn(a, b);
      return (performance.now() - s) * 1000;
    });
  // Same answers first: the benchmark compares equals.
  for (const [a, b] of pairs.slice(0, 200)) {
    const ours = router.findPath(g.nodes[a]!.id, g.nodes[b]!.id, 'wheelchair')!;
    const path = finder.find(g.nodes[a]!.id, g.nodes[b]!.id);
    let peerCost = path.length ? 0 : Infinity;
    for (let i = path.length - 1; i > 0; i--) peerCost += ng.getLink(path[i]!.id, path[i - 1]!.id)!.data.w;
    if (a === b) peerCost = 0;
    if (Math.abs(peerCost - ours.costS) > 1e-6 && !(peerCost === Infinity && ours.costS === Infinity))
      throw new Error(`station bench: costs differ ${a}→${b}: ${peerCost} vs ${ours.costS}`);
  }
  time((a, b) => finder.find(g.nodes[a]!.id, g.nodes[b]!.id)); // warm-up
  const peer = time((a, b) => finder.find(g.nodes[a]!.id, g.nodes[b]!.id));
  time((a, b) => router.findPath(g.nodes[a]!.id, g.nodes[b]!.id, 'wheelchair'));
  const ours = time((a, b) => router.findPath(g.nodes[a]!.id, g.nodes[b]!.id, 'wheelchair'));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  emit('routing.station.speedup', mean(peer) / mean(ours), 'x (mean per-query time, ngraph.path NBA* / ours)', 1);
  emit('routing.station.ours.p50', quantile(ours, 0.5), 'µs', quantile(peer, 0.5));
  emit('routing.station.ours.p99', quantile(ours, 0.99), 'µs', quantile(peer, 0.99));
  emit('routing.station.precompute', precomputeMs * 1000, 'µs (all 600 trees, wheelchair)', mean(peer));
}

export function benchNetworkRouting(emit: Emit, base: { stations: Array<{ id: string; lines: string[] }>; runs: NetworkModel['runs'] }) {
  const model: NetworkModel = {
    runs: base.runs,
    stations: base.stations.map((s, i) => {
      const { nodes, edges, platforms } = syntheticStation(s.id, 3, 5, 5 + (i % 5), 1000 + i, s.lines);
      return { id: s.id, name: s.id, lines: s.lines, transfers: [], interior: { router: new StationRouter(nodes, edges, []), platforms } };
    }),
  };
  const net = new NetworkRouter(model);
  const t0 = performance.now();
  net.precompute('wheelchair');
  const precomputeMs = performance.now() - t0;
  const x = expandNetwork(model, net, 'wheelchair');
  const graph = new graphology.DirectedGraph<Record<string, unknown>, { w: number }>();
  for (let i = 0; i < x.nodes; i++) graph.addNode(i);
  for (const a of x.arcs) {
    const key = `${a.from}>${a.to}`;
    if (graph.hasEdge(key)) {
      if (graph.getEdgeAttribute(key, 'w') > a.cost) graph.setEdgeAttribute(key, 'w', a.cost);
    } else graph.addDirectedEdgeWithKey(key, a.from, a.to, { w: a.cost });
  }
  const r = rng(11);
  const withPorts = model.stations
    .map((_s, i) => i)
    .filter((i) => net.portsOf[i]!.length && model.runs.some((run) => run.from === model.stations[i]!.id || run.to === model.stations[i]!.id));
  const pairs = Array.from(
    { length: 300 },
    () => [withPorts[Math.floor(r() * withPorts.length)]!, withPorts[Math.floor(r() * withPorts.length)]!] as const,
  ).filter(([a, b]) => a !== b);
  const portA = (a: number) => net.portsOf[a]![0]!;
  const peerQuery = (a: number, b: number) => dijkstra.bidirectional(graph, x.platformNode.get(portA(a)), x.trainNode.get(net.portsOf[b]![0]!), 'w');
  const ourQuery = (a: number, b: number) => net.search(model.stations[a]!.id, model.stations[b]!.id, 'wheelchair');
  const time = (fn: (a: number, b: number) => unknown) =>
    pairs.map(([a, b]) => {
      const s = performance.now();
      fn(a, b);
      return (performance.now() - s) * 1000;
    });
  time(peerQuery);
  const peer = time(peerQuery);
  time(ourQuery);
  const ours = time(ourQuery);
  const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
  emit(
    'routing.network.speedup',
    mean(peer) / mean(ours),
    `x (mean per-query time, graphology bidirectional Dijkstra on ${x.nodes} nodes / ours on ${net.ports.length} ports)`,
    1,
  );
  emit('routing.network.ours.p50', quantile(ours, 0.5), 'µs', quantile(peer, 0.5));
  emit('routing.network.ours.p99', quantile(ours, 0.99), 'µs', quantile(peer, 0.99));
  emit('routing.network.precompute', precomputeMs * 1000, 'µs (transfer tables and every port tree, wheelchair)', mean(peer));
}
