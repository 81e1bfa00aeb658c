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
/** An edge as a literal of the column's type: numbers as they are, dates as dates, date-times as timestamps. */
function edgeLiteral(f: TableField, e: number): string {
  return f.type === 'date' ? `DATE '${fromBinValue(f, e)}'` : f.type === 'datetime' ? `make_timestamp(${Math.round(e * 1e6)})` : `${e}`;
}

/**
 * A value's bin is how many inner edges it exceeds, so a value ≤ the first inner edge is in bin 0 and one above the
 * last in the last bin (DuckDB's `histogram(x, boundaries)` buckets).
 */
function binSql(f: TableField, c: string, edges: number[]): string {
  const value = isNumeric(f) ? `CAST(${c} AS DOUBLE)` : c;
  const inner = edges.slice(1, -1);
  return inner.length ? inner.map((e) => `CAST(${value} > ${edgeLiteral(f, e)} AS INTEGER)`).join(' + ') : '0';
}

/** One column's figures from its groups (groupsQuery). */
interface ColumnGroups {
  i: unknown;
  groups: unknown;
  top: Array<{ d: unknown; s: unknown; n: unknown }> | null;
  imean: unknown;
  fmean: unknown;
  mn: unknown;
  mx: unknown;
  above: unknown[] | null;
}

/**
 * The groups of a batch of columns as one long table (i: the column, n: the group's rows, and its value in the
 * column of its kind: d a number as DOUBLE, x an integer or a date's days or a date-time's microseconds, s the value
 * as text for all but numbers; b its histogram bin), and each column's figures from one aggregate grouped by i.
 * The most frequent values come first, ties in the order of the column's own values (x, d or s: the typed order).
 */
function groupsQuery(src: string, scan: Array<{ f: TableField; i: number; c: string }>, edgesOf: (f: TableField, i: number) => number[] | null): string {
  const of = (pick: (p: { f: TableField; i: number; c: string }) => string | null, type: string) => {
    const parts = scan.flatMap((p) => {
      const v = pick(p);
      return v === null ? [] : [v];
    });
    return parts.length ? `coalesce(${parts.join(', ')})` : `CAST(NULL AS ${type})`;
  };
  const own = (c: string) => `grouping(${c}) = 0`;
  const index = `CASE ${scan.map((p) => `WHEN ${own(p.c)} THEN ${p.i}`).join(' ')} END`;
  const d = of(({ f, c }) => (isNumeric(f) ? `CAST(${c} AS DOUBLE)` : null), 'DOUBLE');
  const x = of(
    ({ f, c }) => (f.type === 'integer' ? c : f.type === 'date' ? `CAST(${c} - DATE '1970-01-01' AS BIGINT)` : f.type === 'datetime' ? `epoch_us(${c})` : null),
    'BIGINT',
  );
  const s = of(({ f, c }) => (isNumeric(f) ? null : `CAST(${c} AS VARCHAR)`), 'VARCHAR');
  const binned = scan.flatMap(({ f, i, c }) => {
    const edges = edgesOf(f, i);
    return edges ? [`WHEN ${own(c)} THEN ${binSql(f, c, edges)}`] : [];
  });
  const b = binned.length ? `CASE ${binned.join(' ')} END` : 'CAST(NULL AS INTEGER)';
  const groups = `SELECT ${index} AS i, ${d} AS d, ${x} AS x, ${s} AS s, ${b} AS b, count(*) AS n FROM ${src} GROUP BY GROUPING SETS (${scan.map((p) => `(${p.c})`).join(', ')})`;
  const above = Array.from({ length: HISTOGRAM_BINS - 1 }, (_, k) => `coalesce(sum(n) FILTER (WHERE b > ${k}), 0)`);
  return `SELECT i, count(*) AS groups,
      min_by({'d': d, 's': s, 'n': n}, {'k': -n, 'x': x, 'd': d, 's': s}, ${TOP_VALUES}) AS top,
      CAST(sum(CAST(x AS HUGEINT) * n) AS DOUBLE) / sum(n) AS imean, fsum(d * n) / sum(n) AS fmean,
      min(s) AS mn, max(s) AS mx, [${above.join(', ')}] AS above
    FROM (${groups}) WHERE d IS NOT NULL OR s IS NOT NULL GROUP BY i`;
}

/**
 * At most this many groups (an upper bound per column: its values, or the span of its integers or dates) are
 * counted in one scan, so a wide file of unique values is profiled in several scans within DuckDB's memory
 * rather than in one that spills to disk.
 */
