import { refused } from './check-sql.js';
import type { TableRef } from './table-refs.js';

/**
 * The output check for queries that read a restricted dataset, on DuckDB's parse tree (before the query runs):
 * - the statement is one SELECT (no UNION …) and restricted tables appear only directly in its FROM clause
 *   (possibly joined with public tables or subqueries), never in a CTE or a subquery;
 * - it aggregates, and every output column is a GROUP BY key (by expression, alias or position), a constant, or
 *   an expression whose column references all sit inside an allowed aggregate (count, sum, avg, stddev, variance);
 * - an aggregate's argument is one bare column (or *), without FILTER, and DISTINCT only in count: conditional
 *   aggregates (`sum(CASE WHEN id = … THEN income END)`) would reveal one record's value inside a large group;
 * - no window functions (QUALIFY included), no subqueries among the outputs.
 * Group size (the sound method): the query is run with one extra column per restricted table reference,
 * `count(DISTINCT <ref>.__os_row)`, the number of that table's records (file row numbers) in the group, so a join
 * that repeats a record does not inflate it. A row whose smallest count is below k (DATA_MIN_CELL) is suppressed
 * whole, keys included (a key can itself identify a record), and listed in `suppressed` without its count.
 * The rules beyond the shape (identifying columns, dominance, near-unique grouping, tracker, differencing) are in
 * restricted-query.ts; every query is audited.
 */
export const ALLOWED_AGGREGATES = new Set([
  'count',
  'count_star',
  'sum',
  'avg',
  'mean',
  'stddev',
  'stddev_samp',
  'stddev_pop',
  'variance',
  'var_samp',
  'var_pop',
]);
export const COUNT_COLUMN = '__os_n';

// biome-ignore lint/suspicious/noExplicitAny: DuckDB's json_serialize_sql tree has no published type; the rules read it defensively
type Node = Record<string, any>;

const strip = (n: unknown): string => JSON.stringify(n, (k, v) => (k === 'alias' || k === 'query_location' ? undefined : v));
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface OutputPlan {
  /** The statement with the count columns appended; the caller deparses and runs it. */
  tree: unknown;
  countColumns: number;
}

/** The SELECT whose single output column is the record count of one restricted table reference (parsed by the caller). */
export const countSql = (ref: TableRef, i: number) => `SELECT count(DISTINCT ${ident(ref.qualifier)}.__os_row) AS ${ident(`${COUNT_COLUMN}${i}`)}`;

/** `countTrees`: the parse trees of countSql(ref, i) for each restricted reference, in order. */
export function planOutputCheck(tree: unknown, restricted: TableRef[], countTrees: unknown[]): OutputPlan {
  const statement = (tree as { statements: Node[] }).statements[0]!;
  const node = statement.node as Node;
  if (node.type !== 'SELECT_NODE') throw refused('restricted data: send one SELECT (no UNION, INTERSECT or EXCEPT)', { check: 'shape' });
  const nested = restricted.find((r) => !r.topFrom);
  if (nested)
    throw refused(`restricted data: "${nested.name}" may appear only in the FROM clause of the outer SELECT, not in a CTE or subquery`, {
      check: 'shape',
      table: nested.name,
    });
  const groups: Node[] = node.group_expressions ?? [];
  const groupKeys = new Set(groups.map(strip));
  const aliasKeys = new Set(groups.filter((g) => g.class === 'COLUMN_REF' && g.column_names?.length === 1).map((g) => String(g.column_names[0]).toLowerCase()));
  const positions = new Set(groups.filter((g) => g.class === 'CONSTANT' && typeof g.value?.value === 'number').map((g) => Number(g.value.value) - 1));
  const selectList: Node[] = node.select_list ?? [];
  let aggregates = 0;

  const allowed = (e: Node): boolean => {
    if (!e || typeof e !== 'object') return true;
    if (groupKeys.has(strip(e))) return true;
    if (e.class === 'WINDOW' || e.type === 'WINDOW_AGGREGATE') throw refused('restricted data: window functions are not allowed', { check: 'aggregate' });
    if (e.class === 'SUBQUERY') throw refused('restricted data: no subqueries among the output columns', { check: 'aggregate' });
    if (e.class === 'STAR' || e.class === 'COLUMN_REF') return false;
    if (e.class === 'FUNCTION' && ALLOWED_AGGREGATES.has(String(e.function_name).toLowerCase())) {
      checkAggregate(e);
      aggregates++;
      return true;
    }
    return Object.values(e).every((v) => (Array.isArray(v) ? v.every((x) => allowed(x as Node)) : v && typeof v === 'object' ? allowed(v as Node) : true));
  };

  selectList.forEach((item, i) => {
    const key = positions.has(i) || (item.alias && aliasKeys.has(String(item.alias).toLowerCase()));
    if (!key && !allowed(item)) {
      throw refused(
        `restricted data: row-level output; output column ${i + 1} (${item.alias || describe(item)}) must be a GROUP BY key or an aggregate (${[...ALLOWED_AGGREGATES].join(', ')})`,
        { check: 'aggregate', column: i + 1 },
      );
    }
  });
  for (const part of [node.having, node.qualify]) if (part) scanAggregates(part);
  if (node.qualify) throw refused('restricted data: QUALIFY (window functions) is not allowed', { check: 'aggregate' });
  if (!groups.length && aggregates === 0)
    throw refused('restricted data: row-level output; the query must aggregate (GROUP BY with count, sum, avg …)', { check: 'aggregate' });

  for (const t of countTrees) selectList.push((t as { statements: Node[] }).statements[0]!.node.select_list[0]);
  return { tree, countColumns: restricted.length };
}

function checkAggregate(e: Node) {
  const name = String(e.function_name).toLowerCase();
  const args: Node[] = e.children ?? [];
  if (e.filter) throw refused(`restricted data: ${name}() with FILTER is not allowed`, { check: 'aggregate' });
  if (e.distinct && name !== 'count') throw refused(`restricted data: DISTINCT only in count()`, { check: 'aggregate' });
  if (e.order_bys?.orders?.length) throw refused(`restricted data: ${name}() with ORDER BY is not allowed`, { check: 'aggregate' });
  const bare = name === 'count_star' ? args.length === 0 : args.length === 1 && args[0]!.class === 'COLUMN_REF';
  if (!bare) throw refused(`restricted data: ${name}() takes one plain column here (no expressions such as CASE inside an aggregate)`, { check: 'aggregate' });
}

/** Aggregates in HAVING follow the same rules; other functions are free there. */
function scanAggregates(e: unknown) {
  if (!e || typeof e !== 'object') return;
  const o = e as Node;
  if (o.class === 'WINDOW') throw refused('restricted data: window functions are not allowed', { check: 'aggregate' });
  if (o.class === 'FUNCTION' && ALLOWED_AGGREGATES.has(String(o.function_name).toLowerCase())) checkAggregate(o);
  for (const v of Object.values(o)) scanAggregates(v);
}

const describe = (e: Node) =>
  e.class === 'COLUMN_REF' ? (e.column_names ?? []).join('.') : e.class === 'STAR' ? '*' : String(e.function_name ?? e.class ?? 'expression').toLowerCase();
