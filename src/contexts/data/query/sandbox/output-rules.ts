import { ruleText } from '../../domain/disclosure-rules.js';
import { refused } from './check-sql.js';
import { deparseSql, parseSql } from './parse-sql.js';
import type { TableRef } from './table-refs.js';

/**
 * Parse-tree work for the output rules that need more than the shape check (output-check.ts):
 * - identifying columns may appear only in range comparisons, count() or magnitude aggregates;
 * - hidden columns appended to the checked query: each restricted reference's record set
 *   (`list_sort(list(DISTINCT ref.__os_row))`, for the differencing guard) and, for each magnitude aggregate,
 *   the total and the two largest absolute contributions (for the dominance rules);
 * - the tracker query: the same FROM and GROUP BY without WHERE, counting per group the records whose membership
 *   changes when one part of the filter is replaced by TRUE or by FALSE.
 */
// biome-ignore lint/suspicious/noExplicitAny: DuckDB's json_serialize_sql tree has no published type; the rules read it defensively
type Node = Record<string, any>;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const firstItem = async (sql: string): Promise<Node> => ((await parseSql(sql)) as { statements: Node[] }).statements[0]!.node.select_list[0];
export const MEMBERS_COLUMN = '__os_m';
export const MAGNITUDE = new Set(['sum', 'avg', 'mean', 'stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop']);
export const MAX_FILTER_PARTS = 24;
const RANGE = new Set(['COMPARE_LESSTHAN', 'COMPARE_GREATERTHAN', 'COMPARE_LESSTHANOREQUALTO', 'COMPARE_GREATERTHANOREQUALTO', 'COMPARE_BETWEEN']);

/** Refuses an identifying column used other than in a range comparison, count() or a magnitude aggregate (grouping, equality, IN, functions). */
export function checkIdentifying(tree: unknown, identifying: ReadonlySet<string>) {
  const walk = (n: unknown, parent: Node | null): void => {
    if (Array.isArray(n)) {
      for (const x of n) walk(x, parent);
      return;
    }
    if (!n || typeof n !== 'object') return;
    const o = n as Node;
    if (o.class === 'COLUMN_REF') {
      const name = String((o.column_names as string[]).at(-1)).toLowerCase();
      // Ranges, counts and magnitudes (sum, avg …: a near-unique income is a measure; dominance, threshold and the
      // differencing guard protect its totals); never grouped by, matched by value, or passed through a function.
      const fn = parent?.class === 'FUNCTION' ? String(parent.function_name).toLowerCase() : '';
      const ok = parent && (RANGE.has(String(parent.type)) || fn === 'count' || MAGNITUDE.has(fn));
      if (identifying.has(name) && !ok) throw refused(ruleText('identifying', 0, name), { check: 'identifying', column: name });
      return;
    }
    for (const v of Object.values(o)) walk(v, o.class || o.type === 'BASE_TABLE' ? o : parent);
  };
  walk((tree as { statements: Node[] }).statements[0]!.node, null);
}

export interface HiddenColumns {
  members: number;
  magnitudes: number;
}

/** Appends the record-set columns (one per restricted reference) and the dominance columns (three per magnitude). */
export async function appendHiddenColumns(tree: unknown, restricted: TableRef[]): Promise<HiddenColumns> {
  const node = (tree as { statements: Node[] }).statements[0]!.node as Node;
  const list: Node[] = node.select_list;
  const magnitudes = new Map<string, Node>();
  const scan = (e: unknown) => {
    if (!e || typeof e !== 'object') return;
    const o = e as Node;
    if (o.class === 'FUNCTION' && MAGNITUDE.has(String(o.function_name).toLowerCase()) && o.children?.[0]?.class === 'COLUMN_REF') {
      const ref = (o.children[0].column_names as string[]).map(ident).join('.');
      magnitudes.set(ref, o.children[0]);
    }
    for (const v of Object.values(o)) scan(v);
  };
  for (const item of [...list]) scan(item);
  const extra: Node[] = [];
  for (const [i, r] of restricted.entries())
    extra.push(await firstItem(`SELECT list_sort(list(DISTINCT ${ident(r.qualifier)}.__os_row)) AS ${ident(`${MEMBERS_COLUMN}${i}`)}`));
  let j = 0;
  for (const ref of magnitudes.keys()) {
    extra.push(await firstItem(`SELECT sum(abs(${ref})) AS ${ident(`__os_t${j}`)}`), await firstItem(`SELECT max(abs(${ref}), 2) AS ${ident(`__os_x${j}`)}`));
    j++;
  }
  list.push(...extra);
  return { members: restricted.length, magnitudes: magnitudes.size };
}

export interface FilterPart {
  node: Node;
  path: Array<string | number>;
}

/** The parts of a WHERE clause: itself and every node reached through AND, OR and NOT. */
export function filterParts(where: Node | null): FilterPart[] {
  if (!where) return [];
  const parts: FilterPart[] = [];
  const walk = (n: Node, path: Array<string | number>) => {
    parts.push({ node: n, path });
    if (n.class === 'CONJUNCTION' || n.type === 'OPERATOR_NOT') (n.children as Node[]).forEach((c, i) => walk(c, [...path, 'children', i]));
  };
  walk(where, []);
  return parts;
}

