import { findOpenResource } from '../../store/dataset.repository.js';
import type { Services } from '../../../../core/context.js';
import { ANY_COLUMN } from '../../query/build-query.js';
import { MAX_LIMIT, MAX_OFFSET, queryRows, type RowFilter, type SortKey } from '../../query/query-rows.js';
import { CKAN_FIELD_TYPE } from '../vocabularies.js';
import { bool, integer, invalid, list, notFoundError, object, required, text, type Params } from './params.js';

/**
 * datastore_search over a table resource's latest published version, through the rows query (queryRows):
 * `filters` {column: value | [values]} (equality, lists are IN), `q` as text (every word somewhere in the row) or
 * {column: text} (every word in that column), `fields`,
 * `sort` ("a desc, b"), `limit` (CKAN default 100; silently capped at our 10,000 as CKAN caps at its rows_max),
 * `offset` (up to 10,000,000), `include_total`, `records_format` objects|lists. `_id` is the row's 1-based
 * position in the file. `_links.next` carries a keyset cursor, so clients that follow it never pay for offsets.
 */
export const DATASTORE_DEFAULT_LIMIT = 100;

/** Only ours: set in `_links.next`; when present it wins over `offset` (which then only says where the page starts). */
const CURSOR = 'cursor';

function parseSortParam(raw: string): SortKey[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(.*?)(?:\s+(asc|desc))?$/i.exec(part)!;
      const column = m[1]!.trim().replace(/^"(.*)"$/, '$1');
      if (!column) throw invalid('sort', `Cannot sort by "${part}"`);
      return { column, desc: (m[2] ?? '').toLowerCase() === 'desc' };
    });
}

function parseFilters(p: Params): RowFilter[] {
  const filters: RowFilter[] = [];
  for (const [column, value] of Object.entries(object(p, 'filters') ?? {})) {
    if (Array.isArray(value)) filters.push({ column, op: 'in', value: value.map((v) => scalar(v, 'filters')), param: `filters.${column}` });
    else filters.push({ column, op: 'eq', value: scalar(value, 'filters'), param: `filters.${column}` });
  }
  const q = p.q;
  if (q !== undefined && q !== null && q !== '') {
    const byColumn = typeof q === 'object' || (typeof q === 'string' && q.trim().startsWith('{')) ? object(p, 'q') : null;
    if (byColumn) {
      for (const [column, value] of Object.entries(byColumn)) {
        for (const word of words(value, `q.${column}`)) filters.push({ column, op: 'contains', value: word, param: `q.${column}` });
      }
    } else {
      for (const word of words(q, 'q')) filters.push({ column: ANY_COLUMN, op: 'contains', value: word, param: 'q' });
    }
  }
  return filters;
}

/**
 * CKAN's full text: every word must be found (AND), as its PostgreSQL full-text query does. We match words as
 * substrings, case-insensitively, so two-syllable Korean words (`강남`) and parts of compounds (`강남구`) are found;
 * a word is searched in the whole row (plain `q`) or in one column (`q` as {column: text}).
 */
function words(value: unknown, field: string): string[] {
  if (typeof value !== 'string' && typeof value !== 'number') throw invalid(field, 'Must be text');
  const out = String(value).split(/\s+/).filter(Boolean);
  if (out.length > 20) throw invalid(field, 'At most 20 words');
  return out;
}

function scalar(v: unknown, field: string): string | number | boolean | null {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw invalid(field, 'Values must be text, numbers, booleans or lists of them');
}

export async function datastoreSearch(services: Services, p: Params, actionPath: string) {
  const resourceId = text(p, 'resource_id') ?? required(p, 'id');
  const resource = await findOpenResource(services.db, resourceId);
  if (!resource) throw notFoundError('Resource');
  if (resource.kind !== 'table') throw notFoundError('Resource in the DataStore');

  const limit = Math.min(integer(p, 'limit', { default: DATASTORE_DEFAULT_LIMIT, min: 0 }), MAX_LIMIT);
  const offset = integer(p, 'offset', { default: 0, min: 0, max: MAX_OFFSET });
  const includeTotal = bool(p, 'include_total', true);
  const recordsFormat = text(p, 'records_format') ?? 'objects';
  if (recordsFormat !== 'objects' && recordsFormat !== 'lists') throw invalid('records_format', 'Use objects or lists');
  if (bool(p, 'distinct', false)) throw invalid('distinct', 'distinct is not offered; use the native API group_by');
  const fields = list(p, 'fields');
  const sortText = text(p, 'sort');
  const cursor = text(p, CURSOR);
  const filters = parseFilters(p);

  const result = await queryRows(services, resource.dataset_id, {
    resource: resource.id,
    filters,
    select: fields?.filter((f) => f !== '_id'),
    sort: sortText ? parseSortParam(sortText) : undefined,
    // limit 0 (CKAN: "only the total and fields") reads one row and returns none.
    limit: Math.max(limit, 1),
    ...(cursor ? { cursor } : { offset }),
    rowId: true,
  });
  const rows = limit === 0 ? [] : result.rows;
  const wantId = !fields || fields.includes('_id');
  const columns = [...(wantId ? [{ id: '_id', type: 'int' }] : []), ...result.fields.map((f) => ({ id: f.name, type: CKAN_FIELD_TYPE[f.type] ?? 'text' }))];
  const records = rows.map((row) => {
    const { __row, ...rest } = row;
    return wantId ? { _id: Number(__row) + 1, ...rest } : rest;
  });

  const link = (extra: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined || v === null || k === 'offset' || k === CURSOR) continue;
      q.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return `${actionPath}?${q.toString()}`;
  };
  const nextOffset = String(offset + rows.length);
  return {
    include_total: includeTotal,
    resource_id: resource.id,
    records_format: recordsFormat,
    fields: columns,
    records: recordsFormat === 'lists' ? records.map((r) => columns.map((c) => (r as Record<string, unknown>)[c.id] ?? null)) : records,
    limit,
    offset,
    ...(includeTotal ? { total: result.total, total_was_estimated: false } : {}),
    ...(sortText ? { sort: sortText } : {}),
    ...(p.filters !== undefined ? { filters: object(p, 'filters') } : {}),
    version: result.version.number,
    _links: {
      start: link({}),
      next: result.next && limit > 0 ? link({ offset: nextOffset, [CURSOR]: result.next }) : link({ offset: nextOffset }),
    },
  };
}
