import type { RowFilter, RowsParams } from '../query/query-rows.js';
import { RESERVED, splitFilterKey } from '../query/url-params.js';
import { dataLinks, queryString } from './data-links.js';

/**
 * The rows API address that answers the same question as the query builder (the grammar of
 * query/url-params.ts): `column=value` for equality when that reads back the same, else `column__op=value`;
 * then select, group_by, agg, sort, limit, version and cursor.
 */
const reserved = new Set<string>(RESERVED);

/** The query parameter name of a filter, in its shortest form that parses back to the same column and operator. */
export function filterKey(f: Pick<RowFilter, 'column' | 'op'>): string {
  const plain = f.op === 'eq' && !reserved.has(f.column) && splitFilterKey(f.column).column === f.column;
  return plain ? f.column : `${f.column}__${f.op}`;
}

const valueText = (v: RowFilter['value']): string => (Array.isArray(v) ? v.map((x) => (x === null ? '' : String(x))).join(',') : v === null ? '' : String(v));

export function rowsApiPairs(params: RowsParams): Array<[string, string | number | undefined]> {
  const pairs: Array<[string, string | number | undefined]> = (params.filters ?? []).map((f) => [filterKey(f), valueText(f.value)]);
  if (params.select?.length) pairs.push(['select', params.select.join(',')]);
  if (params.groupBy?.length) pairs.push(['group_by', params.groupBy.join(',')]);
  if (params.agg?.length) pairs.push(['agg', params.agg.map((a) => (a.column ? `${a.fn}:${a.column}` : a.fn)).join(',')]);
  if (params.sort?.length) pairs.push(['sort', params.sort.map((s) => `${s.desc ? '-' : ''}${s.column}`).join(',')]);
  pairs.push(['limit', params.limit], ['version', params.version], ['cursor', params.cursor]);
  return pairs;
}

/** `/api/v1/data/datasets/{id}/rows?…` for these parameters. */
export const rowsApiUrl = (datasetId: string, params: RowsParams) => dataLinks.rows(datasetId, queryString(rowsApiPairs(params)));

/**
 * The same address for people to read and copy: only the characters that would change its meaning are escaped
 * (`%`, `&`, `=`, `#`, `+`, `?`, spaces and controls), so Korean column names and values stay readable.
 */
export function readableUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const part = (s: string) => decodeURIComponent(s.replace(/\+/g, ' ')).replace(/[%&=#+?\s\u0000-\u001f\u007f]/g, (c) => encodeURIComponent(c));
  const search = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? part(pair) : `${part(pair.slice(0, eq))}=${part(pair.slice(eq + 1))}`;
    });
  return `${url.slice(0, at)}?${search.join('&')}`;
}
