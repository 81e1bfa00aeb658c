import type { AppError } from '../../../core/errors.js';
import type { AggFn, RowsParams } from '../query/query-rows.js';
import { findCoordinateColumns } from '../../../web/charts/chart-scale.js';
import { filtersOf, parseFilterRows, type FilterRow } from './query-form.js';

/**
 * The chart builder's GET form, pure: chart type, x column, y (a count, or the sum or average of a numeric
 * column), one optional filter (col1 op1 val1), bar order; for a map, the latitude and longitude columns and
 * an optional label. It turns into one rows-API question (group by x, or the coordinates of every point).
 */
export const CHART_TYPES = ['bar', 'line', 'points'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
export const Y_FNS = ['count', 'sum', 'avg'] as const;
export type YFn = (typeof Y_FNS)[number];

export interface ChartForm {
  type: ChartType;
  x: string;
  y: YFn;
  of: string;
  order: 'value' | 'x';
  filter: FilterRow;
  lat: string;
  lon: string;
  label: string;
  version?: number;
}

/** Bars kept readable; line points and map points capped (the rows API link gives them all). */
export const MAX_BARS = 50;
export const MAX_LINE_POINTS = 1000;
export const MAX_MAP_POINTS = 5000;

type Query = Record<string, unknown>;
const text = (v: unknown): string => (Array.isArray(v) ? text(v[0]) : typeof v === 'string' ? v.slice(0, 300) : '');
const oneOf = <T extends string>(v: string, all: readonly T[], fallback: T): T => ((all as readonly string[]).includes(v) ? (v as T) : fallback);

export function parseChartForm(q: Query, columns: Array<{ name: string; family: string }>): ChartForm {
  const type = oneOf(text(q.type), CHART_TYPES, 'bar');
  const coords = findCoordinateColumns(columns);
  const version = /^\d{1,9}$/.test(text(q.version)) ? Number(text(q.version)) : undefined;
  return {
    type,
    x: text(q.x),
    y: oneOf(text(q.y), Y_FNS, 'count'),
    of: text(q.of),
    order: oneOf(text(q.order), ['value', 'x'] as const, type === 'line' ? 'x' : 'value'),
    filter: parseFilterRows(q, 1)[0]!,
    lat: text(q.lat) || coords?.lat || '',
    lon: text(q.lon) || coords?.lon || '',
    label: text(q.label),
    ...(version !== undefined ? { version } : {}),
  };
}

/** A chart is drawn once its question is complete: an x for bars and lines, coordinates for a map. */
export const isChartAsked = (q: Query) => text(q.x) !== '' || text(q.type) === 'points';

/** The output column holding y: `count`, or `<column>__sum` / `<column>__avg` as the rows API names it. */
export const yOutput = (form: Pick<ChartForm, 'y' | 'of'>) => (form.y === 'count' ? 'count' : `${form.of}__${form.y}`);

/** Problems the form itself can see, by field; the rows API reports the rest. */
export function chartFormProblems(form: ChartForm): Array<{ field: string; code: 'x' | 'of' | 'coords' | 'value' }> {
  const problems: Array<{ field: string; code: 'x' | 'of' | 'coords' | 'value' }> = [];
  if (form.type === 'points') {
    if (!form.lat || !form.lon) problems.push({ field: 'lat', code: 'coords' });
  } else {
    if (!form.x) problems.push({ field: 'x', code: 'x' });
    if (form.y !== 'count' && !form.of) problems.push({ field: 'of', code: 'of' });
  }
  if (filtersOf([form.filter]).missing.length) problems.push({ field: 'val1', code: 'value' });
  return problems;
}

export function chartRowsParams(form: ChartForm): RowsParams {
  const filters = filtersOf([form.filter]).filters;
  const version = form.version !== undefined ? { version: form.version } : {};
  if (form.type === 'points') {
    return {
      filters: [...filters, { column: form.lat, op: 'isnull', value: 'false', param: 'lat' }, { column: form.lon, op: 'isnull', value: 'false', param: 'lon' }],
      select: [form.lat, form.lon, ...(form.label && form.label !== form.lat && form.label !== form.lon ? [form.label] : [])],
      limit: MAX_MAP_POINTS,
      ...version,
    };
  }
  const agg = form.y === 'count' ? { fn: 'count' as AggFn } : { fn: form.y as AggFn, column: form.of };
  return {
    filters,
    groupBy: [form.x],
    agg: [agg],
    sort: form.type === 'bar' && form.order === 'value' ? [{ column: yOutput(form), desc: true }] : [{ column: form.x }],
    limit: form.type === 'bar' ? MAX_BARS : MAX_LINE_POINTS,
    ...version,
  };
}

/** Which chart field a rows-API problem belongs to. */
export function chartFieldOf(error: AppError): string | null {
  const field = (error.details as { field?: unknown } | undefined)?.field;
  if (field === 'filter1') return error.code === 'data.query_operator' ? 'op1' : error.code === 'data.query_column' ? 'col1' : 'val1';
  return ({ group_by: 'x', agg: 'of', select: 'label', lat: 'lat', lon: 'lon', sort: 'order' } as Record<string, string>)[String(field)] ?? null;
}
