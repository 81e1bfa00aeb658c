import type { ChangeOp, EdgeFields, OpIssue } from './change-ops.js';
import type { EdgeView, LevelView, NodeView } from './interior-model.js';

/**
 * Applying a change proposal's operations, in order, to an interior held in maps: the server's validator
 * (change-ops.ts applyOps) and the interior editor island (its replay of the edits) run this same code. Pure
 * and free of server-only imports (types only), so esbuild bundles it for the browser.
 */

type AddedNode = Extract<ChangeOp, { op: 'add_node' }>['node'];
type NodeSet = Extract<ChangeOp, { op: 'update_node' }>['set'];

/** A pathway's fields that an added pathway does not give. */
export const EMPTY_EDGE: Omit<EdgeFields, 'from' | 'to' | 'mode'> = {
  bidirectional: true,
  length: null,
  traversalTime: null,
  stairCount: null,
  maxSlope: null,
  minWidth: null,
  stepHeightCm: null,
  doorWidthCm: null,
  wideGate: null,
  handrail: null,
  tactile: null,
  signpostedAs: null,
  reversedSignpostedAs: null,
  facilityId: null,
  photos: [],
};

export interface ApplyHooks<N> {
  /** The node an `add_node` operation makes (the defaults differ: the server's parent is the station). */
  newNode: (node: AddedNode) => N;
  /** Called after an `update_node` operation set fields of a node (the island redraws its position, its label). */
  updated?: (node: N, set: NodeSet) => void;
}

/**
 * Applies the operations to the maps in place and returns the problems found, each with its operation's path:
 * referring to a node, edge or level that is not there, or adding one that is. `add_level` needs `levels`.
 */
export function applyOpsTo<N extends Pick<NodeView, 'stopId'>>(
  state: { levels?: LevelView[]; nodes: Map<string, N>; edges: Map<string, EdgeView> },
  ops: readonly ChangeOp[],
  hooks: ApplyHooks<N>,
): OpIssue[] {
  const { levels, nodes, edges } = state;
  const issues: OpIssue[] = [];
  ops.forEach((o, i) => {
    const path = `ops[${i}]`;
    switch (o.op) {
      case 'add_level':
        if (!levels) break;
        if (levels.some((l) => l.levelId === o.level.levelId))
          issues.push({ path: `${path}.level.levelId`, message: `level "${o.level.levelId}" already exists` });
        else levels.push({ levelId: o.level.levelId, levelIndex: o.level.levelIndex, levelName: o.level.levelName ?? null });
        break;
      case 'add_node':
        if (nodes.has(o.node.stopId)) issues.push({ path: `${path}.node.stopId`, message: `node "${o.node.stopId}" already exists` });
        else nodes.set(o.node.stopId, hooks.newNode(o.node));
        break;
      case 'update_node': {
        const n = nodes.get(o.stopId);
        if (!n) issues.push({ path: `${path}.stopId`, message: `no node "${o.stopId}" in this station` });
        else {
          Object.assign(n, o.set);
          hooks.updated?.(n, o.set);
        }
        break;
      }
      case 'remove_node':
        if (!nodes.delete(o.stopId)) issues.push({ path: `${path}.stopId`, message: `no node "${o.stopId}" in this station` });
        else for (const [id, e] of edges) if (e.from === o.stopId || e.to === o.stopId) edges.delete(id);
        break;
      case 'add_edge':
        if (edges.has(o.edge.pathwayId)) issues.push({ path: `${path}.edge.pathwayId`, message: `pathway "${o.edge.pathwayId}" already exists` });
        else edges.set(o.edge.pathwayId, { ...EMPTY_EDGE, ...o.edge });
        break;
      case 'update_edge': {
        const e = edges.get(o.pathwayId);
        if (!e) issues.push({ path: `${path}.pathwayId`, message: `no pathway "${o.pathwayId}" in this station` });
        else Object.assign(e, o.set);
        break;
      }
      case 'remove_edge':
        if (!edges.delete(o.pathwayId)) issues.push({ path: `${path}.pathwayId`, message: `no pathway "${o.pathwayId}" in this station` });
        break;
    }
  });
  return issues;
}
