import { distanceM, displayName, lineKey, stationKey } from './names.js';
import type { ImportedStation, SeoulNetwork } from './network-types.js';
import type { SourceKey, SourceRow } from './sources.js';

/** Reports a row that could not be joined: its file and line, why, and the value that did not match. */
export type Miss = (key: SourceKey, row: SourceRow, reason: string, value: string) => void;
/** The station of a name (and, where several complexes share it, of a line); undefined when none or ambiguous. */
export type StationByName = (name: string, line?: string | null) => ImportedStation | undefined;
export type StationLine = SeoulNetwork['stationLines'][number];

export interface StationComplexes {
  stations: ImportedStation[];
  /** One per station and line, keyed `stationId|lineId`: the later joins fill in codes and order. */
  stationLines: Map<string, StationLine>;
  /** The master's name of every line, by line key. */
  lineNames: Map<string, string>;
  byKey: StationByName;
  /** Stations by Seoul Metro's station code (station_cd, e.g. 0150). */
  byCode: Map<string, ImportedStation>;
}

/** Rows of the station master with the same name key within this distance are one station complex. */
const SAME_COMPLEX_M = 1500;

/**
 * The station complexes of the station master (1), their names in other languages and Seoul Metro's codes (2),
 * their staff phone numbers and road addresses (2b).
 */
export function joinStations(src: Record<'master' | 'names' | 'phones', SourceRow[]>, miss: Miss): StationComplexes {
  // 1. Station complexes from the station master.
  const stations: ImportedStation[] = [];
  const stationLines = new Map<string, StationLine>();
  const lineNames = new Map<string, string>();
  for (const row of src.master) {
    const v = row.values;
    const lat = Number(v.위도);
    const lon = Number(v.경도);
    if (!v.역사명 || !Number.isFinite(lat) || !Number.isFinite(lon) || !v.호선) {
      miss('master', row, 'missing name, line or coordinates', v.역사명 ?? '');
      continue;
    }
    const key = stationKey(v.역사명);
    let station = stations.find((s) => s.key === key && distanceM(s, { lat, lon }) < SAME_COMPLEX_M);
    if (!station) {
      station = {
        id: `seoul-${v.역사_ID}`,
        nameKo: displayName(v.역사명),
        nameEn: null,
        nameZh: null,
        nameJa: null,
        lat,
        lon,
        key,
        masterIds: [],
        lines: new Set(),
        points: [],
        phones: [],
        address: null,
      };
      stations.push(station);
    }
    station.masterIds.push(v.역사_ID!);
    station.points.push({ lat, lon });
    const line = lineKey(v.호선);
    lineNames.set(line, v.호선.replace(/^0/, ''));
    station.lines.add(line);
    stationLines.set(`${station.id}|${line}`, {
      stationId: station.id,
      lineId: line,
      masterId: v.역사_ID ?? null,
      stationCode: null,
      externalCode: null,
      seq: null,
    });
  }
  const byKey: StationByName = (name, line) => {
    const key = stationKey(name);
    const found = stations.filter((s) => s.key === key);
    if (found.length <= 1) return found[0];
    return line ? found.find((s) => s.lines.has(line)) : undefined;
  };

  // 2. Names in other languages and Seoul Metro's codes.
  const byCode = new Map<string, ImportedStation>();
  for (const row of src.names) {
    const v = row.values;
    const line = lineKey(v.line_num ?? '');
    const station = byKey(v.station_nm ?? '', line);
    if (!station) {
      miss('names', row, 'no station of that name in the station master', `${v.station_nm} ${v.line_num}`);
      continue;
    }
    station.nameEn ??= v.station_nm_eng || null;
    station.nameZh ??= v.station_nm_chn && !v.station_nm_chn.includes('?') ? v.station_nm_chn : null;
    station.nameJa ??= v.station_nm_jpn || null;
    byCode.set(v.station_cd!, station);
    const sl = stationLines.get(`${station.id}|${line}`);
    if (sl) {
      sl.stationCode ??= v.station_cd ?? null;
      sl.externalCode ??= v.fr_code ?? null;
    }
  }

  // 2b. Phone numbers and road addresses (Seoul Metro), by station code: 역번호 150 is station_cd 0150. A complex
  // with one building per line (종로3가) has one address per line: the first is `road`, the others are kept.
  for (const row of src.phones) {
    const v = row.values;
    const station = byCode.get((v.역번호 ?? '').padStart(4, '0'));
    if (!station) {
      miss('phones', row, 'no station with this code in the station list', `${v.역번호} ${v.역명}`);
      continue;
    }
    const line = lineKey(v.호선 ?? '');
    if (v.역전화번호) station.phones.push({ line, phone: v.역전화번호 });
    const road = v.도로명주소 ?? '';
    if (!road || road === station.address?.road || station.address?.other?.some((o) => o.road === road)) continue;
    if (!station.address) station.address = { road };
    else (station.address.other ??= []).push({ line, road });
  }
  return { stations, stationLines, lineNames, byKey, byCode };
}
