import type { ChangeOp } from '../use-cases/change-ops.js';
import { EDGE_MODES, type EdgeMode, type EdgeView } from '../use-cases/interior-model.js';

/**
 * The editor's no-script form: one table row per pathway, its attributes as inputs. Submitting it turns the
 * fields that differ from the current interior into update_edge operations (one per pathway), and remembers
 * which input each operation field came from, so a refused proposal points back at the right input.
 */
export const TABLE_FIELDS = ['mode', 'length', 'minWidth', 'maxSlope', 'stepHeightCm', 'stairCount'] as const;
export type TableField = (typeof TABLE_FIELDS)[number];

export const inputName = (row: number, field: TableField | 'id') => `e-${row}-${field}`;

/** What an input shows for a value: unknown is empty. */
export const fieldText = (edge: EdgeView, field: TableField): string => {
  const v = edge[field];
  return v === null || v === undefined ? '' : String(v);
};

export interface TableOps {
  ops: ChangeOp[];
  /** `ops[i].set.maxSlope` (and `ops[i]`, `ops[i].pathwayId`) → the input it came from. */
  inputs: Map<string, string>;
  /** Inputs whose text is not a number (or not a mode): no operation is made for them. */
  unreadable: string[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

/** Reads a number as people type it: empty is unknown (null), a decimal comma is a point. Undefined when unreadable. */
export function readNumber(text: string): number | null | undefined {
  const t = text.trim().replace(/,/g, '.');
  if (t === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** The update_edge operations of a submitted table: only pathways and fields that changed. */
export function opsFromTable(edges: EdgeView[], form: Record<string, unknown>): TableOps {
  const byId = new Map(edges.map((e) => [e.pathwayId, e]));
  const ops: ChangeOp[] = [];
  const inputs = new Map<string, string>();
  const unreadable: string[] = [];
  for (let row = 0; row < 5000; row++) {
    const idField = form[inputName(row, 'id')];
    if (idField === undefined) break;
    const edge = byId.get(str(idField));
    if (!edge) continue;
    const set: Partial<Record<TableField, unknown>> = {};
    const from: Partial<Record<TableField, string>> = {};
    for (const field of TABLE_FIELDS) {
      const name = inputName(row, field);
      if (form[name] === undefined) continue;
      const text = str(form[name]);
      if (field === 'mode') {
        if (!(EDGE_MODES as readonly string[]).includes(text)) {
          unreadable.push(name);
          continue;
        }
        if (text !== edge.mode) {
          set.mode = text as EdgeMode;
          from.mode = name;
        }
        continue;
      }
      const value = readNumber(text);
      if (value === undefined) {
        unreadable.push(name);
        continue;
      }
      if (value !== edge[field]) {
        set[field] = value;
        from[field] = name;
      }
    }
    const keys = Object.keys(set) as TableField[];
    if (!keys.length) continue;
    const i = ops.length;
    ops.push({ op: 'update_edge', pathwayId: edge.pathwayId, set: set as Extract<ChangeOp, { op: 'update_edge' }>['set'] });
    inputs.set(`ops[${i}]`, from[keys[0]!]!);
    inputs.set(`ops[${i}].pathwayId`, from[keys[0]!]!);
    for (const k of keys) inputs.set(`ops[${i}].set.${k}`, from[k]!);
  }
  return { ops, inputs, unreadable };
}
