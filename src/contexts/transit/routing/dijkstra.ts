/**
 * Dijkstra on a graph in compressed sparse rows with a cost per arc, on typed arrays: an indexed binary heap
 * with decrease-key (the heap never holds a node twice), no allocation per relaxation. The station and
 * network routers run it once per source and keep the trees (see station-router.ts).
 */
export interface ArcGraph {
  /** Arcs of node i are arcStart[i] .. arcStart[i+1]-1. */
  arcStart: Int32Array;
  arcTo: Int32Array;
}

export interface ShortestPathTree {
  dist: Float64Array;
  /** The arc by which each node is reached (-1: the source or unreached). */
  predArc: Int32Array;
}

export class IndexedHeap {
  private readonly keys: Float64Array;
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  clear() {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = -1;
    this.size = 0;
  }

  /** Inserts `node` or lowers its key. */
  push(node: number, key: number) {
    let i = this.pos[node]!;
    if (i === -1) {
      i = this.size++;
      this.heap[i] = node;
      this.pos[node] = i;
    } else if (key >= this.keys[node]!) return;
    this.keys[node] = key;
    this.up(i);
  }

  pop(): number {
    const top = this.heap[0]!;
    const last = this.heap[--this.size]!;
    this.pos[top] = -1;
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number) {
    const { heap, keys, pos } = this;
    const node = heap[i]!;
    const key = keys[node]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (keys[p]! <= key) break;
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = node;
    pos[node] = i;
  }

  private down(i: number) {
    const { heap, keys, pos } = this;
    const node = heap[i]!;
    const key = keys[node]!;
    const n = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[heap[child + 1]!]! < keys[heap[child]!]!) child++;
      const c = heap[child]!;
      if (keys[c]! >= key) break;
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = node;
    pos[node] = i;
  }
}

/**
 * Shortest paths from `sources` (each with a starting cost) over arcs costing `arcCost[k]` (Infinity = not
 * usable). Stops early once `target` (when given) is settled.
 */
export function shortestPathTree(
  g: ArcGraph,
  arcCost: Float64Array,
  sources: ArrayLike<number>,
  opts: {
    sourceCost?: ArrayLike<number>;
    target?: (node: number) => boolean;
    heap?: IndexedHeap;
  } = {},
): ShortestPathTree & { reached: number } {
  const n = g.arcStart.length - 1;
  const dist = new Float64Array(n).fill(Infinity);
  const predArc = new Int32Array(n).fill(-1);
  const heap = opts.heap ?? new IndexedHeap(n);
  heap.clear();
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    const c = opts.sourceCost?.[i] ?? 0;
    if (c < dist[s]!) {
      dist[s] = c;
      heap.push(s, c);
    }
  }
  const { arcStart, arcTo } = g;
  let reached = -1;
  while (heap.size > 0) {
    const u = heap.pop();
    if (opts.target?.(u)) {
      reached = u;
      break;
    }
    const du = dist[u]!;
    for (let k = arcStart[u]!, end = arcStart[u + 1]!; k < end; k++) {
      const c = arcCost[k]!;
      if (c === Infinity) continue;
      const v = arcTo[k]!;
      const dv = du + c;
      if (dv < dist[v]!) {
        dist[v] = dv;
        predArc[v] = k;
        heap.push(v, dv);
      }
    }
  }
  return { dist, predArc, reached };
}

/** The arcs from a tree's source to `target`, in order (empty when unreached or target is the source). */
export function arcsTo(g: ArcGraph & { arcFrom: Int32Array }, tree: ShortestPathTree, target: number): number[] {
  const arcs: number[] = [];
  for (let at = target, k = tree.predArc[at]!; k !== -1; at = g.arcFrom[k]!, k = tree.predArc[at]!) arcs.push(k);
  return arcs.reverse();
}
