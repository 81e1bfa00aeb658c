import { IndexedHeap, shortestPathTree, type ShortestPathTree } from './dijkstra.js';
import { PROFILES } from './profiles.js';
import type { ProfileId } from './route-types.js';
import type { StationRouter } from './station-router.js';

/**
 * Journeys across the network in two levels. Each station is condensed into a transfer table between its
 * "ports" (a port = boarding a line at a platform: a platform node of a surveyed interior, or one virtual
 * platform per line where the interior is not surveyed); a small graph of ports joined by line runs sits on
 * top. A search runs on that graph only, a few thousand arcs, instead of every place in every station.
 *
 * Exactness: the expanded graph (every interior place, platform → board → ride → alight → platform) and the
 * condensed one give the same costs, because every port-to-port cost inside a station is the station's own
 * shortest path (closed over virtual ports), boarding costs the same wait in both, and riding on through a
 * station keeps the traveller on the train. network-router.test.ts checks this against a plain Dijkstra on
 * the expanded graph of random networks.
 */
export interface NetworkStation {
  id: string;
  name: string;
  lines: string[];
  interior?: { router: StationRouter; platforms: Array<{ stopId: string; line: string; towardStationIds: string[] }> };
  /** Walking transfer times between lines (the Seoul transfer table); used where the interior is not surveyed. */
  transfers: Array<{ fromLine: string; toLine: string; timeS: number | null; distanceM: number | null }>;
}

export interface NetworkRun {
  line: string;
  from: string;
  to: string;
  timeS: number;
  estimated: boolean;
}
export interface NetworkModel {
  stations: NetworkStation[];
  runs: NetworkRun[];
}

export interface Port {
  station: number;
  line: string;
  /** Platform stop id in the station interior; null for a virtual platform. */
  stopId: string | null;
  towardStationIds: string[];
}

/** Waiting for a train after changing platforms: half a typical 4-minute headway (an assumption). */
export const BOARD_WAIT_S = 120;
/** Transfer walking time assumed when the transfer table has no row for a pair of lines. */
export const DEFAULT_TRANSFER_S = 180;

export type ArcKind = 'ride' | 'transfer';

/**
 * What getting in at the start and out at the end costs, per port (seconds; Infinity = impossible). The
 * street-to-platform way at the origin and platform-to-street way at the destination take part in the
 * choice of platforms: a lift out of service at the origin sends the traveller to another platform, or
 * makes the journey impossible.
 */
export interface SearchEnds {
  entry?: (port: Port) => number;
  exit?: (port: Port) => number;
}

/** Walking time and cost of a transfer estimated from the transfer table (no interior). */
export function estimatedTransfer(profileId: ProfileId, t: { timeS: number | null; distanceM: number | null } | undefined) {
  const p = PROFILES[profileId];
  const walkS = t?.distanceM ? t.distanceM / 1.2 : (t?.timeS ?? DEFAULT_TRANSFER_S);
  const timeS = walkS * (1.2 / p.speedMs);
  return { timeS, costS: timeS + p.unknownPenaltyS };
}

export class NetworkRouter {
  readonly ports: Port[] = [];
  readonly portsOf: number[][];
  readonly stationIndex: Map<string, number>;
  private readonly arcFromL: number[] = [];
  private readonly arcToL: number[] = [];
  private readonly arcKindL: ArcKind[] = [];
  /** Ride arcs: the run; transfer arcs: the station index. */
  private readonly arcRef: number[] = [];
  private graph!: { arcStart: Int32Array; arcFrom: Int32Array; arcTo: Int32Array; arcKind: ArcKind[]; arcRef: Int32Array; order: Int32Array };
  private readonly costs = new Map<ProfileId, Float64Array>();
  /** Per profile, the shortest-path tree from each port, computed on first use and kept. */
  private readonly trees = new Map<ProfileId, Array<ShortestPathTree | undefined>>();
  private readonly heap: IndexedHeap;

