import { createHash } from 'node:crypto';
import { AppError } from '../../../core/errors.js';
import { ident } from '../lake/lake.js';
import { keysetCondition, type KeyDef } from './cursor.js';
import { type ColumnInfo, KEYS_FIRST_MAX_ROWS, type TableInfo } from './duck.js';
import { booleanFlag, listOf, normaliseValue, type RawValue } from './filter-values.js';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, type AggSpec, type RowFilter, type RowsField, type SortKey } from './query-rows.js';

/**
 * Pure SQL building for the rows API: no I/O. Identifiers are quoted with ident() and checked against the
 * file's columns first; every value is a bound parameter ($1, $2 …, bound as text and cast to the column's type);
 * the only other text put into SQL is DuckDB's own type names (checked by duck.familyOf) and integers we parsed.
 */
export interface QuerySpec {
  filters: RowFilter[];
  select?: string[];
  sort?: SortKey[];
  limit?: number;
  offset?: number;
  groupBy?: string[];
  agg?: AggSpec[];
  rowId?: boolean;
}

export interface BuiltQuery {
  mode: 'rows' | 'agg';
  /** The page: LIMIT limit + 1, so one extra row says whether there is a next page. */
  sql: string;
  values: string[];
  /** The exact total of rows (or groups) matching the filters; null when it is known without a query. */
  countSql: string | null;
  countValues: string[];
  /** Cache key of the total (filters only). */
  countKey: string;
  fields: RowsField[];
  keys: KeyDef[];
  /** Output columns that carry the keys of each row (removed before rows are returned). */
  keyAliases: string[];
  limit: number;
  hash: string;
  /**
   * Rows mode on a native copy (row ordinal `rowid`), no offset, a page of at most KEYS_FIRST_MAX_ROWS: the page and
   * its exact total in one scan of the filter and sort columns. `sql` (the page's values) returns `n`, the total of
   * the filters, and `ids`, the rowids of the page's rows in order (the keyset condition applies to them, not to the
   * count); `fetchSql` (one value: the ids as a list) reads those rows, with the same outputs and order as `sql` above.
   * Its cost grows with the number of matching rows (every match gets a sort key), so query-rows uses it for
   * selective filters only.
   */
  keysFirst: { sql: string; fetchSql: string } | null;
}

export const KEY_PREFIX = '__os_k';
/** A `contains` filter on this column name searches every column of the row. */
export const ANY_COLUMN = '*';

const columnError = (param: string, column: string) =>
  new AppError('data.query_column', `Parameter "${param}": no column "${column}" in this table`, 400, { field: param, column });

/** Columns by name, so unknown names are refused before any SQL is written. */
export function columnLookup(table: TableInfo) {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  return (name: string, param: string): ColumnInfo => {
    const col = byName.get(name);
    if (!col) throw columnError(param, name);
    return col;
  };
}

/** The WHERE clause of the filters, appending values to `values`. */
export function filterSql(filters: RowFilter[], column: (name: string, param: string) => ColumnInfo, values: string[], all: ColumnInfo[] = []): string[] {
  const param = (v: string) => {
    values.push(v);
    return `$${values.length}`;
  };
  return filters.map((f) => {
    const name = f.param ?? `${f.column}__${f.op}`;
    if (f.column === ANY_COLUMN && f.op === 'contains') {
      // Full text over the whole row (CKAN datastore_search's plain `q`): the text in any column, case-insensitive.
      const text = Array.isArray(f.value) ? String(f.value[0] ?? '') : String(f.value ?? '');
      return `contains(lower(concat_ws(' ', ${all.map((c) => `CAST(${ident(c.name)} AS VARCHAR)`).join(', ') || "''"})), lower(${param(text)}))`;
    }
    const col = column(f.column, name);
    const c = ident(col.name);
    const cast = (v: RawValue) => `CAST(${param(normaliseValue(v, col, name))} AS ${col.duckType})`;
    const single = (): RawValue => {
      const v = Array.isArray(f.value) ? (f.value[0] ?? null) : f.value;
      return v;
    };
    const comparable = () => {
      if (col.family === 'other') {
        throw new AppError('data.query_operator', `Parameter "${name}": "${f.op}" does not apply to column "${col.name}" (${col.duckType})`, 400, {
          field: name,
          op: f.op,
        });
      }
    };
    switch (f.op) {
      case 'eq':
      case 'ne': {
        comparable();
        const v = single();
        if (v === null) return f.op === 'eq' ? `${c} IS NULL` : `${c} IS NOT NULL`;
        return f.op === 'eq' ? `${c} = ${cast(v)}` : `${c} IS DISTINCT FROM ${cast(v)}`;
      }
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte': {
        comparable();
        const op = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[f.op];
        return `${c} ${op} ${cast(single())}`;
      }
      case 'in': {
        comparable();
        const list = listOf(f.value);
        if (list.length === 0 || list.length > 1000) {
          throw new AppError('data.query_value', `Parameter "${name}": give 1 to 1000 values, separated by commas`, 400, { field: name });
        }
        return `${c} IN (${list.map(cast).join(', ')})`;
      }
      case 'contains':
      case 'startswith': {
        const v = single();
        const text = v === null ? '' : String(v);
        const fn = f.op === 'contains' ? 'contains' : 'starts_with';
        return `${fn}(lower(CAST(${c} AS VARCHAR)), lower(${param(text)}))`;
      }
      case 'isnull':
        return booleanFlag(f.value, name) ? `${c} IS NULL` : `${c} IS NOT NULL`;
      default:
        throw new AppError('data.query_operator', `Parameter "${name}": unknown operator "${String(f.op)}"`, 400, { field: name });
    }
  });
}

