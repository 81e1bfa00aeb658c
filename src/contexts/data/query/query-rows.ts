import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import type { FieldType, TableSchema } from '../domain/table-schema.js';
import { findVersion, parseJson } from '../store/dataset.repository.js';
import type { DatasetRow, ResourceRow, VersionRow } from '../store/tables.js';
import { type BuiltQuery, buildQuery, TOTAL_ALIAS } from './build-query.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { cachedTotal, matchShare, noteMatchShare, parquetFileOf, readRowsWarm, tableInfo, type TableInfo } from './duck.js';
import { preferNativeCopy } from './native-copy.js';

/**
 * Rows of a published table version: filters, column selection, sort, keyset (cursor) paging, aggregation.
 * The native API (`GET /api/v1/data/datasets/{id}/rows`), CKAN `datastore_search` and the Seoul URL shim all
 * call this one function.
 */

export const FILTER_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains', 'startswith', 'isnull'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface RowFilter {
  column: string;
  op: FilterOp;
  /** As text from a URL ('2020', 'true'), or already typed; `in` takes a list (or a comma-separated text). */
  value: string | number | boolean | null | Array<string | number | boolean | null>;
  /** The query parameter the filter came from, named in errors; default `<column>__<op>`. */
  param?: string;
}

export interface SortKey {
  column: string;
  desc?: boolean;
}

export const AGG_FNS = ['count', 'sum', 'avg', 'min', 'max'] as const;
export type AggFn = (typeof AGG_FNS)[number];
/** `count` alone counts rows; the others (and `count` with a column: non-null values) take a column. */
export interface AggSpec {
  fn: AggFn;
  column?: string;
}

export interface RowsParams {
  filters?: RowFilter[];
  /** Columns to return (rows mode); default: every column of the schema. */
  select?: string[];
  /** Default: file order. Ties are broken by file order, so paging is stable. */
  sort?: SortKey[];
  /** 1–10,000; default 100. */
  limit?: number;
  /** The opaque `next` cursor of a previous page; it pins the version that page was read from. */
  cursor?: string;
  /** For the compatibility layers only (CKAN offset, Seoul START): capped at MAX_OFFSET, never with a cursor. */
  offset?: number;
  /** Aggregation: group by these columns … */
  groupBy?: string[];
  /** … computing these (outputs named `count`, `<column>__sum`, `<column>__avg`, …). */
  agg?: AggSpec[];
  /** Version number; default the latest published. */
  version?: number;
  /** ISO instant: the version that was current then. */
  asOf?: string;
  /** A resource id of the dataset; default its first table. */
  resource?: string;
  /** Adds `__row`, the 0-based position of the row in the file (rows mode). */
  rowId?: boolean;
}

export interface RowsField {
  name: string;
  type: FieldType;
}

export interface RowsResult {
  dataset: { id: string; title: { ko: string | null; en: string | null } };
  resource: { id: string; name: string };
  version: { id: string; number: number; publishedAt: string | null; rows: number };
  fields: RowsField[];
  /** Exact number of rows (or groups) matching the filters. */
  total: number;
  /** Values are JSON: integers as numbers (text beyond 2^53), dates as 'YYYY-MM-DD', timestamps as 'YYYY-MM-DD HH:MM:SS'. */
  rows: Array<Record<string, unknown>>;
  /** Cursor of the next page, or null on the last page. */
  next: string | null;
}

export const DEFAULT_LIMIT = 100;
/**
 * The keys-first page (one scan for page and total, then the page's rows by rowid) when the filters' shape last
 * matched at most this share of the rows: ~45% less CPU than page + count for a filter matching 0.08% of 10M rows,
 * break-even near 10%, 4× more when everything matches (bench/query.ts; measured on DuckDB 1.5).
 */
export const KEYS_FIRST_MAX_SHARE = 0.02;
export const MAX_LIMIT = 10_000;
export const MAX_OFFSET = 10_000_000;

export interface OpenedVersion {
  dataset: DatasetRow;
  resource: ResourceRow;
  version: VersionRow;
  /** The table to query: this replica's native copy of a large version when ready (native-copy.ts), else the file. */
  table: TableInfo;
  /** The Parquet file itself: faster than the copy for pages in file order without filters (row-group skipping). */
  fileTable: TableInfo;
}

/** The asked-for published version of an open dataset and its file, with the columns its Table Schema names (types from the schema). */
export async function openVersion(services: Services, datasetId: string, q: { version?: number; asOf?: string; resource?: string }): Promise<OpenedVersion> {
  let asOf: string | undefined;
  if (q.asOf !== undefined) {
    const at = new Date(q.asOf);
    if (Number.isNaN(at.getTime())) throw new AppError('data.query_value', 'Parameter "asOf": an ISO 8601 date or date-time', 400, { field: 'asOf' });
    asOf = at.toISOString();
  }
  const found = await findVersion(services.db, datasetId, { version: q.version, asOf, resource: q.resource });
  // Restricted data (e.g. the Big Data Campus kind) is never served by the open query API; approved access comes later.
  if (found.dataset.restricted) throw new AppError('data.restricted', 'The rows of this dataset are restricted', 403);
  const file = await parquetFileOf(services, found.version);
  // Cursors and cached totals are keyed by the version, not by where its file lies on this machine: a cursor goes on
  // on another replica (its own cache path) and after the file moves into the lake layout (relayout-versions.ts).
  const inFile = { ...(await tableInfo(services, file)), identity: `version:${found.version.id}` };
  const schema = parseJson<TableSchema>(found.version.schema, { fields: [] });
  const typed = (info: TableInfo): TableInfo => {
    if (!schema.fields?.length) return info;
    const byName = new Map(info.columns.map((c) => [c.name, c]));
    const columns = schema.fields.flatMap((f) => {
      const col = byName.get(f.name);
      return col ? [{ ...col, type: f.type }] : [];
    });
    return { ...info, columns };
  };
  return { ...found, table: typed(preferNativeCopy(services, found.version.parquet_path!, file, inFile)), fileTable: typed(inFile) };
}