function replaceAt(root: Node, path: Array<string | number>, by: Node): Node {
  if (!path.length) return by;
  const copy = structuredClone(root);
  // biome-ignore lint/suspicious/noExplicitAny: walks the same untyped DuckDB tree by path
  let at: any = copy;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path.at(-1)!] = by;
  return copy;
}

function substitute(e: unknown, names: Record<string, Node>): unknown {
  if (Array.isArray(e)) return e.map((x) => substitute(x, names));
  if (!e || typeof e !== 'object') return e;
  const o = e as Node;
  if (o.class === 'COLUMN_REF' && o.column_names?.length === 1 && names[o.column_names[0]]) return structuredClone(names[o.column_names[0]]);
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, substitute(v, names)]));
}

export interface TrackerPlan {
  tree: unknown;
  parts: FilterPart[];
  variants: Array<{ part: number; to: boolean }>;
  refs: number;
}

/**
 * The tracker query for an (unchanged) checked tree, or null when it has no WHERE. Per group and restricted
 * reference: the records the filter keeps, then for each variant the records whose membership it changes.
 */
export async function planTrackerQuery(original: unknown, restricted: TableRef[]): Promise<TrackerPlan | null> {
  const tree = structuredClone(original) as { statements: Node[] };
  const node = tree.statements[0]!.node as Node;
  const where = node.where_clause as Node | null;
  if (!where) return null;
  const parts = filterParts(where);
  if (parts.length > MAX_FILTER_PARTS) throw refused(`tracker: the filter has more than ${MAX_FILTER_PARTS} parts to check; simplify it`, { check: 'tracker' });
  const variants = parts.flatMap((_, part) =>
    part === 0
      ? [{ part, to: true }]
      : [
          { part, to: true },
          { part, to: false },
        ],
  );
  const select: Node[] = node.select_list;
  // GROUP BY 1 and GROUP BY <alias> name select items, which are about to be replaced: use their expressions.
  node.group_expressions = (node.group_expressions as Node[]).map((g) => {
    if (g.class === 'CONSTANT' && typeof g.value?.value === 'number') return { ...structuredClone(select[g.value.value - 1]), alias: '' };
    const alias =
      g.class === 'COLUMN_REF' && g.column_names?.length === 1
        ? select.find((s) => s.alias && String(s.alias).toLowerCase() === String(g.column_names[0]).toLowerCase())
        : undefined;
    return alias ? { ...structuredClone(alias), alias: '' } : g;
  });
  const bools = ((await parseSql('SELECT TRUE, FALSE')) as { statements: Node[] }).statements[0]!.node.select_list as Node[];
  const bool = (value: boolean) => structuredClone(bools[value ? 0 : 1]!);
  const items: Node[] = [];
  for (const [i, r] of restricted.entries()) {
    const row = `${ident(r.qualifier)}.__os_row`;
    const base = await firstItem(`SELECT count(DISTINCT CASE WHEN coalesce(__os_w, false) THEN ${row} END) AS ${ident(`__os_b${i}`)}`);
    items.push(substitute(base, { __os_w: where }) as Node);
    const changed = await firstItem(
      `SELECT count(DISTINCT CASE WHEN coalesce(__os_v, false) IS DISTINCT FROM coalesce(__os_w, false) THEN ${row} END) AS __os_c`,
    );
    variants.forEach((v, n) => {
      const variant = replaceAt(where, parts[v.part]!.path, bool(v.to));
      items.push({ ...(substitute(changed, { __os_v: variant, __os_w: where }) as Node), alias: `__os_c${i}_${n}` });
    });
  }
  node.select_list = items;
  node.where_clause = null;
  node.having = null;
  node.qualify = null;
  node.modifiers = [];
  return { tree, parts, variants, refs: restricted.length };
}

/** SQL text of a modified tree. The parser marks generated nodes with query_location 2^64−1, which a JSON number
 * cannot carry back (it rounds past the range): such locations become 0; none is needed to deparse. */
export async function deparseTree(tree: unknown): Promise<string> {
  return deparseSql(JSON.parse(JSON.stringify(tree, (key, v) => (key === 'query_location' && !Number.isSafeInteger(v) ? 0 : v))));
}

/** The index of the first variant that changes a kept group (≥ k records) by 1 to k−1 records, or -1. */
export function trackerHit(rows: unknown[][], plan: TrackerPlan, k: number): number {
  const width = 1 + plan.variants.length;
  for (const row of rows) {
    for (let r = 0; r < plan.refs; r++) {
      if (Number(row[r * width] ?? 0) < k) continue;
      for (let v = 0; v < plan.variants.length; v++) {
        const d = Number(row[r * width + 1 + v] ?? 0);
        if (d > 0 && d < k) return v;
      }
    }
  }
  return -1;
}

/** A filter part as SQL text, for the refusal (the analyst's own words back). */
export async function partText(part: FilterPart): Promise<string> {
  const tree = structuredClone(await parseSql('SELECT 1')) as { statements: Node[] };
  tree.statements[0]!.node.select_list = [part.node];
  return (await deparseTree(tree)).replace(/^SELECT\s+/i, '').slice(0, 200);
}