export const AGG_NAME = (a: AggSpec) => (a.fn === 'count' && !a.column ? 'count' : `${a.column}__${a.fn}`);

function checkLimit(spec: QuerySpec): { limit: number; offset: number } {
  const limit = spec.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new AppError('data.query_limit', `Parameter "limit": an integer from 1 to ${MAX_LIMIT}`, 400, { field: 'limit', max: MAX_LIMIT });
  }
  const offset = spec.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new AppError('data.query_offset', `Parameter "offset": an integer from 0 to ${MAX_OFFSET}`, 400, { field: 'offset', max: MAX_OFFSET });
  }
  return { limit, offset };
}

/** Same filters, sort and grouping → same hash; a cursor only continues the query it came from. */
export function queryHash(spec: QuerySpec, table: TableInfo): string {
  const canonical = JSON.stringify({
    f: spec.filters.map((f) => [f.column, f.op, f.value]),
    s: spec.sort ?? [],
    g: spec.groupBy ?? null,
    a: spec.agg ?? null,
    t: table.identity ?? table.source,
  });
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

/**
 * Builds the page query and the count. `cursorKeys` are the key values of the last row of the previous page
 * (see cursor.ts). Offset is for the compatibility layers only; in file order without filters it becomes a
 * condition on the row ordinal, so deep pages cost no more than the first.
 */
export function buildQuery(table: TableInfo, spec: QuerySpec, cursorKeys: Array<string | null> | null): BuiltQuery {
  const column = columnLookup(table);
  const { limit, offset } = checkLimit(spec);
  if (offset && cursorKeys) throw new AppError('data.query_offset', 'Give either a cursor or an offset', 400, { field: 'offset' });
  const values: string[] = [];
  const where = filterSql(spec.filters, column, values, table.columns);
  const countValues = [...values];
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const countKey = `${table.identity ?? table.source}|${whereSql}|${JSON.stringify(values)}`;
  const hash = queryHash(spec, table);
  const param = (v: string) => {
    values.push(v);
    return `$${values.length}`;
  };
  const grouped = spec.groupBy !== undefined || spec.agg !== undefined;
  return grouped
    ? buildAgg(table, spec, column, { values, param, whereSql, countValues, countKey, hash, limit, offset, cursorKeys })
    : buildRows(table, spec, column, { values, param, whereSql, countValues, countKey, hash, limit, offset, cursorKeys });
}

interface Parts {
  values: string[];
  param: (v: string) => string;
  whereSql: string;
  countValues: string[];
  countKey: string;
  hash: string;
  limit: number;
  offset: number;
  cursorKeys: Array<string | null> | null;
}

const orderSql = (keys: KeyDef[]) => keys.map((k) => `${k.expr} ${k.desc ? 'DESC' : 'ASC'} NULLS LAST`).join(', ');
/**
 * The keys as they are: query-rows turns the last row's into the cursor's text (JSON numbers print exactly; dates,
 * timestamps and decimals come as DuckDB's text). Casting to VARCHAR here would run on every row before the top-N.
 */
const keySelect = (keys: KeyDef[]) => keys.map((k, i) => `${k.expr} AS "${KEY_PREFIX}${i}"`);
export const TOTAL_ALIAS = '__os_total';

function buildRows(table: TableInfo, spec: QuerySpec, column: ReturnType<typeof columnLookup>, p: Parts): BuiltQuery {
  const selected = (spec.select?.length ? spec.select : table.columns.map((c) => c.name)).map((name) => column(name, 'select'));
  const keys: KeyDef[] = (spec.sort ?? []).map((s) => {
    const col = column(s.column, 'sort');
    if (col.family === 'other') throw new AppError('data.query_sort', `Parameter "sort": column "${col.name}" cannot be sorted`, 400, { field: 'sort' });
    return { expr: ident(col.name), desc: !!s.desc, castType: col.duckType };
  });
  keys.push({ expr: table.rowId, desc: false, castType: 'BIGINT' });
  const conditions = p.whereSql ? [p.whereSql.slice('WHERE '.length)] : [];
  const after = p.cursorKeys ? keysetCondition(keys, p.cursorKeys, p.param) : null;
  if (after) conditions.push(after);
  let offsetSql = '';
  if (p.offset) {
    if (!spec.sort?.length && !p.whereSql && (table.rowId === 'file_row_number' || table.rowId === 'rowid')) conditions.push(`${table.rowId} >= ${p.offset}`);
    else offsetSql = ` OFFSET ${p.offset}`;
  }
  const outputs = [...selected.map((c) => ident(c.name)), ...(spec.rowId ? [`${table.rowId} AS "__row"`] : []), ...keySelect(keys)];
  const whereAll = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const byRowid = table.rowId === 'rowid' && !p.offset && p.limit + 1 <= KEYS_FIRST_MAX_ROWS;
  // On a native copy, late materialisation: the page's rowids on the filter and sort columns alone, then only those
  // rows' other columns (the rowid list is pushed into that scan: duck.ts). DuckDB does it itself up to 50 rows only.
  const sql = byRowid
    ? `SELECT ${outputs.join(', ')} FROM ${table.source} WHERE rowid IN (SELECT rowid FROM ${table.source}${whereAll} ORDER BY ${orderSql(keys)} LIMIT ${p.limit + 1}) ORDER BY ${orderSql(keys)}`
    : `SELECT ${outputs.join(', ')} FROM ${table.source}${whereAll} ORDER BY ${orderSql(keys)} LIMIT ${p.limit + 1}${offsetSql}`;
  // create_sort_key orders its blobs as ORDER BY orders the keys (same directions, NULLS LAST); rowid is the last key, so it is unique.
  const sortKey = `create_sort_key(${keys.map((k) => `${k.expr}, '${k.desc ? 'DESC' : 'ASC'} NULLS LAST'`).join(', ')})`;
  const keysFirst = byRowid
    ? {
        sql: `SELECT count(*) AS n, min_by(rowid, ${sortKey}, ${p.limit + 1})${after ? ` FILTER (WHERE ${after})` : ''} AS ids FROM ${table.source}${p.whereSql ? ` ${p.whereSql}` : ''}`,
        fetchSql: `SELECT ${outputs.join(', ')} FROM ${table.source} WHERE rowid IN (SELECT unnest(CAST($1 AS BIGINT[]))) ORDER BY ${orderSql(keys)}`,
      }
    : null;
  return {
    mode: 'rows',
    sql,
    values: p.values,
    countSql: p.whereSql ? `SELECT count(*) AS n FROM ${table.source} ${p.whereSql}` : null,
    countValues: p.countValues,
    countKey: p.countKey,
    fields: selected.map((c) => ({ name: c.name, type: c.type })),
    keys,
    keyAliases: keys.map((_, i) => `${KEY_PREFIX}${i}`),
    limit: p.limit,
    hash: p.hash,
    keysFirst,
  };
}

function buildAgg(table: TableInfo, spec: QuerySpec, column: ReturnType<typeof columnLookup>, p: Parts): BuiltQuery {
  if (spec.select?.length)
    throw new AppError('data.query_select', 'Parameter "select" does not apply with group_by/agg: the output is the groups and the aggregates', 400, {
      field: 'select',
    });
  const groups = (spec.groupBy ?? []).map((name) => column(name, 'group_by'));
  const aggs = spec.agg?.length ? spec.agg : [{ fn: 'count' as const }];
  const outputs = new Map<string, { sql: string; field: RowsField; castType: string }>();
  for (const g of groups) outputs.set(g.name, { sql: ident(g.name), field: { name: g.name, type: g.type }, castType: g.duckType });
  for (const a of aggs) {
    const name = AGG_NAME(a);
    if (outputs.has(name)) throw new AppError('data.query_agg', `Parameter "agg": "${name}" is given twice or is also a group column`, 400, { field: 'agg' });
    if (a.fn === 'count') {
      const sql = a.column ? `count(${ident(column(a.column, 'agg').name)})` : 'count(*)';
      outputs.set(name, { sql, field: { name, type: 'integer' }, castType: 'BIGINT' });
      continue;
    }
    if (!a.column) throw new AppError('data.query_agg', `Parameter "agg": ${a.fn} needs a column (${a.fn}:column)`, 400, { field: 'agg' });
    const col = column(a.column, 'agg');
    const c = ident(col.name);
    if (a.fn === 'sum' || a.fn === 'avg') {
      if (col.family !== 'integer' && col.family !== 'number') {
        throw new AppError('data.query_agg', `Parameter "agg": ${a.fn} needs a numeric column; "${col.name}" is ${col.type}`, 400, {
          field: 'agg',
          column: col.name,
        });
      }
      if (a.fn === 'avg') outputs.set(name, { sql: `avg(${c})`, field: { name, type: 'number' }, castType: 'DOUBLE' });
      else if (col.family === 'integer') outputs.set(name, { sql: `CAST(sum(${c}) AS HUGEINT)`, field: { name, type: 'integer' }, castType: 'HUGEINT' });
      else outputs.set(name, { sql: `CAST(sum(${c}) AS DOUBLE)`, field: { name, type: 'number' }, castType: 'DOUBLE' });
    } else {
      if (col.family === 'other') throw new AppError('data.query_agg', `Parameter "agg": ${a.fn} does not apply to "${col.name}"`, 400, { field: 'agg' });
      outputs.set(name, { sql: `${a.fn}(${c})`, field: { name, type: col.type }, castType: col.duckType });
    }
  }
  // Sort on outputs (`-count`, `-riders__sum` or `-sum:riders`), then on the remaining group columns: unique per group.
  const keys: KeyDef[] = [];
  const used = new Set<string>();
  for (const s of spec.sort ?? []) {
    const name = /^(count|sum|avg|min|max):(.+)$/.test(s.column) ? s.column.replace(/^(\w+):(.+)$/, '$2__$1') : s.column;
    const out = outputs.get(name);
    if (!out) throw columnError('sort', s.column);
    keys.push({ expr: ident(name), desc: !!s.desc, castType: out.castType });
    used.add(name);
  }
  for (const g of groups) if (!used.has(g.name)) keys.push({ expr: ident(g.name), desc: false, castType: g.duckType });
  const groupSql = groups.length ? ` GROUP BY ${groups.map((g) => ident(g.name)).join(', ')}` : '';
  const inner = `SELECT ${[...outputs].map(([name, o]) => `${o.sql} AS ${ident(name)}`).join(', ')} FROM ${table.source}${p.whereSql ? ` ${p.whereSql}` : ''}${groupSql}`;
  const conditions = p.cursorKeys && keys.length ? [keysetCondition(keys, p.cursorKeys, p.param)] : [];
  // The number of groups comes with the page (a window over the groups, before the keyset condition): one scan.
  const counted = `SELECT *, count(*) OVER () AS "${TOTAL_ALIAS}" FROM (${inner}) AS q`;
  const sql =
    `SELECT *${keys.length ? `, ${keySelect(keys).join(', ')}` : ''} FROM (${counted}) AS w${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}` +
    `${keys.length ? ` ORDER BY ${orderSql(keys)}` : ''} LIMIT ${p.limit + 1}${p.offset ? ` OFFSET ${p.offset}` : ''}`;
  return {
    mode: 'agg',
    sql,
    values: p.values,
    countSql: groups.length ? `SELECT count(*) AS n FROM (SELECT 1 FROM ${table.source}${p.whereSql ? ` ${p.whereSql}` : ''}${groupSql}) AS g` : null,
    countValues: p.countValues,
    countKey: `${p.countKey}|${groupSql}`,
    fields: [...outputs.values()].map((o) => o.field),
    keys,
    keyAliases: keys.map((_, i) => `${KEY_PREFIX}${i}`),
    limit: p.limit,
    hash: p.hash,
    keysFirst: null,
  };
}

/** Every matching row, in the asked order then file order: for downloads (no limit, no keys). */
export function buildExport(
  table: TableInfo,
  spec: Pick<QuerySpec, 'filters' | 'select' | 'sort' | 'limit'>,
): { sql: string; values: string[]; fields: RowsField[] } {
  if (spec.limit !== undefined && (!Number.isInteger(spec.limit) || spec.limit < 1)) {
    throw new AppError('data.query_limit', 'Parameter "limit": a positive integer', 400, { field: 'limit' });
  }
  const column = columnLookup(table);
  const values: string[] = [];
  const where = filterSql(spec.filters, column, values, table.columns);
  const selected = (spec.select?.length ? spec.select : table.columns.map((c) => c.name)).map((name) => column(name, 'select'));
  const order = [...(spec.sort ?? []).map((s) => `${ident(column(s.column, 'sort').name)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`), `${table.rowId} ASC`];
  const sql = `SELECT ${selected.map((c) => ident(c.name)).join(', ')} FROM ${table.source}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order.join(', ')}${spec.limit ? ` LIMIT ${spec.limit}` : ''}`;
  return { sql, values, fields: selected.map((c) => ({ name: c.name, type: c.type })) };
}
