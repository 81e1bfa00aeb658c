import { AppError } from '../../../core/errors.js';
import { applyOpsTo } from './apply-ops.js';
import { EDGE_MODES, type EdgeView, type Interior, type NodeView } from './interior-model.js';

/**
 * A change proposal is a list of operations on a station interior. Each names what it touches, so that the
 * stewards of those attributes review it and conflicts with later versions are found field by field.
 */
export const ATTRIBUTES = ['geometry', 'accessibility', 'boarding', 'instructions', 'media', 'facility'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export type NodeFields = Omit<NodeView, 'stopId'>;
export type EdgeFields = Omit<EdgeView, 'pathwayId'>;
export type ChangeOp =
  | { op: 'add_level'; level: { levelId: string; levelIndex: number; levelName: string | null } }
  | { op: 'add_node'; node: Partial<NodeFields> & { stopId: string; locationType: number; levelId: string } }
  | { op: 'update_node'; stopId: string; set: Partial<NodeFields> }
  | { op: 'remove_node'; stopId: string }
  | { op: 'add_edge'; edge: Partial<EdgeFields> & { pathwayId: string; from: string; to: string; mode: EdgeView['mode'] } }
  | { op: 'update_edge'; pathwayId: string; set: Partial<EdgeFields> }
  | { op: 'remove_edge'; pathwayId: string };

export const NODE_FIELD_ATTRIBUTE: Record<keyof NodeFields, Attribute> = {
  name: 'instructions',
  locationType: 'geometry',
  levelId: 'geometry',
  parentStopId: 'geometry',
  platformCode: 'geometry',
  lat: 'geometry',
  lon: 'geometry',
  wheelchairBoarding: 'accessibility',
  boarding: 'boarding',
  photos: 'media',
};
export const EDGE_FIELD_ATTRIBUTE: Record<keyof EdgeFields, Attribute> = {
  from: 'geometry',
  to: 'geometry',
  mode: 'accessibility',
  bidirectional: 'accessibility',
  length: 'accessibility',
  traversalTime: 'accessibility',
  stairCount: 'accessibility',
  maxSlope: 'accessibility',
  minWidth: 'accessibility',
  stepHeightCm: 'accessibility',
  doorWidthCm: 'accessibility',
  wideGate: 'accessibility',
  handrail: 'accessibility',
  tactile: 'accessibility',
  signpostedAs: 'instructions',
  reversedSignpostedAs: 'instructions',
  facilityId: 'facility',
  photos: 'media',
};

/** One problem of a proposal, with where it is: `ops[2].set.maxSlope`. */
export interface OpIssue {
  path: string;
  message: string;
}
export class ProposalInvalid extends AppError {
  constructor(
    readonly issues: OpIssue[],
    code = 'transit.proposal_invalid',
  ) {
    super(code, issues.map((i) => `${i.path}: ${i.message}`).join('; '), 400, issues);
  }
}

type Check = (v: unknown) => string | null;
const ID = /^[\p{L}\p{N}:_\-.]{1,120}$/u;
const text =
  (max: number): Check =>
  (v) =>
    v === null
      ? null
      : typeof v !== 'string'
        ? 'must be text'
        : v.length > max
          ? `at most ${max} characters`
          : /<|>/.test(v)
            ? 'must not contain < or >'
            : null;
const range =
  (min: number, max: number, integer = false): Check =>
  (v) =>
    v === null
      ? null
      : typeof v !== 'number' || !Number.isFinite(v)
        ? 'must be a number'
        : integer && !Number.isInteger(v)
          ? 'must be a whole number'
          : v < min || v > max
            ? `must be between ${min} and ${max}`
            : null;
const bool: Check = (v) => (v === null || typeof v === 'boolean' ? null : 'must be true, false or null');
const idRef: Check = (v) => (typeof v === 'string' && ID.test(v) ? null : 'must be an id (letters, digits, : _ - .)');
const photos: Check = (v) =>
  Array.isArray(v) && v.length <= 20 && v.every((x) => typeof x === 'string' && /^[0-9a-f-]{36}$/.test(x)) ? null : 'must be a list of photo ids';
const boarding: Check = (v) => {
  if (v === null) return null;
  if (!v || typeof v !== 'object') return 'must be { car, door, toward } or null';
  const b = v as Record<string, unknown>;
  return range(1, 20, true)(b.car) ?? range(1, 8, true)(b.door) ?? (b.toward === undefined ? null : text(60)(b.toward));
};
const nullableId: Check = (v) => (v === null ? null : idRef(v));

const NODE_CHECKS: Record<keyof NodeFields, Check> = {
  name: text(120),
  locationType: (v) => ([0, 2, 3, 4].includes(v as number) ? null : 'must be 0 (platform), 2 (entrance), 3 (node) or 4 (boarding area)'),
  levelId: nullableId,
  parentStopId: nullableId,
  platformCode: text(20),
  lat: range(-90, 90),
  lon: range(-180, 180),
  wheelchairBoarding: bool,
  boarding,
  photos,
};
const EDGE_CHECKS: Record<keyof EdgeFields, Check> = {
  from: idRef,
  to: idRef,
  mode: (v) => ((EDGE_MODES as readonly unknown[]).includes(v) ? null : `must be one of ${EDGE_MODES.join(', ')}`),
  bidirectional: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  length: range(0, 2000),
  traversalTime: range(1, 3600, true),
  stairCount: range(-200, 200, true),
  maxSlope: range(-1, 1),
  minWidth: range(0.1, 20),
  stepHeightCm: range(0, 100),
  doorWidthCm: range(30, 500),
  wideGate: bool,
  handrail: bool,
  tactile: bool,
  signpostedAs: text(200),
  reversedSignpostedAs: text(200),
  facilityId: nullableId,
  photos,
};

function checkFields(path: string, set: unknown, checks: Record<string, Check>, issues: OpIssue[]) {
  if (!set || typeof set !== 'object' || Array.isArray(set)) {
    issues.push({ path, message: 'must be an object of fields' });
    return;
  }
  for (const [key, value] of Object.entries(set)) {
    const check = checks[key];
    if (!check) issues.push({ path: `${path}.${key}`, message: `is not a field that can be changed (${Object.keys(checks).join(', ')})` });
    else {
      const problem = check(value);
      if (problem) issues.push({ path: `${path}.${key}`, message: problem });
    }
  }
}

/** Checks the shape of every operation; all problems at once, with their paths. */
export function parseOps(input: unknown): ChangeOp[] {
  const issues: OpIssue[] = [];
  if (!Array.isArray(input) || input.length === 0) throw new ProposalInvalid([{ path: 'ops', message: 'must be a non-empty list of operations' }]);
  if (input.length > 500) throw new ProposalInvalid([{ path: 'ops', message: 'at most 500 operations in one proposal' }]);
  input.forEach((raw, i) => {
    const path = `ops[${i}]`;
    const o = (raw ?? {}) as Record<string, unknown>;
    switch (o.op) {
      case 'add_level': {
        const l = (o.level ?? {}) as Record<string, unknown>;
        for (const [f, c] of [
          ['levelId', idRef],
          ['levelIndex', range(-20, 50)],
          ['levelName', text(40)],
        ] as const) {
          const p = c(l[f] ?? null);
          if (p) issues.push({ path: `${path}.level.${f}`, message: p });
        }
        break;
      }
      case 'add_node': {
        const n = (o.node ?? {}) as Record<string, unknown>;
        if (idRef(n.stopId)) issues.push({ path: `${path}.node.stopId`, message: idRef(n.stopId)! });
        const { stopId: _s, ...fields } = n;
        checkFields(`${path}.node`, fields, NODE_CHECKS, issues);
        if (n.locationType === undefined) issues.push({ path: `${path}.node.locationType`, message: 'is required' });
        if (n.levelId === undefined || n.levelId === null) issues.push({ path: `${path}.node.levelId`, message: 'is required' });
        break;
      }
      case 'update_node':
        if (idRef(o.stopId)) issues.push({ path: `${path}.stopId`, message: idRef(o.stopId)! });
        checkFields(`${path}.set`, o.set, NODE_CHECKS, issues);
        break;
      case 'remove_node':
        if (idRef(o.stopId)) issues.push({ path: `${path}.stopId`, message: idRef(o.stopId)! });
        break;
      case 'add_edge': {
        const e = (o.edge ?? {}) as Record<string, unknown>;
        if (idRef(e.pathwayId)) issues.push({ path: `${path}.edge.pathwayId`, message: idRef(e.pathwayId)! });
        const { pathwayId: _p, ...fields } = e;
        checkFields(`${path}.edge`, fields, EDGE_CHECKS, issues);
        for (const f of ['from', 'to', 'mode'] as const) if (e[f] === undefined) issues.push({ path: `${path}.edge.${f}`, message: 'is required' });
        break;
      }
      case 'update_edge':
        if (idRef(o.pathwayId)) issues.push({ path: `${path}.pathwayId`, message: idRef(o.pathwayId)! });
        checkFields(`${path}.set`, o.set, EDGE_CHECKS, issues);
        break;
      case 'remove_edge':
        if (idRef(o.pathwayId)) issues.push({ path: `${path}.pathwayId`, message: idRef(o.pathwayId)! });
        break;
      default:
        issues.push({ path: `${path}.op`, message: 'must be add_level, add_node, update_node, remove_node, add_edge, update_edge or remove_edge' });
    }
  });
  if (issues.length) throw new ProposalInvalid(issues);
  return input as ChangeOp[];
}

/**
 * Applies the operations in order to a copy of the interior. Referring to a node, edge or level that is not
 * there, or adding one that is, fails with the operation's path.
 */
export function applyOps(interior: Interior, ops: ChangeOp[], stationId: string): Interior {
  const levels = interior.levels.map((l) => ({ ...l }));
  const nodes = new Map(interior.nodes.map((n) => [n.stopId, { ...n }]));
  const edges = new Map(interior.edges.map((e) => [e.pathwayId, { ...e }]));
  const issues = applyOpsTo({ levels, nodes, edges }, ops, {
    newNode: (node) => ({
      name: null,
      parentStopId: stationId,
      platformCode: null,
      lat: null,
      lon: null,
      wheelchairBoarding: null,
      boarding: null,
      photos: [],
      ...node,
    }),
  });
  const levelIds = new Set(levels.map((l) => l.levelId));
  ops.forEach((o, i) => {
    const levelId = o.op === 'add_node' ? o.node.levelId : o.op === 'update_node' ? o.set.levelId : undefined;
    if (levelId && !levelIds.has(levelId)) issues.push({ path: `ops[${i}]`, message: `level "${levelId}" is not a level of this station (add it first)` });
  });
  if (issues.length) throw new ProposalInvalid(issues);
  return { levels, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The attributes an operation list touches: whose stewards must review it. */
export function attributesOf(ops: ChangeOp[]): Attribute[] {
  const out = new Set<Attribute>();
  for (const o of ops) {
    if (o.op === 'add_level' || o.op === 'add_node' || o.op === 'remove_node' || o.op === 'add_edge' || o.op === 'remove_edge') out.add('geometry');
    if (o.op === 'add_node') for (const k of Object.keys(o.node)) if (k in NODE_FIELD_ATTRIBUTE) out.add(NODE_FIELD_ATTRIBUTE[k as keyof NodeFields]);
    if (o.op === 'update_node') for (const k of Object.keys(o.set)) out.add(NODE_FIELD_ATTRIBUTE[k as keyof NodeFields]);
    if (o.op === 'add_edge') for (const k of Object.keys(o.edge)) if (k in EDGE_FIELD_ATTRIBUTE) out.add(EDGE_FIELD_ATTRIBUTE[k as keyof EdgeFields]);
    if (o.op === 'update_edge') for (const k of Object.keys(o.set)) out.add(EDGE_FIELD_ATTRIBUTE[k as keyof EdgeFields]);
  }
  return ATTRIBUTES.filter((a) => out.has(a));
}

/** Keys `node:<id>:<field>` / `edge:<id>:*` that the operations write, to compare with a later version's diff. */
export function touchedKeys(ops: ChangeOp[]): Set<string> {
  const keys = new Set<string>();
  for (const o of ops) {
    if (o.op === 'add_level') keys.add(`level:${o.level.levelId}:*`);
    if (o.op === 'add_node') keys.add(`node:${o.node.stopId}:*`);
    if (o.op === 'remove_node') keys.add(`node:${o.stopId}:*`);
    if (o.op === 'update_node') for (const k of Object.keys(o.set)) keys.add(`node:${o.stopId}:${k}`);
    if (o.op === 'add_edge') keys.add(`edge:${o.edge.pathwayId}:*`);
    if (o.op === 'remove_edge') keys.add(`edge:${o.pathwayId}:*`);
    if (o.op === 'update_edge') for (const k of Object.keys(o.set)) keys.add(`edge:${o.pathwayId}:${k}`);
  }
  return keys;
}
