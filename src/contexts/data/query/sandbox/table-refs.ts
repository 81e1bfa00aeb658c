/**
 * The sandbox views a checked parse tree reads (json_serialize_sql's BASE_TABLE nodes that are not the query's own
 * CTEs, with the same scoping as check-sql.ts), and whether each one sits directly in the top-level SELECT's FROM
 * clause (possibly inside joins): the output check allows restricted tables only there.
 */
export interface TableRef {
  /** The view name as written, lower-cased (`air_quality_daily`, `air-quality-daily@v1`). */
  name: string;
  /** The name columns are qualified by: the alias, else the table name as written. */
  qualifier: string;
  topFrom: boolean;
}

type Node = Record<string, unknown>;

export function tableRefs(tree: unknown): TableRef[] {
  const root = tree as { statements?: Array<{ node?: Node }> };
  const node = root.statements?.[0]?.node;
  const refs: TableRef[] = [];
  const top = new Set<Node>();
  if (node && node.type === 'SELECT_NODE') collectFrom(node.from_table, top);
  visit(root.statements?.[0], new Set(), refs, top);
  return refs;
}

/** The BASE_TABLE nodes of a FROM clause reached through joins only (not subqueries). */
function collectFrom(from: unknown, into: Set<Node>) {
  const o = from as Node | null;
  if (!o || typeof o !== 'object') return;
  if (o.type === 'BASE_TABLE') into.add(o);
  if (o.type === 'JOIN') {
    collectFrom(o.left, into);
    collectFrom(o.right, into);
  }
}

function visit(node: unknown, ctes: ReadonlySet<string>, refs: TableRef[], top: ReadonlySet<Node>): void {
  if (Array.isArray(node)) {
    for (const n of node) visit(n, ctes, refs, top);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Node;
  let scope = ctes;
  const map = (o.cte_map as { map?: Array<{ key?: unknown }> } | undefined)?.map;
  if (Array.isArray(map) && map.length) scope = new Set([...ctes, ...map.map((e) => String(e.key).toLowerCase())]);
  if (o.type === 'BASE_TABLE') {
    const name = String(o.table_name ?? '').toLowerCase();
    if (!scope.has(name)) refs.push({ name, qualifier: String(o.alias || o.table_name || ''), topFrom: top.has(o) });
  }
  for (const value of Object.values(o)) if (value && typeof value === 'object') visit(value, scope, refs, top);
}
