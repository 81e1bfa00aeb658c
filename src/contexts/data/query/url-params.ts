import { AppError } from '../../../core/errors.js';
import { AGG_FNS, FILTER_OPS, type AggFn, type AggSpec, type FilterOp, type RowFilter, type RowsParams, type SortKey } from './query-rows.js';

/**
 * The URL grammar of the rows API and downloads (in the style of data.gouv.fr's tabular API):
 *   col=value (equals) · col__op=value with op in eq ne lt lte gt gte in contains startswith isnull
 *   select=a,b · sort=-a,b · limit=100 · cursor=… · group_by=a,b · agg=count,sum:x,avg:y,min:z,max:z
 *   version=3 · asOf=2026-01-01T00:00:00Z · resource=<id>
 * Reserved names win over columns of the same name: filter those with `name__eq=`. Names are split on commas;
 * a value given twice is two filters (both must hold). Column names are checked later against the table.
 */
export const RESERVED = ['select', 'sort', 'limit', 'cursor', 'group_by', 'agg', 'version', 'asOf', 'resource', 'lang', 'offset'] as const;
const reserved = new Set<string>(RESERVED);
const ops = new Set<string>(FILTER_OPS);
const fns = new Set<string>(AGG_FNS);

const names = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v])
    .flatMap((x) => String(x).split(','))
    .map((x) => x.trim())
    .filter(Boolean);

/** `a__gte=1` → { column: 'a', op: 'gte' }; `a__b=1` (b not an operator) → column 'a__b', eq. */
export function splitFilterKey(key: string): { column: string; op: FilterOp } {
  const at = key.lastIndexOf('__');
  if (at > 0) {
    const op = key.slice(at + 2);
    if (ops.has(op)) return { column: key.slice(0, at), op: op as FilterOp };
  }
  return { column: key, op: 'eq' };
}

export function parseSort(v: unknown): SortKey[] {
  return names(v).map((s) => (s.startsWith('-') ? { column: s.slice(1), desc: true } : { column: s.replace(/^\+/, ''), desc: false }));
}

export function parseAgg(v: unknown): AggSpec[] {
  return names(v).map((token) => {
    const [fn, ...rest] = token.split(':');
    const column = rest.join(':');
    if (!fn || !fns.has(fn)) {
      throw new AppError('data.query_agg', `Parameter "agg": "${token}" is not one of count, count:x, sum:x, avg:x, min:x, max:x`, 400, {
        field: 'agg',
        value: token,
      });
    }
    return column ? { fn: fn as AggFn, column } : { fn: fn as AggFn };
  });
}

const integer = (v: unknown, field: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new AppError('data.query_value', `Parameter "${field}": an integer`, 400, { field });
  return n;
};

/** The rows parameters of an HTTP query string. `offset` is refused here: the native API pages with cursors. */
export function rowsParamsFromQuery(query: Record<string, unknown>): RowsParams {
  if (query.offset !== undefined) {
    throw new AppError('data.query_offset', 'Parameter "offset": this API pages with the "next" cursor of each response', 400, { field: 'offset' });
  }
  const filters: RowFilter[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (reserved.has(key) || raw === undefined) continue;
    const { column, op } = splitFilterKey(key);
    const list = Array.isArray(raw) ? raw : [raw];
    if (op === 'in') filters.push({ column, op, value: list.map(String), param: key });
    else for (const value of list) filters.push({ column, op, value: String(value), param: key });
  }
  const params: RowsParams = { filters };
  if (query.select !== undefined) params.select = names(query.select);
  if (query.sort !== undefined) params.sort = parseSort(query.sort);
  if (query.limit !== undefined) params.limit = integer(query.limit, 'limit');
  if (typeof query.cursor === 'string' && query.cursor) params.cursor = query.cursor;
  if (query.group_by !== undefined) params.groupBy = names(query.group_by);
  if (query.agg !== undefined) params.agg = parseAgg(query.agg);
  if (query.version !== undefined) params.version = integer(query.version, 'version');
  if (typeof query.asOf === 'string' && query.asOf) params.asOf = query.asOf;
  if (typeof query.resource === 'string' && query.resource) params.resource = query.resource;
  return params;
}
