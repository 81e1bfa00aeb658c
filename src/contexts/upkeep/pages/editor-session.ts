import { applyOpsTo } from '../use-cases/apply-ops.js';
import type { EdgeView, NodeView } from '../use-cases/interior-model.js';
import { type EditorIslandData, toLatLon, toPoint } from './editor-geometry.js';

/**
 * The interior editor's session (interior-editor.island.ts): the change proposal being built, as operations the
 * API takes and a note of what each one is, the interior as edited, and what is selected. Pure (no DOM): the
 * island draws and sends what this holds, and the unit tests (editor-session.test.ts) run this same code.
 */
export type EditorNode = EditorIslandData['nodes'][number];
export type EditorEdge = EdgeView;
export type NumField = 'length' | 'minWidth' | 'maxSlope' | 'stepHeightCm' | 'stairCount';
/** The pathway fields the side panel edits as numbers, in the panel's order. */
export const NUM_FIELDS: NumField[] = ['length', 'minWidth', 'maxSlope', 'stepHeightCm', 'stairCount'];
export type NodeSet = Partial<Pick<NodeView, 'name' | 'locationType' | 'levelId' | 'lat' | 'lon'>>;
export type EdgeSet = Partial<Pick<EdgeView, 'mode' | 'bidirectional' | NumField>>;
type NewNode = Pick<NodeView, 'stopId' | 'name' | 'locationType'> & { levelId: string; lat: number; lon: number };
export type NewEdge = Pick<EdgeView, 'pathwayId' | 'from' | 'to' | 'mode' | 'bidirectional'>;
/** An operation of a change proposal, as POST …/proposals takes it. */
export type Op =
  | { op: 'add_node'; node: NewNode }
  | { op: 'update_node'; stopId: string; set: NodeSet }
  | { op: 'remove_node'; stopId: string }
  | { op: 'add_edge'; edge: NewEdge }
  | { op: 'update_edge'; pathwayId: string; set: EdgeSet }
  | { op: 'remove_edge'; pathwayId: string };
/** What an operation is, for the list of changes (a move is an update_node of the position). */
export interface Note {
  kind: Op['op'] | 'move_node';
  label: string;
}
export interface Selection {
  type: 'node' | 'edge';
  id: string;
}

/** The page's strings with `{name}` placeholders filled; a missing key reads as itself. */
export const translate =
  (messages: Record<string, string>) =>
  (key: string, vars?: Record<string, string | number | null>): string =>
    String(messages[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m));

