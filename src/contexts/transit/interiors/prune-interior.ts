import type { DerivedEdge, DerivedInterior, DerivedNode } from './derived-interior-model.js';

/**
 * Leaves out what a GTFS feed must not contain: junctions (generic nodes) joining fewer than two places, and
 * platforms or junctions that cannot be reached from an entrance or cannot reach one (one-way escalators
 * followed in their direction only). Repeats until nothing changes. `lost` collects, per facility whose pathway
 * is removed, the name of the end that was left out.
 */
export function prune(nodes: Map<string, DerivedNode>, edges: DerivedEdge[], omitted: DerivedInterior['omitted'], lost?: Map<string, string>) {
  const remove = (stopId: string, reason: string) => {
    const n = nodes.get(stopId)!;
    nodes.delete(stopId);
    omitted.push({ what: n.name, reason });
    for (let i = edges.length - 1; i >= 0; i--) {
      const e = edges[i]!;
      if (e.fromStopId === stopId || e.toStopId === stopId) {
        edges.splice(i, 1);
        omitted.push({ what: e.provenance.note ?? e.pathwayId, reason: `its end "${n.name}" was left out` });
        // The facility a removed pathway stands for, and the place it would have reached (see unplaced.ts).
        if (lost && typeof e.extra.facilityId === 'string' && !lost.has(e.extra.facilityId)) lost.set(e.extra.facilityId, n.name);
      }
    }
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of [...nodes.values()]) {
      if (n.locationType !== 3) continue;
      const neighbours = new Set(edges.flatMap((e) => (e.fromStopId === n.stopId ? [e.toStopId] : e.toStopId === n.stopId ? [e.fromStopId] : [])));
      if (neighbours.size < 2) {
        remove(n.stopId, 'a junction that would join fewer than two places');
        changed = true;
      }
    }
    const forward = reach(nodes, edges, 'forward');
    const backward = reach(nodes, edges, 'backward');
    for (const n of [...nodes.values()]) {
      if ((n.locationType === 0 || n.locationType === 3) && (!forward.has(n.stopId) || !backward.has(n.stopId))) {
        remove(n.stopId, 'no step-by-step route to or from a street entrance can be derived');
        changed = true;
      }
    }
    for (const n of [...nodes.values()]) {
      if (n.locationType === 2 && !edges.some((e) => e.fromStopId === n.stopId || e.toStopId === n.stopId)) {
        remove(n.stopId, 'an entrance with no pathway left');
        changed = true;
      }
    }
  }
}

function reach(nodes: Map<string, DerivedNode>, edges: DerivedEdge[], direction: 'forward' | 'backward'): Set<string> {
  const seen = new Set([...nodes.values()].filter((n) => n.locationType === 2).map((n) => n.stopId));
  const queue = [...seen];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const e of edges) {
      const next =
        e.fromStopId === at && (direction === 'forward' || e.isBidirectional)
          ? e.toStopId
          : e.toStopId === at && (direction === 'backward' || e.isBidirectional)
            ? e.fromStopId
            : null;
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
