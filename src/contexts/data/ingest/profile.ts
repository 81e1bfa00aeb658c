import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnProfile, TableField, TableSchema } from '../domain/table-schema.js';
import { ident, literal } from '../lake/lake.js';
import { queryRows, toNumber } from './duck.js';

export const HISTOGRAM_BINS = 10;
export const TOP_VALUES = 10;
const MAX_TEXT = 200;

const isNumeric = (f: TableField) => f.type === 'integer' || f.type === 'number';
const isTemporal = (f: TableField) => f.type === 'date' || f.type === 'datetime';

/** Bin units: numbers as they are, dates as days and date-times as seconds since 1970. */
const fromBinValue = (f: TableField, v: number): string | number => {
  if (f.type === 'date') return new Date(Math.round(v) * 86_400_000).toISOString().slice(0, 10);
  if (f.type === 'datetime') return new Date(Math.round(v * 1000)).toISOString().replace('.000Z', 'Z');
  return Math.round(v * 1e6) / 1e6;
};
/** A histogram key (bucket upper bound as DuckDB returns it) in bin-value units; Infinity for the overflow bucket. */
const keyValue = (f: TableField, key: unknown): number => {
  if (f.type === 'date') return Date.parse(`${String(key)}T00:00:00Z`) / 86_400_000;
  if (f.type === 'datetime') return Date.parse(`${String(key).replace(' ', 'T')}Z`) / 1000;
  return Number(key);
};
/** Bin edges lo..hi: ten equal widths; whole days or seconds for dates and date-times (fewer bins on short spans). */
function binEdges(f: TableField, lo: number, hi: number): number[] {
  if (!(hi > lo)) return [lo, hi];
  const raw = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, k) => (k === HISTOGRAM_BINS ? hi : lo + ((hi - lo) * k) / HISTOGRAM_BINS));
  return isNumeric(f) ? raw : [...new Set(raw.map((v) => Math.round(v)))];
}
/**
 * The bin of a value: how many inner edges it exceeds, so a value ≤ the first inner edge is in bin 0 and one above
 * the last in the last bin (DuckDB's `histogram(x, boundaries)` buckets, counted here over the column's groups).
 */
function binSql(f: TableField, v: string, edges: number[]): string {
  const inner = edges.slice(1, -1);
  const literalOf = (e: number) =>
    f.type === 'date' ? `DATE '${fromBinValue(f, e)}'` : f.type === 'datetime' ? `make_timestamp(${Math.round(e * 1e6)})` : `${e}`;
  const value = isNumeric(f) ? `CAST(${v} AS DOUBLE)` : v;
  return inner.length ? inner.map((e) => `CAST(${value} > ${literalOf(e)} AS INTEGER)`).join(' + ') : '0';
}