/** A number typed in the panel: '' is none (null), a decimal comma is a point, anything else is not a number (undefined). */
export function readNumber(s: string): number | null | undefined {
  const v = s.trim().replace(/,/g, '.');
  if (v === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export class EditorSession {
  readonly ops: Op[] = [];
  readonly notes: Note[] = [];
  nodes = new Map<string, EditorNode>();
  edges = new Map<string, EditorEdge>();
  selected: Selection | null = null;
  /** The first place of a connection, or the place to move on the next click. */
  pending: string | null = null;
  readonly t: ReturnType<typeof translate>;
  private readonly levels: Map<string, EditorIslandData['levels'][number]>;
  private added = 0;

  constructor(
    readonly data: EditorIslandData,
    /** A new stop or pathway id (random in the browser). */
    private readonly newId: () => string,
  ) {
    this.t = translate(data.messages);
    this.levels = new Map(data.levels.map((l) => [l.levelId, l]));
    this.replay();
  }

  level(id: string | null | undefined) {
    return id ? this.levels.get(id) : undefined;
  }
  at(lat: number, lon: number) {
    return toPoint(this.data.origin, lat, lon);
  }
  latLon(x: number, y: number) {
    return toLatLon(this.data.origin, { x, y });
  }

  levelName(id: string | null) {
    const l = id === null ? undefined : this.levels.get(id);
    return l ? (l.levelName ?? l.levelId) : '?';
  }
  nodeName(id: string) {
    return this.nodes.get(id)?.label ?? id;
  }
  nodeLabel(n: EditorNode) {
    return this.t('editor.nodeLabel', { name: n.label, kind: this.t(`editor.kind.${n.locationType}`), level: this.levelName(n.levelId) });
  }
  edgeLabel(e: Pick<EditorEdge, 'mode' | 'from' | 'to'>) {
    return this.t('editor.edgeLabel', { mode: this.t(`editor.mode.${e.mode}`), from: this.nodeName(e.from), to: this.nodeName(e.to) });
  }

  /**
   * The interior as edited: the page's, with every operation applied in order by the server's own code
   * (apply-ops.ts, which change-ops.ts applyOps runs too); what the server would refuse is left as it was.
   */
  replay() {
    this.nodes = new Map(this.data.nodes.map((n) => [n.stopId, { ...n }]));
    this.edges = new Map(this.data.edges.map((e) => [e.pathwayId, { ...e }]));
    applyOpsTo({ nodes: this.nodes, edges: this.edges }, this.ops, {
      newNode: (n) => ({
        name: null,
        parentStopId: null,
        platformCode: null,
        wheelchairBoarding: null,
        boarding: null,
        photos: [],
        ...n,
        lat: n.lat ?? null,
        lon: n.lon ?? null,
        label: n.name ?? n.stopId,
        ...this.at(n.lat!, n.lon!),
      }),
      updated: (n, set) => {
        if ('lat' in set && n.lat !== null && n.lon !== null) Object.assign(n, this.at(n.lat, n.lon));
        if ('name' in set) n.label = set.name || n.stopId;
      },
    });
    const { selected } = this;
    if (selected && !(selected.type === 'node' ? this.nodes : this.edges).has(selected.id)) this.selected = null;
    if (this.pending && !this.nodes.has(this.pending)) this.pending = null;
  }

  push(op: Op, note: Note) {
    this.ops.push(op);
    this.notes.push(note);
    this.replay();
  }

  /** Adds a junction on a level at a point, named 새 지점 1, 2 …, and selects it; returns its id. */
  addNode(levelId: string, x: number, y: number): string {
    this.added += 1;
    const name = this.t('editor.newName', { n: this.added });
    const stopId = this.newId();
    this.push({ op: 'add_node', node: { stopId, name, locationType: 3, levelId, ...this.latLon(x, y) } }, { kind: 'add_node', label: name });
    this.selected = { type: 'node', id: stopId };
    return stopId;
  }

  /** Adds a pathway between two places (one-way for an exit gate) and selects it. */
  connect(from: string, to: string, mode: EditorEdge['mode']) {
    const edge: NewEdge = { pathwayId: this.newId(), from, to, mode, bidirectional: mode !== 'exit_gate' };
    this.push({ op: 'add_edge', edge }, { kind: 'add_edge', label: this.edgeLabel({ ...edge }) });
    this.selected = { type: 'edge', id: edge.pathwayId };
  }

  /** Moves a place (and to another level); successive moves of the same place make one operation. False if there is no such place. */
  moveNode(stopId: string, x: number, y: number, levelId?: string): boolean {
    const n = this.nodes.get(stopId);
    if (!n) return false;
    const set: NodeSet = this.latLon(x, y);
    if (levelId && levelId !== n.levelId) set.levelId = levelId;
    const last = this.ops[this.ops.length - 1];
    if (last && last.op === 'update_node' && last.stopId === stopId && this.notes[this.notes.length - 1]?.kind === 'move_node') {
      Object.assign(last.set, set);
      this.replay();
    } else this.push({ op: 'update_node', stopId, set }, { kind: 'move_node', label: n.label });
    return true;
  }

  /** Removes the selected place (with its pathways) or pathway. False if nothing is selected. */
  removeSelected(): boolean {
    const { selected } = this;
    if (!selected) return false;
    if (selected.type === 'node') this.push({ op: 'remove_node', stopId: selected.id }, { kind: 'remove_node', label: this.nodeName(selected.id) });
    else this.push({ op: 'remove_edge', pathwayId: selected.id }, { kind: 'remove_edge', label: this.edgeLabel(this.edges.get(selected.id)!) });
    this.selected = null;
    return true;
  }

  /** Takes back the last operation. False if there is none. */
  undo(): boolean {
    if (!this.ops.length) return false;
    this.ops.pop();
    this.notes.pop();
    this.replay();
    return true;
  }
}
