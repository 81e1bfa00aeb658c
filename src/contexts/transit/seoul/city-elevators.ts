import { distanceM, stationKey } from './names.js';
import { SEOUL_FILES, type SourceRow } from './sources.js';
import type { ImportedFacility, ImportedStation } from './network-types.js';

/**
 * Seoul City's elevator points (서울시 지하철역 엘리베이터 위치정보): one street-level elevator node of the city's
 * pedestrian network per row, for every station in Seoul whatever the operator. The city's station codes are its
 * own, so rows join by station name and are checked by distance; 90 rows have no name and join the nearest
 * station when it is clearly the nearest.
 */

/** A named row farther than this from every master position of its station is not believed: reported. */
export const NAMED_MAX_M = 600;
/** A row without a name joins the nearest station only within this distance … */
export const NAMELESS_MAX_M = 400;
/** … and only if the next station is at least this many times as far (else it could be either: reported). */
export const NAMELESS_MARGIN = 1.5;

/** Seoul Metro runs lines 1–8 (section ids '1' … '8'); its operating-status file lists their elevators. */
const SEOUL_METRO_LINE = /^[1-8]$/;
/** An elevator of Seoul Metro's file that reaches the street: its operating section has a ground floor ('B2-1F', '1F-2F'). */
const reachesStreet = (levels: string | null) => /(^|-)(1F|F1)($|-)/.test(levels ?? '');

type Miss = (row: SourceRow, reason: string, value: string) => void;

export interface CityPoint {
  row: SourceRow;
  station: ImportedStation;
  lat: string;
  lon: string;
  nodeId: string;
  by: 'name' | 'distance';
  distanceM: number;
  cityCode: string;
  cityName: string;
}

/** `POINT(lon lat)` in WGS84 → the two numbers as written (kept as text, like the toilets' 위도/경도), or null. */
export function parsePoint(wkt: string): { lat: string; lon: string } | null {
  const m = /^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/i.exec(wkt.trim());
  if (!m) return null;
  const lon = Number(m[1]);
  const lat = Number(m[2]);
  return lat > 33 && lat < 39 && lon > 124 && lon < 132 ? { lat: m[2]!, lon: m[1]! } : null; // Korea, and not swapped
}

/** Distance from a point to a station complex: to the nearest of its master positions (one per line row). */
const toStation = (s: ImportedStation, p: { lat: number; lon: number }) => Math.min(...s.points.map((q) => distanceM(q, p)));

/** Places each row at a station (by name, checked by distance; or by distance alone) or reports why not. */
export function placeCityPoints(rows: SourceRow[], stations: ImportedStation[], miss: Miss): CityPoint[] {
  const placed: CityPoint[] = [];
  for (const row of rows) {
    const v = row.values;
    const cityName = v.지하철역명 ?? '';
    const cityCode = v.지하철역코드 ?? '';
    const point = parsePoint(v['노드 WKT'] ?? '');
    if (!point) {
      miss(row, 'unreadable WKT point (expected POINT(lon lat) in Korea)', v['노드 WKT'] ?? '');
      continue;
    }
    const p = { lat: Number(point.lat), lon: Number(point.lon) };
    const ranked = stations.map((s) => ({ s, d: toStation(s, p) })).sort((a, b) => a.d - b.d);
    const near = (i: number) => (ranked[i] ? `${ranked[i]!.s.nameKo} at ${Math.round(ranked[i]!.d)} m` : 'none');
    const base = { row, lat: point.lat, lon: point.lon, nodeId: v['노드 ID'] ?? '', cityCode, cityName };
    if (cityName) {
      const key = stationKey(cityName);
      const named = ranked.find((r) => r.s.key === key);
      if (!named) {
        miss(row, 'no station of that name in the station master', `${cityName} (${cityCode})`);
        continue;
      }
      if (named.d > NAMED_MAX_M) {
        miss(
          row,
          `named ${cityName} but ${Math.round(named.d)} m from that station (more than ${NAMED_MAX_M} m): name and position disagree, not placed; nearest station ${near(0)}`,
          `${cityName} (${cityCode}) ${v['노드 WKT']}`,
        );
        continue;
      }
      placed.push({ ...base, station: named.s, by: 'name', distanceM: Math.round(named.d) });
      continue;
    }
    const [first, second] = ranked;
    if (!first || first.d > NAMELESS_MAX_M) {
      miss(row, `no station name, and no station within ${NAMELESS_MAX_M} m (nearest ${near(0)})`, v['노드 WKT'] ?? '');
      continue;
    }
    if (second && second.d < first.d * NAMELESS_MARGIN) {
      miss(row, `no station name, and two stations are about as near (${near(0)}, ${near(1)}): could be either, not placed`, v['노드 WKT'] ?? '');
      continue;
    }
    placed.push({ ...base, station: first.s, by: 'distance', distanceM: Math.round(first.d) });
  }
  return placed;
}