const clip = (v: unknown) => (typeof v === 'string' && v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT)}…` : v);
const scalar = (f: TableField, v: unknown): string | number | null => {
  if (v === null || v === undefined) return null;
  if (isNumeric(f)) return toNumber(v);
  return clip(String(v)) as string;
};

export interface ProfileResult {
  rows: number;
  columns: ColumnProfile[];
}

/** Min, max (as text) and nulls per column from the Parquet footer: no data page is read. */
async function footerStats(conn: DuckDBConnection, parquet: string) {
  const rows = await queryRows(
    conn,
    `SELECT path_in_schema AS name, num_values AS n, stats_null_count AS nulls, stats_min_value AS mn, stats_max_value AS mx FROM parquet_metadata(${literal(parquet)})`,
  );
  const byColumn = new Map<string, { rows: number; nulls: number; min: unknown[]; max: unknown[] }>();
  for (const r of rows) {
    const s = byColumn.get(String(r.name)) ?? { rows: 0, nulls: 0, min: [], max: [] };
    s.rows += toNumber(r.n) ?? 0;
    s.nulls += toNumber(r.nulls) ?? 0;
    if (r.mn !== null) s.min.push(r.mn);
    if (r.mx !== null) s.max.push(r.mx);
    byColumn.set(String(r.name), s);
  }
  return byColumn;
}

/** The smallest or largest of row groups' statistics, compared as the column's values (not as text). */
function extreme(f: TableField, values: unknown[], pick: 'min' | 'max'): number | string | null {
  if (!values.length) return null;
  const key = (v: unknown) => (isNumeric(f) ? Number(v) : keyValue(f, v));
  return values.reduce((a, b) => ((pick === 'min' ? key(b) < key(a) : key(b) > key(a)) ? b : a)) as number | string;
}

/**
 * Column profiles from the stored Parquet file. Row counts, nulls and the min and max of numbers and dates come
 * from the file's footer statistics. Everything else comes from one GROUP BY per column (its values with their
 * counts), all in one statement, each read once: the distinct count (the groups), the ten most frequent values,
 * the mean (Σ value × count ÷ Σ count), the min and max of text (footer statistics of long strings may be
 * truncated) and the histogram (each group's bin, its edges known from the footer). Every figure is exact: no
 * sample, no sketch, no estimate.
 */
export async function profileParquet(conn: DuckDBConnection, parquet: string, schema: TableSchema): Promise<ProfileResult> {
  const src = `read_parquet(${literal(parquet)})`;
  const fields = schema.fields;
  const footer = await footerStats(conn, parquet);
  const rows = footer.get(fields[0]?.name ?? '')?.rows ?? 0;
  const ranges = fields.map((f) => {
    const s = footer.get(f.name);
    if (!s || !(isNumeric(f) || isTemporal(f) || f.type === 'boolean')) return null;
    return { min: extreme(f, s.min, 'min'), max: extreme(f, s.max, 'max') };
  });
  const edgesOf = (f: TableField, range: { min: unknown; max: unknown }) => {
    const lo = isNumeric(f) ? Number(range.min) : keyValue(f, range.min);
    const hi = isNumeric(f) ? Number(range.max) : keyValue(f, range.max);
    return binEdges(f, lo, hi);
  };
  const hasHistogram = (f: TableField, i: number) => ranges[i] != null && ranges[i]!.min !== null && (isNumeric(f) || isTemporal(f));

  const parts = fields.flatMap((f, i) => {
    if (rows - (footer.get(f.name)?.nulls ?? 0) === 0) return [];
    const c = ident(f.name);
    const value = isNumeric(f) ? `CAST(v AS DOUBLE)` : `CAST(v AS VARCHAR)`;
    const items = [
      `'groups': (SELECT count(*) FROM g)`,
      `'top': (SELECT list({'value': ${value}, 'count': n} ORDER BY n DESC, v) FROM (SELECT v, n FROM g ORDER BY n DESC, v LIMIT ${TOP_VALUES}))`,
    ];
    if (f.type === 'integer') items.push(`'mean': (SELECT CAST(sum(CAST(v AS HUGEINT) * n) AS DOUBLE) / sum(n) FROM g)`);
    else if (f.type === 'number') items.push(`'mean': (SELECT fsum(v * n) / sum(n) FROM g)`);
    if (!ranges[i]) items.push(`'mn': (SELECT CAST(min(v) AS VARCHAR) FROM g)`, `'mx': (SELECT CAST(max(v) AS VARCHAR) FROM g)`);
    if (hasHistogram(f, i))
      items.push(`'bins': (SELECT list({'bin': b, 'n': s}) FROM (SELECT ${binSql(f, 'v', edgesOf(f, ranges[i]!))} AS b, sum(n) AS s FROM g GROUP BY 1))`);
    const groups = `SELECT ${c} AS v, count(*) AS n FROM ${src} WHERE ${c} IS NOT NULL GROUP BY 1`;
    return [`(WITH g AS MATERIALIZED (${groups}) SELECT {${items.join(', ')}}) AS "p${i}"`];
  });
  const [byColumn = {}] = parts.length ? await queryRows(conn, `SELECT ${parts.join(', ')}`) : [];

  const columns = fields.map((f, i): ColumnProfile => {
    const count = rows - (footer.get(f.name)?.nulls ?? 0);
    const range = ranges[i];
    const p = byColumn[`p${i}`] as
      | {
          groups: unknown;
          top: Array<{ value: unknown; count: unknown }> | null;
          mean?: unknown;
          mn?: unknown;
          mx?: unknown;
          bins?: Array<{ bin: unknown; n: unknown }> | null;
        }
      | undefined;
    const distinct = toNumber(p?.groups) ?? 0;
    const profile: ColumnProfile = {
      name: f.name,
      type: f.type,
      count,
      nulls: rows - count,
      distinct,
      min: scalar(f, range ? range.min : p?.mn),
      max: scalar(f, range ? range.max : p?.mx),
      // Where every value is distinct there is no most frequent value to show.
      top: distinct === count ? [] : (p?.top ?? []).map((t) => ({ value: scalar(f, t.value), count: toNumber(t.count) ?? 0 })),
    };
    if (isNumeric(f)) profile.mean = toNumber(p?.mean);
    if (hasHistogram(f, i)) profile.histogram = histogramOf(f, edgesOf(f, range!), p?.bins ?? []);
    return profile;
  });
  return { rows, columns };
}

/** Counts by bin → our bins with their edges. */
function histogramOf(f: TableField, edges: number[], bins: Array<{ bin: unknown; n: unknown }>): NonNullable<ColumnProfile['histogram']> {
  const counts = new Array<number>(Math.max(1, edges.length - 1)).fill(0);
  for (const { bin, n } of bins) {
    const b = Math.min(counts.length - 1, toNumber(bin) ?? 0);
    counts[b] = (counts[b] ?? 0) + (toNumber(n) ?? 0);
  }
  const hi = edges[edges.length - 1]!;
  return counts.map((count, b) => ({ from: fromBinValue(f, edges[b]!), to: fromBinValue(f, edges[b + 1] ?? hi), count }));
}
