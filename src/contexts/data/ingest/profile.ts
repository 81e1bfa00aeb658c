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
/** DuckDB's binned histogram(x, boundaries): values ≤ each inner edge, the rest in a last bucket. */
function histogramSql(f: TableField, c: string, edges: number[]): string {
  const inner = edges.slice(1, -1);
  const literalOf = (v: number) =>
    f.type === 'date' ? `DATE '${fromBinValue(f, v)}'` : f.type === 'datetime' ? `make_timestamp(${Math.round(v * 1e6)})` : `${v}`;
  const value = isNumeric(f) ? `CAST(${c} AS DOUBLE)` : c;
  return inner.length ? `histogram(${value}, [${inner.map(literalOf).join(', ')}])` : `count(${c})`;
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
 * from the file's footer statistics; one scan then gives means, the min and max of text (footer statistics of
 * long strings may be truncated) and the histograms (their edges known from the footer); one GROUP BY per column
 * gives its distinct count and its ten most frequent values.
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
  const scan = fields.flatMap((f, i) => {
    const c = ident(f.name);
    const out: string[] = [];
    if (isNumeric(f)) out.push(`avg(${c}) AS "avg${i}"`);
    if (!ranges[i]) out.push(`CAST(min(${c}) AS VARCHAR) AS "mn${i}"`, `CAST(max(${c}) AS VARCHAR) AS "mx${i}"`);
    const range = ranges[i];
    if (range && range.min !== null && (isNumeric(f) || isTemporal(f))) {
      const lo = isNumeric(f) ? Number(range.min) : keyValue(f, range.min);
      const hi = isNumeric(f) ? Number(range.max) : keyValue(f, range.max);
      out.push(`${histogramSql(f, c, binEdges(f, lo, hi))} AS "h${i}"`);
    }
    return out;
  });
  const [stats = {}] = rows > 0 && scan.length ? await queryRows(conn, `SELECT ${scan.join(', ')} FROM ${src}`) : [];

  // One GROUP BY per column gives both its distinct count (the groups) and its ten most frequent values.
  const tops = fields.flatMap((f, i) => {
    if (rows - (footer.get(f.name)?.nulls ?? 0) === 0) return [];
    const c = ident(f.name);
    const value = isNumeric(f) ? `CAST(v AS DOUBLE)` : `CAST(v AS VARCHAR)`;
    const groups = `SELECT ${c} AS v, count(*) AS n FROM ${src} WHERE ${c} IS NOT NULL GROUP BY 1`;
    return [
      `(SELECT {'groups': any_value(g), 'top': list({'value': ${value}, 'count': n} ORDER BY n DESC, v)} FROM (SELECT v, n, count(*) OVER () AS g FROM (${groups}) ORDER BY n DESC, v LIMIT ${TOP_VALUES})) AS "t${i}"`,
    ];
  });
  const [top = {}] = tops.length ? await queryRows(conn, `SELECT ${tops.join(', ')}`) : [];

  const columns = fields.map((f, i): ColumnProfile => {
    const count = rows - (footer.get(f.name)?.nulls ?? 0);
    const range = ranges[i];
    const grouped = top[`t${i}`] as { groups: unknown; top: Array<{ value: unknown; count: unknown }> | null } | undefined;
    const distinct = toNumber(grouped?.groups) ?? 0;
    const profile: ColumnProfile = {
      name: f.name,
      type: f.type,
      count,
      nulls: rows - count,
      distinct,
      min: scalar(f, range ? range.min : stats[`mn${i}`]),
      max: scalar(f, range ? range.max : stats[`mx${i}`]),
      // Where every value is distinct there is no most frequent value to show.
      top: distinct === count ? [] : (grouped?.top ?? []).map((t) => ({ value: scalar(f, t.value), count: toNumber(t.count) ?? 0 })),
    };
    if (isNumeric(f)) profile.mean = toNumber(stats[`avg${i}`]);
    if (range && range.min !== null && stats[`h${i}`] !== undefined) profile.histogram = histogramOf(f, range, stats[`h${i}`]);
    return profile;
  });
  return { rows, columns };
}

/** DuckDB's bucket map → our bins with their edges. */
function histogramOf(f: TableField, range: { min: unknown; max: unknown }, result: unknown): NonNullable<ColumnProfile['histogram']> {
  const lo = isNumeric(f) ? Number(range.min) : keyValue(f, range.min);
  const hi = isNumeric(f) ? Number(range.max) : keyValue(f, range.max);
  const edges = binEdges(f, lo, hi);
  const inner = edges.slice(1, -1);
  const counts = new Array<number>(Math.max(1, edges.length - 1)).fill(0);
  if (!inner.length) counts[0] = toNumber(result) ?? 0;
  else {
    for (const { key, value } of result as Array<{ key: unknown; value: unknown }>) {
      const k = keyValue(f, key);
      const at = inner.findIndex((b) => Math.abs(b - k) <= Math.max(1e-9, Math.abs(b) * 1e-9) || (!isNumeric(f) && Math.abs(b - k) < 0.5));
      const bin = at < 0 ? counts.length - 1 : at;
      counts[bin] = (counts[bin] ?? 0) + (toNumber(value) ?? 0);
    }
  }
  return counts.map((count, b) => ({ from: fromBinValue(f, edges[b]!), to: fromBinValue(f, edges[b + 1] ?? hi), count }));
}
