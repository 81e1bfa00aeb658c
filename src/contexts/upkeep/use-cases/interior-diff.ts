import type { Interior } from './interior-model.js';

/** One readable line of a diff: an element added or removed, or one field changed. */
export interface DiffEntry {
  entity: 'level' | 'node' | 'edge';
  id: string;
  change: 'added' | 'removed' | 'changed';
  field: string | null;
  before: unknown;
  after: unknown;
  /** A human label: the node's name, or "from → to" for a pathway. */
  label: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function diffList<T extends object>(entity: DiffEntry['entity'], a: T[], b: T[], key: (t: T) => string, label: (t: T) => string): DiffEntry[] {
  const before = new Map(a.map((x) => [key(x), x]));
  const after = new Map(b.map((x) => [key(x), x]));
  const out: DiffEntry[] = [];
  for (const [id, x] of before) {
    const y = after.get(id);
    if (!y) {
      out.push({ entity, id, change: 'removed', field: null, before: x, after: null, label: label(x) });
      continue;
    }
    for (const field of Object.keys({ ...x, ...y }) as Array<keyof T>) {
      if (!same(x[field], y[field]))
        out.push({ entity, id, change: 'changed', field: String(field), before: x[field] ?? null, after: y[field] ?? null, label: label(y) });
    }
  }
  for (const [id, y] of after) if (!before.has(id)) out.push({ entity, id, change: 'added', field: null, before: null, after: y, label: label(y) });
  return out;
}

/** What changed from one interior to another, element by element and field by field, in a stable order. */
export function diffInteriors(a: Interior, b: Interior): DiffEntry[] {
  const names = new Map([...a.nodes, ...b.nodes].map((n) => [n.stopId, n.name ?? n.stopId]));
  return [
    ...diffList(
      'level',
      a.levels,
      b.levels,
      (l) => l.levelId,
      (l) => l.levelName ?? l.levelId,
    ),
    ...diffList(
      'node',
      a.nodes,
      b.nodes,
      (n) => n.stopId,
      (n) => n.name ?? n.stopId,
    ),
    ...diffList(
      'edge',
      a.edges,
      b.edges,
      (e) => e.pathwayId,
      (e) => `${names.get(e.from) ?? e.from} → ${names.get(e.to) ?? e.to}`,
    ),
  ];
}

/** Keys of a diff in the form touchedKeys() uses, for conflict checks. */
export function diffKeys(entries: DiffEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const e of entries) {
    keys.add(`${e.entity}:${e.id}:${e.field ?? '*'}`);
    if (e.field === null) keys.add(`${e.entity}:${e.id}:any`);
  }
  return keys;
}

/** Keys in common between a proposal's writes and what changed since its base ("edge:x:*" overlaps any field of x). */
export function conflicting(writes: Set<string>, changed: Set<string>): string[] {
  const out: string[] = [];
  const changedEntities = new Set([...changed].map((k) => k.split(':').slice(0, -1).join(':')));
  const removedOrAdded = new Set([...changed].filter((k) => k.endsWith(':*')).map((k) => k.slice(0, -2)));
  for (const w of writes) {
    const entity = w.split(':').slice(0, -1).join(':');
    if (changed.has(w) || (w.endsWith(':*') && changedEntities.has(entity)) || removedOrAdded.has(entity)) out.push(w);
  }
  return out;
}