export const describeVersion = (o: Pick<OpenedVersion, 'dataset' | 'resource' | 'version'>) => ({
  dataset: { id: o.dataset.id, title: { ko: o.dataset.title_ko, en: o.dataset.title_en } },
  resource: { id: o.resource.id, name: o.resource.name },
  version: { id: o.version.id, number: o.version.version, publishedAt: o.version.published_at, rows: o.version.rows },
});

/** DuckDB's conversion errors (a value the checks let through but the cast refused) are the caller's mistake. */
export function asQueryError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  if (/^(Conversion|Out of Range) Error/.test(message)) {
    return new AppError('data.query_value', `A filter value does not fit its column: ${message.split('\n')[0]}`, 400);
  }
  return error;
}

/** The filters' shape: the count's SQL on the table of record (values apart). */
const shapeOf = (table: TableInfo, built: BuiltQuery) => `${table.identity ?? table.source}|${built.countSql}`;

/** Whether this page is read keys first: it can be, and its filters matched few rows last time (never on first sight). */
export function readsKeysFirst(table: TableInfo, built: BuiltQuery): boolean {
  if (!built.keysFirst || built.countSql === null) return false;
  const share = matchShare(shapeOf(table, built));
  return share !== undefined && share <= KEYS_FIRST_MAX_SHARE;
}

export async function queryRows(services: Services, datasetId: string, params: RowsParams): Promise<RowsResult> {
  const cursor = params.cursor ? decodeCursor(params.cursor) : null;
  const opened = await openVersion(services, datasetId, cursor ? { resource: cursor.resource, version: cursor.version } : params);
  const spec = {
    filters: params.filters ?? [],
    select: params.select,
    sort: params.sort,
    limit: params.limit,
    offset: params.offset,
    groupBy: params.groupBy,
    agg: params.agg,
    rowId: params.rowId,
  };
  const inFileOrder = !spec.filters.length && !spec.sort?.length && spec.groupBy === undefined && spec.agg === undefined;
  const table = inFileOrder ? opened.fileTable : opened.table;
  const built = buildQuery(table, spec, cursor ? cursor.keys : null);
  if (cursor && cursor.hash !== built.hash) {
    throw new AppError('data.query_cursor', 'Parameter "cursor": it belongs to a query with other filters, sort or grouping', 400, { field: 'cursor' });
  }
  // The page and the exact total at once, on two connections (the total of a filter is cached: files never change).
  // Grouped pages carry their number of groups; without filters the count is the file's.
  const count = async (): Promise<number> => {
    if (built.countSql === null) return built.mode === 'agg' ? 1 : table.rows;
    return cachedTotal(built.countKey, async () => Number((await readRowsWarm(services, built.countSql!, built.countValues))[0]!.n));
  };
  // Selective filters on a native copy: the page's rowids and the total in one scan, then those rows (build-query.ts,
  // keysFirst); else the page (late-materialised by DuckDB) and the total at once, on two connections.
  let page: Array<Record<string, unknown>>;
  let total: number;
  try {
    if (built.mode === 'agg') {
      page = await readRowsWarm(services, built.sql, built.values);
      total = page.length ? Number(page[0]![TOTAL_ALIAS]) : await count();
    } else if (built.keysFirst && readsKeysFirst(table, built)) {
      const [found] = await readRowsWarm(services, built.keysFirst.sql, built.values);
      total = Number(found!.n);
      const ids = (found!.ids ?? []) as Array<number | string>;
      page = ids.length ? await readRowsWarm(services, built.keysFirst.fetchSql, [`[${ids.join(',')}]`]) : [];
    } else {
      [page, total] = await Promise.all([readRowsWarm(services, built.sql, built.values), count()]);
    }
  } catch (error) {
    throw asQueryError(error);
  }
  if (built.mode === 'rows' && built.countSql !== null && table.rows > 0) noteMatchShare(shapeOf(table, built), total / table.rows);
  const more = page.length > built.limit;
  const rows = page.slice(0, built.limit);
  const last = rows.at(-1);
  const next =
    more && last
      ? encodeCursor({
          resource: opened.resource.id,
          version: opened.version.version,
          hash: built.hash,
          keys: built.keyAliases.map((a) =>
            last[a] === null || last[a] === undefined ? null : typeof last[a] === 'object' ? JSON.stringify(last[a]) : String(last[a]),
          ),
        })
      : null;
  for (const row of rows) {
    for (const a of built.keyAliases) delete row[a];
    delete row[TOTAL_ALIAS];
  }
  return { ...describeVersion(opened), fields: built.fields, total, rows, next };
}
