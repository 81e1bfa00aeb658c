import type { Provenance } from '../domain/provenance.js';
import type { StepMode } from './route-types.js';

/**
 * A station interior as the routers see it: places (GTFS stops) and pathways, with the attributes the
 * profile rules need. Unknown stays null (never 0). Built from stored rows (see load-graph.ts) or by tests.
 */
export interface PathNode {
  id: string;
  name: string | null;
  /** GTFS location_type: 0 platform, 1 station, 2 entrance/exit, 3 generic node, 4 boarding area. */
  locationType: number;
  parentId: string | null;
  levelId: string | null;
  /** GTFS level_index (0 street, negative below); null when the level is unknown. */
  levelIndex: number | null;
  levelName: string | null;
  /** Platforms: the line and the next stations in the direction of travel ([] = both or unknown). */
  line?: string | null;
  towardStationIds?: string[];
  /**
   * A platform with boarding areas has no pathways of its own (GTFS): they end at a node beside it. The
   * platform names that node (`pathwayStopId`), and the node names its platform (`platformStopId`).
   */
  pathwayStopId?: string | null;
  platformStopId?: string | null;
  /** Boarding areas: car and door as signed, and the facility they are nearest to. */
  boarding?: { line: string | null; car: number; door: number; toward: string | null; facilityId: string | null } | null;
  /** How we know this place (absent in hand-built test graphs: 'unknown'). */
  source?: Provenance;
}

export interface PathEdge {
  id: string;
  from: string;
  to: string;
  mode: StepMode;
  bidirectional: boolean;
  lengthM: number | null;
  traversalTimeS: number | null;
  /** Signed as in GTFS: positive = up from `from` to `to`. */
  stairCount: number | null;
  /** Signed as in GTFS: positive = uphill from `from` to `to`. */
  maxSlope: number | null;
  minWidthM: number | null;
  stepHeightCm: number | null;
  /** Fare gates: a wide (wheelchair) gate exists. */
  wideGate: boolean | null;
  handrail: boolean | null;
  tactile: boolean | null;
  /** Elevators: audio announcements or braille buttons. */
  audio: boolean | null;
  outdoor: boolean;
  facilityId: string | null;
  signpostedAs: string | null;
  reversedSignpostedAs: string | null;
  /** A walkway along the platform to a boarding position. */
  platformBoarding: boolean;
  assistancePhone: string | null;
  /** How we know this pathway (absent in hand-built test graphs: 'unknown'). */
  source?: Provenance;
}

/**
 * Whether walking from `a` to `b` changes level: by level_index when both are known (two levels at the same
 * height are not a change), else by level_id when both ends name one. Unknown levels are not a change.
 */
export function changesLevel(a: PathNode, b: PathNode): boolean {
  if (a.levelIndex !== null && b.levelIndex !== null) return a.levelIndex !== b.levelIndex;
  return a.levelId !== null && b.levelId !== null && a.levelId !== b.levelId;
}

/** Live state of a facility: 'available', 'not_available', 'partially_available', 'planned_outage' or 'unknown'. */
export interface FacilityState {
  id: string;
  type: string;
  name: string | null;
  status: string;
}

/**
 * The compiled form: nodes numbered 0..n-1 and directed arcs in compressed sparse rows (arcs of node i are
 * arcStart[i] .. arcStart[i+1]-1), each arc pointing at its pathway and saying whether it walks it backwards.
 */
export interface CompiledGraph {
  nodes: PathNode[];
  edges: PathEdge[];
  index: Map<string, number>;
  arcStart: Int32Array;
  arcFrom: Int32Array;
  arcTo: Int32Array;
  arcEdge: Int32Array;
  arcReversed: Uint8Array;
}

export function compileGraph(nodes: PathNode[], edges: PathEdge[]): CompiledGraph {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const out: Array<Array<[number, number, number]>> = nodes.map(() => []);
  edges.forEach((e, k) => {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) return;
    out[a]!.push([b, k, 0]);
    if (e.bidirectional) out[b]!.push([a, k, 1]);
  });
  const arcs = out.reduce((s, l) => s + l.length, 0);
  const arcStart = new Int32Array(nodes.length + 1);
  const arcFrom = new Int32Array(arcs);
  const arcTo = new Int32Array(arcs);
  const arcEdge = new Int32Array(arcs);
  const arcReversed = new Uint8Array(arcs);
  let k = 0;
  out.forEach((list, i) => {
    arcStart[i] = k;
    for (const [to, edge, rev] of list) {
      arcFrom[k] = i;
      arcTo[k] = to;
      arcEdge[k] = edge;
      arcReversed[k] = rev;
      k++;
    }
  });
  arcStart[nodes.length] = k;
  return { nodes, edges, index, arcStart, arcFrom, arcTo, arcEdge, arcReversed };
}