  constructor(readonly model: NetworkModel) {
    this.stationIndex = new Map(model.stations.map((s, i) => [s.id, i]));
    this.portsOf = model.stations.map(() => []);
    const neighbours = new Map<string, string[]>();
    for (const r of model.runs) {
      for (const [at, to] of [
        [r.from, r.to],
        [r.to, r.from],
      ] as const) {
        const key = `${r.line}|${at}`;
        const list = neighbours.get(key) ?? [];
        if (!list.includes(to)) neighbours.set(key, [...list, to]);
      }
    }
    model.stations.forEach((s, i) => {
      const covered = new Set<string>();
      for (const p of s.interior?.platforms ?? []) {
        this.portsOf[i]!.push(this.ports.push({ station: i, line: p.line, stopId: p.stopId, towardStationIds: p.towardStationIds }) - 1);
        covered.add(p.line);
      }
      // Unsurveyed: one virtual platform per direction of the line (per neighbour), so that turning back is a
      // change of platform that costs a transfer, never a free U-turn inside a ride.
      for (const line of s.lines) {
        if (covered.has(line)) continue;
        const next = neighbours.get(`${line}|${s.id}`) ?? [];
        const towards = next.length >= 2 ? next.map((n) => [n]) : [[]];
        for (const toward of towards) this.portsOf[i]!.push(this.ports.push({ station: i, line, stopId: null, towardStationIds: toward }) - 1);
      }
    });
    model.runs.forEach((run, r) => {
      const a = this.stationIndex.get(run.from);
      const b = this.stationIndex.get(run.to);
      if (a === undefined || b === undefined) return;
      this.addRide(a, b, run, r);
      this.addRide(b, a, run, r);
    });
    model.stations.forEach((_, i) => {
      const ports = this.portsOf[i]!;
      for (const x of ports) for (const y of ports) if (x !== y) this.addArc(x, y, 'transfer', i);
    });
    this.compile();
    this.heap = new IndexedHeap(this.ports.length);
  }

  /** Departure ports at `a` towards `b`, arrival ports at `b` coming from `a`; all ports of the line when directions are unknown. */
  private addRide(a: number, b: number, run: NetworkRun, r: number) {
    const A = this.model.stations[a]!.id;
    const B = this.model.stations[b]!.id;
    const on = (s: number) => this.portsOf[s]!.filter((p) => this.ports[p]!.line === run.line);
    const dep = on(a).filter((p) => !this.ports[p]!.towardStationIds.length || this.ports[p]!.towardStationIds.includes(B));
    const arr = on(b).filter((p) => !this.ports[p]!.towardStationIds.length || !this.ports[p]!.towardStationIds.includes(A));
    for (const x of dep.length ? dep : on(a)) for (const y of arr.length ? arr : on(b)) this.addArc(x, y, 'ride', r);
  }

  private addArc(from: number, to: number, kind: ArcKind, ref: number) {
    this.arcFromL.push(from);
    this.arcToL.push(to);
    this.arcKindL.push(kind);
    this.arcRef.push(ref);
  }

  private compile() {
    const n = this.ports.length;
    const m = this.arcFromL.length;
    const order = Int32Array.from({ length: m }, (_, k) => k).sort((x, y) => this.arcFromL[x]! - this.arcFromL[y]!);
    const arcStart = new Int32Array(n + 1);
    for (const f of this.arcFromL) arcStart[f + 1]!++;
    for (let i = 0; i < n; i++) arcStart[i + 1]! += arcStart[i]!;
    this.graph = {
      arcStart,
      order,
      arcFrom: Int32Array.from(order, (k) => this.arcFromL[k]!),
      arcTo: Int32Array.from(order, (k) => this.arcToL[k]!),
      arcKind: Array.from(order, (k) => this.arcKindL[k]!),
      arcRef: Int32Array.from(order, (k) => this.arcRef[k]!),
    };
  }

