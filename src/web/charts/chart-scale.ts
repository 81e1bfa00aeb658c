/**
 * Pure geometry for the server-drawn charts: round axis ticks, linear scales, and an equirectangular
 * projection fitted to a set of points (no tiles: the map is the points themselves).
 */
export interface Scale {
  (value: number): number;
  domain: [number, number];
  ticks: number[];
}

/** A step of 1, 2 or 5 × 10ⁿ giving about `count` intervals over [min, max]. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Ticks at multiples of a nice step covering [min, max]; the domain grows to the outer ticks. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) / 2;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, count);
  const first = Math.floor(min / step) * step;
  const last = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let i = 0, v = first; v <= last + step / 2 && i < 100; i++, v = first + i * step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Maps the nice domain around [min, max] (zero included when `zero`) onto [from, to]. */
export function linearScale(values: number[], range: [number, number], opts: { zero?: boolean; count?: number } = {}): Scale {
  const finite = values.filter(Number.isFinite);
  let min = finite.length ? Math.min(...finite) : 0;
  let max = finite.length ? Math.max(...finite) : 1;
  if (opts.zero) {
    min = Math.min(0, min);
    max = Math.max(0, max);
  }
  const ticks = niceTicks(min, max, opts.count ?? 5);
  const d0 = ticks[0]!;
  const d1 = ticks.at(-1)!;
  const scale = ((v: number) => range[0] + ((v - d0) / (d1 - d0 || 1)) * (range[1] - range[0])) as Scale;
  scale.domain = [d0, d1];
  scale.ticks = ticks;
  return scale;
}

/** Where a value sits on a numeric x axis: numbers as they are, dates and date-times as milliseconds. */
export function xPosition(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return null;
  const ms = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : `${v.replace(' ', 'T')}Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** A compact label for a tick or a value: 1200 → "1,200", 0.0125 → "0.0125", 2.5e6 → "2,500,000". */
export function formatNumber(v: number, locale: string): string {
  if (!Number.isFinite(v)) return '–';
  return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { maximumSignificantDigits: 6 }).format(v);
}

export interface LonLat {
  lon: number;
  lat: number;
}
export interface Projection {
  (p: LonLat): [number, number];
  width: number;
  height: number;
  bounds: { west: number; east: number; south: number; north: number };
}

/**
 * Equirectangular projection fitted to the points: longitudes shrink by cos(middle latitude) so shapes keep
 * their proportions near Seoul, then everything is scaled into `width` × at most `maxHeight` with a margin.
 */
export function fitProjection(points: LonLat[], width: number, maxHeight: number, margin = 16): Projection {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const bounds = { west: Math.min(...lons), east: Math.max(...lons), south: Math.min(...lats), north: Math.max(...lats) };
  const k = Math.cos((((bounds.north + bounds.south) / 2) * Math.PI) / 180);
  const spanX = Math.max((bounds.east - bounds.west) * k, 1e-6);
  const spanY = Math.max(bounds.north - bounds.south, 1e-6);
  const inner = width - 2 * margin;
  const s = Math.min(inner / spanX, (maxHeight - 2 * margin) / spanY);
  const height = Math.round(spanY * s + 2 * margin);
  const offsetX = margin + (inner - spanX * s) / 2;
  const project = ((p: LonLat) => [offsetX + (p.lon - bounds.west) * k * s, margin + (bounds.north - p.lat) * s]) as Projection;
  project.width = width;
  project.height = height;
  project.bounds = bounds;
  return project;
}

/** Columns that hold latitudes and longitudes, by name (위도/경도, lat/lon …) among numeric columns. */
export function findCoordinateColumns(columns: Array<{ name: string; family: string }>): { lat: string; lon: string } | null {
  const numeric = columns.filter((c) => c.family === 'number' || c.family === 'integer');
  const lat = numeric.find((c) => /위도|^lat(itude)?$|latitude|^y_?coord/i.test(c.name.trim()));
  const lon = numeric.find((c) => /경도|^(lon|lng|long)(itude)?$|longitude|^x_?coord/i.test(c.name.trim()));
  return lat && lon ? { lat: lat.name, lon: lon.name } : null;
}
