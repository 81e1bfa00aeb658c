import { AppError } from '../../../core/errors.js';
import { AGG_FNS, FILTER_OPS, type AggFn, type AggSpec, type FilterOp, type RowFilter, type RowsParams } from '../query/query-rows.js';

/**
 * The query builder's GET form, pure: what was asked (kept as typed, to show the form again), the rows
 * parameters it means, and the field each query problem belongs to. Field names:
 *   col1 op1 val1 … (filter rows), select (columns, repeated), sort + dir, group (repeated), fn1 of1, fn2 of2
 *   (aggregations), limit, version, cursor + start (paging), rows (filter rows shown), addRow (one more row).
 */
export interface FilterRow {
  column: string;
  op: FilterOp;
  value: string;
}
export interface AggRow {
  fn: AggFn | '';
  column: string;
}

export interface QueryForm {
  filters: FilterRow[];
  select: string[];
  sort: string;
  dir: 'asc' | 'desc';
  groupBy: string[];
  aggs: AggRow[];
  limit: number;
  version?: number;
  cursor: string;
  /** Rows before this page (display and the SQL's OFFSET only; the API pages with the cursor). */
  start: number;
}

export const MIN_FILTER_ROWS = 3;
export const MAX_FILTER_ROWS = 10;
export const AGG_ROWS = 2;
export const DEFAULT_LIMIT = 20;
export const MAX_PAGE_LIMIT = 1000;

type Query = Record<string, unknown>;
const text = (v: unknown, max = 500): string => (Array.isArray(v) ? text(v[0], max) : typeof v === 'string' ? v.slice(0, max) : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => text(x, 300)).filter(Boolean);
const int = (v: unknown): number | undefined => (/^\d{1,9}$/.test(text(v)) ? Number(text(v)) : undefined);
const isOp = (v: string): v is FilterOp => (FILTER_OPS as readonly string[]).includes(v);
const isFn = (v: string): v is AggFn => (AGG_FNS as readonly string[]).includes(v);

/** How many filter rows to show: at least three, every filled one, one more when asked. */
export function filterRowCount(q: Query): number {
  let filled = 0;
  for (let i = 1; i <= MAX_FILTER_ROWS; i++) if (text(q[`col${i}`])) filled = i;
  const asked = Math.max(MIN_FILTER_ROWS, int(q.rows) ?? 0, filled);
  return Math.min(MAX_FILTER_ROWS, asked + (text(q.addRow) ? 1 : 0));
}

export function parseFilterRows(q: Query, count: number): FilterRow[] {
  return Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    const op = text(q[`op${i}`]);
    return { column: text(q[`col${i}`], 300), op: isOp(op) ? op : 'eq', value: text(q[`val${i}`]) };
  });
}

export function parseQueryForm(q: Query): QueryForm {
  const version = int(q.version);
  const limit = int(q.limit);
  return {
    filters: parseFilterRows(q, filterRowCount(q)),
    select: list(q.select),
    sort: text(q.sort, 300),
    dir: text(q.dir) === 'desc' ? 'desc' : 'asc',
    groupBy: list(q.group),
    aggs: Array.from({ length: AGG_ROWS }, (_, k) => {
      const fn = text(q[`fn${k + 1}`]);
      return { fn: isFn(fn) ? fn : '', column: text(q[`of${k + 1}`], 300) };
    }),
    limit: limit === undefined ? DEFAULT_LIMIT : Math.min(Math.max(limit, 1), MAX_PAGE_LIMIT),
    ...(version !== undefined ? { version } : {}),
    cursor: text(q.cursor, 20000),
    start: int(q.start) ?? 0,
  };
}

/** Param names given to queryRows, so its errors name the form field: `filter<i>` for filter row i. */
export const filterParam = (i: number) => `filter${i}`;

/** A row is used when it names a column; its value may be empty only for `isnull` (then: is null). */
export function filtersOf(rows: FilterRow[]): { filters: RowFilter[]; missing: number[] } {
  const filters: RowFilter[] = [];
  const missing: number[] = [];
  rows.forEach((r, k) => {
    if (!r.column) return;
    if (r.op === 'isnull') filters.push({ column: r.column, op: r.op, value: r.value || 'true', param: filterParam(k + 1) });
    else if (r.value === '') missing.push(k + 1);
    else filters.push({ column: r.column, op: r.op, value: r.value, param: filterParam(k + 1) });
  });
  return { filters, missing };
}

export const aggsOf = (rows: AggRow[]): AggSpec[] => rows.flatMap((a): AggSpec[] => (a.fn ? [a.column ? { fn: a.fn, column: a.column } : { fn: a.fn }] : []));

export const isGrouped = (form: Pick<QueryForm, 'groupBy' | 'aggs'>) => form.groupBy.length > 0 || aggsOf(form.aggs).length > 0;

/** The rows parameters the form means (filters without a value are reported by filtersOf, not sent). */
export function rowsParamsOf(form: QueryForm): RowsParams {
  const params: RowsParams = { filters: filtersOf(form.filters).filters, limit: form.limit };
  if (isGrouped(form)) {
    if (form.groupBy.length) params.groupBy = form.groupBy;
    const aggs = aggsOf(form.aggs);
    if (aggs.length) params.agg = aggs;
  } else if (form.select.length) params.select = form.select;
  if (form.sort) params.sort = [{ column: form.sort, desc: form.dir === 'desc' }];
  if (form.version !== undefined) params.version = form.version;
  if (form.cursor) params.cursor = form.cursor;
  return params;
}

/** The form's own fields as URL pairs (for the next-page link), without paging. */
export function formPairs(form: QueryForm): Array<[string, string | number | undefined]> {
  const pairs: Array<[string, string | number | undefined]> = [];
  form.filters.forEach((f, k) => {
    if (!f.column) return;
    pairs.push([`col${k + 1}`, f.column], [`op${k + 1}`, f.op], [`val${k + 1}`, f.value]);
  });
  for (const s of form.select) pairs.push(['select', s]);
  if (form.sort) pairs.push(['sort', form.sort], ['dir', form.dir]);
  for (const g of form.groupBy) pairs.push(['group', g]);
  form.aggs.forEach((a, k) => {
    if (a.fn) pairs.push([`fn${k + 1}`, a.fn], [`of${k + 1}`, a.column]);
  });
  pairs.push(['limit', form.limit], ['version', form.version]);
  return pairs;
}

/** Which form field a query error belongs to (null: the query as a whole). */
export function fieldOfQueryError(error: AppError): string | null {
  const field = (error.details as { field?: unknown } | undefined)?.field;
  if (typeof field !== 'string') return null;
  const row = /^filter(\d+)$/.exec(field);
  if (row) {
    if (error.code === 'data.query_operator') return `op${row[1]}`;
    if (error.code === 'data.query_column') return `col${row[1]}`;
    return `val${row[1]}`;
  }
  return ({ select: 'select', sort: 'sort', group_by: 'group', agg: 'fn1', limit: 'limit' } as Record<string, string>)[field] ?? null;
}

/** Query problems are the reader's to fix; everything else goes to the error page. */
export const isQueryProblem = (error: unknown): error is AppError =>
  error instanceof AppError && error.status === 400 && /^data\.(query_|version_)/.test(error.code);