const rowRef = (f: ImportedFacility) => f.line;

/**
 * Turns placed points into elevator facilities without counting one lift twice.
 *
 * Seoul Metro's operating-status file already lists the elevators of lines 1–8, without positions; the city's
 * points are street-level elevators, so at a Seoul Metro station a point is one of Seoul Metro's street-level
 * elevators (or, at a complex shared with other operators, possibly theirs). Exits have no positions in our
 * data, so which point is which unit can only be told when there is exactly one of each:
 * - the complex is served only by Seoul Metro lines, has exactly one street-level Seoul Metro elevator and the
 *   city has exactly one point there → the point's position is attached to that elevator (`details.lat/lon/nodeId`,
 *   `details.positionRow` = this file:line), no new row;
 * - Seoul Metro lists elevators at the complex but the match is not certain → the point is its own row with
 *   `details.maybeSameAs` = the Seoul Metro rows it may be (file:row,row …); such rows are positions, never counted
 *   as more elevators (see `countsAsElevator`);
 * - Seoul Metro lists no elevator at the complex (line 9, Korail, AREX, light rail …) → the point is its own row.
 */
export function cityElevatorFacilities(points: CityPoint[], facilities: ImportedFacility[]): ImportedFacility[] {
  const out: ImportedFacility[] = [];
  const byStation = new Map<ImportedStation, CityPoint[]>();
  for (const p of points) byStation.set(p.station, [...(byStation.get(p.station) ?? []), p]);
  const file = SEOUL_FILES.cityElevators.file;
  for (const [station, list] of byStation) {
    const metro = facilities.filter((f) => f.stationId === station.id && f.type === 'elevator' && f.source === 'elevators');
    const street = metro.filter((f) => reachesStreet(f.levels));
    const onlySeoulMetro = [...station.lines].every((l) => SEOUL_METRO_LINE.test(l));
    const position = (p: CityPoint) => ({
      lat: p.lat,
      lon: p.lon,
      nodeId: p.nodeId,
      placedBy: p.by,
      distanceM: String(p.distanceM),
      cityStationCode: p.cityCode,
      cityStationName: p.cityName,
    });
    if (onlySeoulMetro && street.length === 1 && list.length === 1) {
      const [p] = list;
      street[0]!.details = { ...street[0]!.details, ...position(p!), positionRow: `${file}:${p!.row.line}` };
      continue;
    }
    const candidates = street.length ? street : metro;
    for (const p of list) {
      out.push({
        stationId: station.id,
        lineId: null,
        type: 'elevator',
        name: null,
        status: 'unknown',
        location: null,
        levels: null,
        exitNo: null,
        details: { ...position(p), ...(candidates.length ? { maybeSameAs: `${SEOUL_FILES.elevators.file}:${candidates.map(rowRef).join(',')}` } : {}) },
        source: 'cityElevators',
        line: p.row.line,
      });
    }
  }
  return out;
}

/** A facility row that is a lift of its own, not a position that may be one already listed (`maybeSameAs`). */
export const countsAsElevator = (details: Record<string, string>) => !details.maybeSameAs;