const GROUPS_PER_SCAN = 8_000_000;

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
 * from the file's footer statistics. Everything else comes from each column's groups (its values with their
 * counts), all from one scan of the file: the distinct count (the groups), the ten most frequent values,
 * the mean (Σ value × count ÷ Σ count), the min and max of text (footer statistics of long strings may be
 * truncated) and the histogram (each group's bin, its edges known from the footer). Every figure is exact: no
 * sample, no sketch, no estimate.
 */
export async function profileParquet(
  conn: DuckDBConnection,
  parquet: string,
  schema: TableSchema,
  opts: { groupsPerScan?: number } = {},
): Promise<ProfileResult> {
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

  // Each column's groups (its values with their counts) from one scan of the file for many columns: GROUPING SETS
  // ((a), (b), …) yields every column's groups, a column's own being the rows of its set (`grouping(a) = 0`). The
  // groups of all the columns are then read as one long table, each group's value in a column of its kind (number,
  // integer, temporal key, text), and one aggregate GROUP BY column gives each column's figures: every group is
  // counted once, by its own column's aggregates only. Measured: on the 1M-row bench file, one GROUP BY per column
  // in its own scan 61 ms, one scan with each column's aggregates FILTERed to its groups 53–64 ms, this 42–47 ms; on
  // a file of 120 columns and 20,000 rows, where every group met all 120 columns' filters, 7.5–11 s against 0.3–1 s.
  const profiled = fields.flatMap((f, i) => {
    const count = rows - (footer.get(f.name)?.nulls ?? 0);
    return count === 0 ? [] : [{ f, i, c: ident(f.name), bound: groupsBound(f, ranges[i] ?? null, count) }];
  });
  const byColumn = new Map<number, ColumnGroups>();
  for (const scan of batches(profiled, opts.groupsPerScan ?? GROUPS_PER_SCAN)) {
    for (const row of await queryRows(
      conn,
      groupsQuery(src, scan, (f, i) => (hasHistogram(f, i) ? edgesOf(f, ranges[i]!) : null)),
    ))
      byColumn.set(Number(row.i), row as unknown as ColumnGroups);
  }

  const columns = fields.map((f, i): ColumnProfile => {
    const count = rows - (footer.get(f.name)?.nulls ?? 0);
    const range = ranges[i];
    const p = byColumn.get(i);
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
      top: distinct === count ? [] : (p?.top ?? []).map((t) => ({ value: scalar(f, isNumeric(f) ? t.d : t.s), count: toNumber(t.n) ?? 0 })),
    };
    if (isNumeric(f)) profile.mean = toNumber(f.type === 'integer' ? p?.imean : p?.fmean);
    if (hasHistogram(f, i)) {
      const edges = edgesOf(f, range!);
      profile.histogram = histogramOf(f, edges, count, (p?.above ?? []).slice(0, Math.max(0, edges.length - 2)));
    }
    return profile;
  });
  return { rows, columns };
}

/** The rows above each inner edge → each bin's count, with its edges. */
function histogramOf(f: TableField, edges: number[], count: number, above: unknown[]): NonNullable<ColumnProfile['histogram']> {
  const atLeast = [count, ...above.map((n) => toNumber(n) ?? 0), 0]; // rows in bin b or a later one
  const hi = edges[edges.length - 1]!;
  return Array.from({ length: Math.max(1, edges.length - 1) }, (_, b) => ({
    from: fromBinValue(f, edges[b]!),
    to: fromBinValue(f, edges[b + 1] ?? hi),
    count: atLeast[b]! - atLeast[b + 1]!,
  }));
}

/** How many groups a column can have at most: its values, and no more than its span for integers and dates. */
function groupsBound(f: TableField, range: { min: unknown; max: unknown } | null, count: number): number {
  if (f.type === 'boolean') return Math.min(count, 2);
  if (!range || range.min === null || range.max === null) return count;
  if (f.type === 'integer') return Math.min(count, Number(range.max) - Number(range.min) + 1);
  if (f.type === 'date') return Math.min(count, keyValue(f, range.max) - keyValue(f, range.min) + 1);
  return count;
}

/** Consecutive columns whose bounds add up to at most `budget` (a column over it alone). */
function batches<T extends { bound: number }>(columns: T[], budget: number): T[][] {
  const out: T[][] = [];
  let sum = 0;
  for (const c of columns) {
    const last = out[out.length - 1];
    if (last && sum + c.bound <= budget) {
      last.push(c);
      sum += c.bound;
    } else {
      out.push([c]);
      sum = c.bound;
    }
  }
  return out;
}
