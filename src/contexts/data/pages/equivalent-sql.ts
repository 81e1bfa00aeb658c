import { ident } from '../lake/lake.js';
import type { TypeFamily } from '../query/duck.js';
import type { AggSpec, RowFilter, RowsParams } from '../query/query-rows.js';
import { latestViewName, versionViewName } from '../query/sandbox/sandbox-tables.js';

/**
 * The DuckDB SQL, over the SQL sandbox's view of the dataset, that gives what the rows API gives for the same
 * parameters: shown beside the API address so people learn one from the other. For reading only: identifiers
 * are quoted, values become literals of the column's type (text quoted, numbers only when they are numbers),
 * so whatever was typed cannot change the statement's shape.
 */
export interface SqlColumn {
  name: string;
  family: TypeFamily;
}

/** The view the SQL sandbox shows: the latest version by name, an older one as "<id>@v<N>". */
export const sandboxView = (datasetId: string, version?: number) =>
  ident(version === undefined ? latestViewName(datasetId) : versionViewName(datasetId, version));

export const textLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A literal of the column's type; anything that is not a valid one of that type stays quoted text. */
export function sqlLiteral(value: string | number | boolean | null, family: TypeFamily | undefined): string {
  if (value === null) return 'NULL';
  const text = String(value).trim();
  switch (family) {
    case 'integer':
    case 'number':
      return NUMBER.test(text) ? text.replace(/^\+/, '') : textLiteral(String(value));
    case 'boolean':
      return /^(true|1)$/i.test(text) ? 'TRUE' : /^(false|0)$/i.test(text) ? 'FALSE' : textLiteral(String(value));
    case 'date':
      return `DATE ${textLiteral(text)}`;
    case 'time':
      return `TIME ${textLiteral(text)}`;
    case 'timestamp':
      return `TIMESTAMP ${textLiteral(text.replace('T', ' '))}`;
    default:
      return textLiteral(String(value));
  }
}

const single = (v: RowFilter['value']) => (Array.isArray(v) ? (v[0] ?? null) : v);
type Scalar = string | number | boolean | null;
const items = (v: RowFilter['value']): Scalar[] => (Array.isArray(v) ? v : [v]).flatMap((x): Scalar[] => (typeof x === 'string' ? x.split(',') : [x]));

export function filterCondition(f: RowFilter, family: TypeFamily | undefined): string {
  const c = ident(f.column);
  const lit = (v: RowFilter['value']) => sqlLiteral(single(v), family);
  switch (f.op) {
    case 'eq':
      return single(f.value) === null ? `${c} IS NULL` : `${c} = ${lit(f.value)}`;
    case 'ne':
      return single(f.value) === null ? `${c} IS NOT NULL` : `${c} IS DISTINCT FROM ${lit(f.value)}`;
    case 'lt':
      return `${c} < ${lit(f.value)}`;
    case 'lte':
      return `${c} <= ${lit(f.value)}`;
    case 'gt':
      return `${c} > ${lit(f.value)}`;
    case 'gte':
      return `${c} >= ${lit(f.value)}`;
    case 'in':
      return `${c} IN (${items(f.value)
        .map((v) => sqlLiteral(v, family))
        .join(', ')})`;
    case 'contains':
    case 'startswith': {
      const target = family === 'string' ? c : `CAST(${c} AS VARCHAR)`;
      const fn = f.op === 'contains' ? 'contains' : 'starts_with';
      return `${fn}(lower(${target}), lower(${textLiteral(String(single(f.value) ?? ''))}))`;
    }
    case 'isnull':
      return /^(false|0)$/i.test(String(single(f.value)).trim()) ? `${c} IS NOT NULL` : `${c} IS NULL`;
  }
}

/** The output name the rows API gives an aggregate: `count`, `<column>__<fn>`. */
export const aggOutput = (a: AggSpec) => (a.fn === 'count' && !a.column ? 'count' : `${a.column}__${a.fn}`);
const aggExpr = (a: AggSpec) => (a.fn === 'count' && !a.column ? 'count(*)' : `${a.fn}(${ident(a.column ?? '')})`);
/** Sort names in aggregate mode may be written `sum:x` as well as `x__sum`. */
const sortName = (name: string) => name.replace(/^(count|sum|avg|min|max):(.+)$/, '$2__$1');

export function equivalentSql(datasetId: string, params: RowsParams, columns: SqlColumn[], opts: { offset?: number } = {}): string {
  const family = new Map(columns.map((c) => [c.name, c.family]));
  const where = (params.filters ?? []).map((f) => filterCondition(f, family.get(f.column)));
  const grouped = params.groupBy !== undefined || params.agg !== undefined;
  const lines: string[] = [];
  const order: string[] = [];
  if (grouped) {
    const groups = params.groupBy ?? [];
    const aggs = params.agg?.length ? params.agg : [{ fn: 'count' as const }];
    lines.push(`SELECT ${[...groups.map(ident), ...aggs.map((a) => `${aggExpr(a)} AS ${ident(aggOutput(a))}`)].join(', ')}`);
    const sorted = new Set<string>();
    for (const s of params.sort ?? []) {
      order.push(`${ident(sortName(s.column))} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`);
      sorted.add(sortName(s.column));
    }
    for (const g of groups) if (!sorted.has(g)) order.push(`${ident(g)} ASC NULLS LAST`);
    lines.push(`FROM ${sandboxView(datasetId, params.version)}`);
    if (where.length) lines.push(`WHERE ${where.join('\n  AND ')}`);
    if (groups.length) lines.push(`GROUP BY ${groups.map(ident).join(', ')}`);
  } else {
    lines.push(`SELECT ${params.select?.length ? params.select.map(ident).join(', ') : '*'}`);
    lines.push(`FROM ${sandboxView(datasetId, params.version)}`);
    if (where.length) lines.push(`WHERE ${where.join('\n  AND ')}`);
    for (const s of params.sort ?? []) order.push(`${ident(s.column)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`);
  }
  if (order.length) lines.push(`ORDER BY ${order.join(', ')}`);
  lines.push(`LIMIT ${params.limit ?? 100}${opts.offset ? ` OFFSET ${opts.offset}` : ''}`);
  return lines.join('\n');
}
