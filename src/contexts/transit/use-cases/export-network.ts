import { toCsv } from '../../../core/csv.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { listFacilitiesWithStation } from '../store/facility.repository.js';
import { listStationsAndLines } from '../store/station.repository.js';

async function stationsWithLines(db: DbOrTx) {
  const [stations, lines] = await listStationsAndLines(db);
  const byStation = new Map<string, string[]>();
  for (const l of lines) byStation.set(l.station_id, [...(byStation.get(l.station_id) ?? []), l.line_id]);
  return stations.map((s) => ({ ...s, lines: byStation.get(s.id) ?? [] }));
}

/** Every station as a GeoJSON point with its names and lines (WGS84). */
export async function stationsGeoJson(db: DbOrTx) {
  const stations = await stationsWithLines(db);
  return {
    type: 'FeatureCollection' as const,
    features: stations
      .filter((s) => s.lat !== null && s.lon !== null)
      .map((s) => ({
        type: 'Feature' as const,
        id: s.id,
        geometry: { type: 'Point' as const, coordinates: [s.lon!, s.lat!] },
        properties: {
          feed: s.feed,
          name_ko: s.name_ko,
          name_en: s.name_en,
          name_zh: s.name_zh,
          name_ja: s.name_ja,
          name_romanised: s.name_romanised,
          lines: s.lines,
        },
      })),
  };
}

export async function stationsCsv(db: DbOrTx) {
  const stations = await stationsWithLines(db);
  return toCsv(
    ['id', 'feed', 'name_ko', 'name_en', 'name_romanised', 'name_zh', 'name_ja', 'lat', 'lon', 'lines'],
    stations.map((s) => [s.id, s.feed, s.name_ko, s.name_en, s.name_romanised, s.name_zh, s.name_ja, s.lat, s.lon, s.lines.join(' ')]),
  );
}

export async function facilitiesCsv(db: DbOrTx) {
  const rows = await listFacilitiesWithStation(db);
  return toCsv(
    ['id', 'station_id', 'station_name_ko', 'line', 'type', 'name', 'status', 'location', 'levels', 'exit_no', 'source_file', 'source_row'],
    rows.map((r) => [r.id, r.station_id, r.name_ko, r.line_id, r.type, r.name, r.status, r.location, r.levels, r.exit_no, r.source, r.source_row]),
  );
}
