import type { ChangeOp } from '../use-cases/change-ops.js';
import { readNumber } from './editor-form.js';

/**
 * The revise form without script: every value a proposal sets (a width, a slope, a name …) as an input,
 * prefilled; submitting writes the typed values back into the same operations. Ids and links stay as they
 * were (changing what is connected is a new proposal). Slopes are shown and typed in percent.
 */
const NUMBERS = ['length', 'traversalTime', 'stairCount', 'maxSlope', 'minWidth', 'stepHeightCm', 'doorWidthCm'] as const;
const TEXTS = ['name', 'signpostedAs', 'reversedSignpostedAs'] as const;

export interface RevisableField {
  input: string;
  op: number;
  target: string;
  field: string;
  kind: 'number' | 'text';
  value: string;
}

type Values = Record<string, unknown>;
/** The object of an operation whose values the form shows: `set` of an update, the new node or pathway of an add. */
function valuesOf(op: ChangeOp): { target: string; values: Values } | null {
  switch (op.op) {
    case 'update_edge':
      return { target: op.pathwayId, values: op.set as Values };
    case 'update_node':
      return { target: op.stopId, values: op.set as Values };
    case 'add_edge':
      return { target: op.edge.pathwayId, values: op.edge as Values };
    case 'add_node':
      return { target: op.node.stopId, values: op.node as Values };
    default:
      return null;
  }
}

const shown = (field: string, v: unknown) =>
  v === null || v === undefined ? '' : field === 'maxSlope' && typeof v === 'number' ? String(Math.round(v * 1000) / 10) : String(v);

export function revisableFields(ops: ChangeOp[]): RevisableField[] {
  const out: RevisableField[] = [];
  ops.forEach((op, i) => {
    const o = valuesOf(op);
    if (!o) return;
    for (const field of NUMBERS)
      if (field in o.values) out.push({ input: `o${i}-${field}`, op: i, target: o.target, field, kind: 'number', value: shown(field, o.values[field]) });
    for (const field of TEXTS)
      if (field in o.values) out.push({ input: `o${i}-${field}`, op: i, target: o.target, field, kind: 'text', value: shown(field, o.values[field]) });
  });
  return out;
}

/** The operations with the typed values; `unreadable` lists inputs whose text is not a number. */
export function revisedOps(ops: ChangeOp[], form: Record<string, string>): { ops: ChangeOp[]; unreadable: string[] } {
  const copy = JSON.parse(JSON.stringify(ops)) as ChangeOp[];
  const unreadable: string[] = [];
  for (const f of revisableFields(copy)) {
    const text = form[f.input];
    if (text === undefined) continue;
    const values = valuesOf(copy[f.op]!)!.values;
    if (f.kind === 'text') {
      values[f.field] = text.trim() === '' ? null : text.trim();
      continue;
    }
    const n = readNumber(text);
    if (n === undefined) {
      unreadable.push(f.input);
      continue;
    }
    values[f.field] = f.field === 'maxSlope' && n !== null ? Math.round(n * 10) / 1000 : n;
  }
  return { ops: copy, unreadable };
}
