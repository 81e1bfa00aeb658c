import { arcsTo, IndexedHeap, shortestPathTree, type ShortestPathTree } from './dijkstra.js';
import { arcCost, type ArcCost } from './edge-cost.js';
import { applyOverrides, overridesKey, PROFILES, type Profile } from './profiles.js';
import type { ProfileId, RouteOverrides } from './route-types.js';
import { compileGraph, type CompiledGraph, type FacilityState, type PathEdge, type PathNode } from './station-graph.js';

/**
 * Routes inside one station for every profile. Costs are computed once per profile (and per set of user
 * overrides) and each source's shortest-path tree once, then kept: a station has tens to hundreds of places,
 * so after the first query from a place every further query from it is a walk up its tree. The router is
 * immutable; a facility status change builds a new one (see routing-service.ts), which is what invalidates
 * the precomputed trees.
 */
export interface ProfileTable {
  profile: Profile;
  key: string;
  costs: Float64Array;
  info: ArcCost[];
  trees: Array<ShortestPathTree | undefined>;
}

export interface FoundPath {
  from: number;
  to: number;
  arcs: number[];
  costS: number;
}

/** Cost given to a blocked pathway when looking for what blocks a route (never used for a real route). */
const RELAXED_BLOCK_S = 1e6;
const MAX_TABLES = 32;

export class StationRouter {
  readonly graph: CompiledGraph;
  readonly facilities: Map<string, FacilityState>;
  private readonly tables = new Map<string, ProfileTable>();
  private readonly heap: IndexedHeap;

  constructor(nodes: PathNode[], edges: PathEdge[], facilities: FacilityState[] = []) {
    this.graph = compileGraph(nodes, edges);
    this.facilities = new Map(facilities.map((f) => [f.id, f]));
    this.heap = new IndexedHeap(nodes.length);
  }

  table(profileId: ProfileId, overrides?: RouteOverrides): ProfileTable {
    const key = overridesKey(profileId, overrides);
    let t = this.tables.get(key);
    if (!t) {
      if (this.tables.size >= MAX_TABLES) this.tables.delete(this.tables.keys().next().value!);
      const profile = applyOverrides(PROFILES[profileId], overrides);
      const g = this.graph;
      const info = Array.from(g.arcTo, (to, k) => {
        const edge = g.edges[g.arcEdge[k]!]!;
        return arcCost(
          profile,
          edge,
          g.arcReversed[k] === 1,
          g.nodes[g.arcFrom[k]!]!,
          g.nodes[to]!,
          edge.facilityId ? this.facilities.get(edge.facilityId) : undefined,
        );
      });
      t = { profile, key, costs: Float64Array.from(info, (c) => c.costS), info, trees: new Array(g.nodes.length) };
      this.tables.set(key, t);
    }
    return t;
  }

  /** The shortest-path tree from `source` for a profile, computed on first use. */
  tree(t: ProfileTable, source: number): ShortestPathTree {
    let tree = t.trees[source];
    if (!tree) {
      tree = shortestPathTree(this.graph, t.costs, [source], { heap: this.heap });
      t.trees[source] = tree;
    }
    return tree;
  }

  /** Computes every tree of a profile now (for a station page listing all its transfers, and for benchmarks). */
  precompute(profileId: ProfileId, overrides?: RouteOverrides) {
    const t = this.table(profileId, overrides);
    for (let s = 0; s < this.graph.nodes.length; s++) this.tree(t, s);
    return t;
  }

  /** Cost of the best route (Infinity when none), by node index. */
  cost(t: ProfileTable, from: number, to: number): number {
    return this.tree(t, from).dist[to]!;
  }

  /** A place's node index; a platform whose pathways end at a node beside it resolves to that node. */
  resolve(id: string): number | undefined {
    const i = this.graph.index.get(id);
    if (i === undefined) return undefined;
    const via = this.graph.nodes[i]!.pathwayStopId;
    return via && via !== id ? (this.graph.index.get(via) ?? i) : i;
  }

  /** The best route between two places (by stop id); null when a place is unknown. */
  findPath(fromId: string, toId: string, profileId: ProfileId, overrides?: RouteOverrides): (FoundPath & { table: ProfileTable }) | null {
    const from = this.resolve(fromId);
    const to = this.resolve(toId);
    if (from === undefined || to === undefined) return null;
    const table = this.table(profileId, overrides);
    const tree = this.tree(table, from);
    const costS = tree.dist[to]!;
    return { from, to, arcs: costS === Infinity ? [] : arcsTo(this.graph, tree, to), costS, table };
  }

  /**
   * When no route exists: the cheapest route if blocked pathways could be used at a high price, and the
   * blocked pathways on it: what stands in the way.
   */
  blockersBetween(t: ProfileTable, from: number, to: number): number[] {
    // An outage is the more useful answer than "stairs" when both stand in the way: temporary blocks cost less.
    const relaxed = Float64Array.from(t.info, (c) =>
      c.blocked ? RELAXED_BLOCK_S * (c.blocked === 'out_of_service' ? 1 : 2) + (Number.isFinite(c.timeS) ? c.timeS : 60) : c.costS,
    );
    const tree = shortestPathTree(this.graph, relaxed, [from], { target: (n) => n === to });
    if (tree.dist[to] === Infinity) return [];
    return arcsTo(this.graph, tree, to).filter((k) => t.info[k]!.blocked);
  }
}