  /** Costs of a station's port-to-port transfers for a profile, closed over virtual ports (Floyd–Warshall on a handful of ports). */
  transferTable(station: number, profile: ProfileId): Map<string, number> {
    const s = this.model.stations[station]!;
    const ports = this.portsOf[station]!;
    const n = ports.length;
    const d = Array.from({ length: n }, () => new Float64Array(n).fill(Infinity));
    const table = s.interior ? s.interior.router.table(profile) : null;
    const index = s.interior?.router.graph.index;
    for (let i = 0; i < n; i++) {
      d[i]![i] = 0;
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const a = this.ports[ports[i]!]!;
        const b = this.ports[ports[j]!]!;
        if (a.stopId && b.stopId && table && index) d[i]![j] = s.interior!.router.cost(table, index.get(a.stopId)!, index.get(b.stopId)!);
        else d[i]![j] = estimatedTransfer(profile, a.line === b.line ? undefined : s.transfers.find((t) => t.fromLine === a.line && t.toLine === b.line)).costS;
      }
    }
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const via = d[i]![k]! + d[k]![j]!;
          if (via < d[i]![j]!) d[i]![j] = via;
        }
    const out = new Map<string, number>();
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out.set(`${ports[i]}>${ports[j]}`, d[i]![j]!);
    return out;
  }

  /** Arc costs for a profile, computed once (a new router is built when a station's facilities change). */
  arcCosts(profile: ProfileId): Float64Array {
    let c = this.costs.get(profile);
    if (!c) {
      const g = this.graph;
      const tables = new Map<number, Map<string, number>>();
      c = new Float64Array(g.arcTo.length);
      for (let k = 0; k < c.length; k++) {
        if (g.arcKind[k] === 'ride') c[k] = this.model.runs[g.arcRef[k]!]!.timeS;
        else {
          const st = g.arcRef[k]!;
          if (!tables.has(st)) tables.set(st, this.transferTable(st, profile));
          c[k] = tables.get(st)!.get(`${g.arcFrom[k]}>${g.arcTo[k]}`)! + BOARD_WAIT_S;
        }
      }
      this.costs.set(profile, c);
    }
    return c;
  }

  /** The tree from one port (boarding there costs the wait), computed once per profile. */
  portTree(profile: ProfileId, port: number): ShortestPathTree {
    let trees = this.trees.get(profile);
    if (!trees) this.trees.set(profile, (trees = new Array(this.ports.length)));
    let tree = trees[port];
    if (!tree) {
      tree = shortestPathTree(this.graph, this.arcCosts(profile), [port], { sourceCost: [BOARD_WAIT_S], heap: this.heap });
      trees[port] = tree;
    }
    return tree;
  }

  /** Every port's tree for a profile (benchmarks; a server fills them lazily). */
  precompute(profile: ProfileId) {
    for (let p = 0; p < this.ports.length; p++) this.portTree(profile, p);
  }

  /**
   * The cheapest way from any port of one station to any port of another: the best of the port trees
   * (a handful of ports per station), so a query is a few look-ups and a walk up one tree.
   */
  search(fromStation: string, toStation: string, profile: ProfileId, ends: SearchEnds = {}) {
    const a = this.stationIndex.get(fromStation);
    const b = this.stationIndex.get(toStation);
    if (a === undefined || b === undefined) return null;
    const g = this.graph;
    let best = Infinity;
    let src = -1;
    let dst = -1;
    const exits = this.portsOf[b]!.map((q) => ends.exit?.(this.ports[q]!) ?? 0);
    for (const p of this.portsOf[a]!) {
      const entry = ends.entry?.(this.ports[p]!) ?? 0;
      if (entry === Infinity) continue;
      const dist = this.portTree(profile, p).dist;
      this.portsOf[b]!.forEach((q, j) => {
        const total = entry + dist[q]! + exits[j]!;
        if (total < best) {
          best = total;
          src = p;
          dst = q;
        }
      });
    }
    if (src === -1) return { costS: Infinity, arcs: [] as number[], graph: g };
    const tree = this.portTree(profile, src);
    const arcs: number[] = [];
    for (let at = dst, k = tree.predArc[at]!; k !== -1; at = g.arcFrom[k]!, k = tree.predArc[at]!) arcs.push(k);
    return { costS: best, arcs: arcs.reverse(), graph: g };
  }
}
