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
 * A value's bin is how many inner edges it exceeds, so a value ≤ the first inner edge is in bin 0 and one above the
 * last in the last bin (DuckDB's `histogram(x, boundaries)` buckets). Counted over the column's groups as the rows
 * above each inner edge (Σ count where value > edge), from which histogramOf takes the differences.
 */
function aboveEdgesSql(f: TableField, v: string, edges: number[]): string {
  const literalOf = (e: number) =>
    f.type === 'date' ? `DATE '${fromBinValue(f, e)}'` : f.type === 'datetime' ? `make_timestamp(${Math.round(e * 1e6)})` : `${e}`;
  const value = isNumeric(f) ? `CAST(${v} AS DOUBLE)` : v;
  return `[${edges
    .slice(1, -1)
    .map((e) => `coalesce(sum(CASE WHEN ${value} > ${literalOf(e)} THEN n END), 0)`)
    .join(', ')}]`;
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
  // ((a), (b), …) yields every column's groups, a column's own being the rows where it is not null (the others are
  // null there), and one aggregate over them gives each column's figures. Measured on the 1M-row bench file: the
  // profile went from 61 ms (one GROUP BY per column, each in its own scan) to about 50.
  const profiled = fields.flatMap((f, i) => {
    const count = rows - (footer.get(f.name)?.nulls ?? 0);
    return count === 0 ? [] : [{ f, i, c: ident(f.name), bound: groupsBound(f, ranges[i] ?? null, count) }];
  });
  const byColumn: Record<string, unknown> = {};
  for (const scan of batches(profiled, opts.groupsPerScan ?? GROUPS_PER_SCAN)) {
    const items = scan.map(({ f, i, c }) => {
      const mine = `FILTER (WHERE ${c} IS NOT NULL)`; // the column's own groups
      const shown = (v: string) => (isNumeric(f) ? `CAST(${v} AS DOUBLE)` : `CAST(${v} AS VARCHAR)`);
      const item = [
        `'groups': count(*) ${mine}`,
        // The most frequent first, ties by value: the least keys (−count, value), in order.
        `'top': list_transform(min_by({'v': ${c}, 'n': n}, {'k': -n, 'v': ${c}}, ${TOP_VALUES}) ${mine}, t -> {'value': ${shown('t.v')}, 'count': t.n})`,
      ];
      if (f.type === 'integer') item.push(`'mean': CAST(sum(CAST(${c} AS HUGEINT) * n) ${mine} AS DOUBLE) / sum(n) ${mine}`);
      else if (f.type === 'number') item.push(`'mean': fsum(${c} * n) ${mine} / sum(n) ${mine}`);
      if (!ranges[i]) item.push(`'mn': CAST(min(${c}) AS VARCHAR)`, `'mx': CAST(max(${c}) AS VARCHAR)`);
      if (hasHistogram(f, i)) item.push(`'above': ${aboveEdgesSql(f, c, edgesOf(f, ranges[i]!))}`);
      return `{${item.join(', ')}} AS "p${i}"`;
    });
    const groups = `SELECT ${scan.map((p) => p.c).join(', ')}, count(*) AS n FROM ${src} GROUP BY GROUPING SETS (${scan.map((p) => `(${p.c})`).join(', ')})`;
    const [row] = await queryRows(conn, `SELECT ${items.join(', ')} FROM (${groups})`);
    Object.assign(byColumn, row);
  }

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
          above?: unknown[] | null;
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
    if (hasHistogram(f, i)) profile.histogram = histogramOf(f, edgesOf(f, range!), count, p?.above ?? []);
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
