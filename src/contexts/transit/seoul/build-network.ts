import { cityElevatorFacilities, placeCityPoints } from './city-elevators.js';
import { distanceM, displayName, lineKey, minutesSeconds, stationKey } from './names.js';
import { joinRiderLines, type StationRiderLine } from './rider-lines.js';
import { SEOUL_FILES, type SourceKey, type SourceRow } from './sources.js';

export type FacilityType = 'elevator' | 'escalator' | 'wheelchair_lift' | 'moving_walkway' | 'accessible_toilet' | 'nursing_room' | 'locker' | 'audio_beacon';
export type FacilityStatus = 'available' | 'not_available' | 'unknown';

export interface ImportedStation {
  id: string;
  nameKo: string;
  nameEn: string | null;
  nameZh: string | null;
  nameJa: string | null;
  lat: number;
  lon: number;
  key: string;
  masterIds: string[];
  lines: Set<string>;
  /** The position of every master row of the complex (one per line): distances are measured to the nearest. */
  points: Array<{ lat: number; lon: number }>;
  /** Station staff to call for help, per line (Seoul Metro), and the road address; written to the station's `extra`. */
  phones: Array<{ line: string; phone: string }>;
  address: { road: string; other?: Array<{ line: string; road: string }> } | null;
}
export interface ImportedFacility {
  stationId: string;
  lineId: string | null;
  type: FacilityType;
  name: string | null;
  status: FacilityStatus;
  location: string | null;
  levels: string | null;
  exitNo: string | null;
  details: Record<string, string>;
  source: SourceKey;
  line: number;
}
export interface Unmatched {
  file: string;
  line: number;
  reason: string;
  value: string;
}

export interface SeoulNetwork {
  stations: ImportedStation[];
  lines: Array<{ id: string; nameKo: string; sort: number }>;
  /** The lines riders know (1호선, 수인분당선, 공항철도 …), and per station the ones that serve it. */
  riderLines: Array<{ id: string; nameKo: string; nameEn: string | null; sort: number }>;
  stationRiderLines: Array<StationRiderLine & { stationId: string }>;
  stationLines: Array<{
    stationId: string;
    lineId: string;
    masterId: string | null;
    stationCode: string | null;
    externalCode: string | null;
    seq: number | null;
  }>;
  transfers: Array<{ stationId: string; fromLineId: string; toLineId: string; distanceM: number | null; timeS: number | null }>;
  runs: Array<{ lineId: string; fromStationId: string; toStationId: string; timeS: number | null; distanceKm: number | null }>;
  facilities: ImportedFacility[];
  unmatched: Unmatched[];
  counts: Record<SourceKey, number>;
}

/** Rows of the station master with the same name key within this distance are one station complex. */
const SAME_COMPLEX_M = 1500;
/** MOLIT names lines by service ('코레일 1호선'); the station master names the railway sections. */
const MOLIT_ALIASES: Record<string, string[]> = {
  '코레일 1호선': ['경부선', '경원선', '경인선', '장항선'],
  '코레일 3호선': ['일산선'],
  '코레일 4호선': ['과천선', '안산선'],
  '코레일 수인분당': ['분당선', '수인선'],
  '코레일 경의중앙': ['경의중앙선', '중앙선'],
  '코레일 경춘': ['경춘선'],
  '코레일 서해선': ['서해선'],
  '남양주도시공사 4호선': ['진접선'],
  '남양주도시공사 8호선': ['별내선'],
  '구리도시공사 8호선': ['별내선'],
  '지티엑스에이운영 GTX-A': ['수도권광역급행철도'],
  '주식회사 SR GTX-A': ['수도권광역급행철도'],
  '서울시메트로9호선주식회사 9호선': ['9호선(연장)'],
};
const STATUS: Record<string, FacilityStatus> = { 사용가능: 'available', 보수중: 'not_available' };
const LIFT_TYPES: Record<string, FacilityType> = { EV: 'elevator', ES: 'escalator', WL: 'wheelchair_lift', MW: 'moving_walkway' };
const unitKey = (s: string) => s.replace(/^승강기\)/, '').replace(/엘리베이터|에스컬레이터|휠체어리프트|무빙워크|[#\s]/g, '');

/**
 * Joins the Seoul files into one network. Pure: no I/O. Every row either lands somewhere or is reported in
 * `unmatched` with its file, line and reason; nothing is dropped silently.
 */
export function buildNetwork(src: Record<SourceKey, SourceRow[]>): SeoulNetwork {
  const unmatched: Unmatched[] = [];
  const miss = (key: SourceKey, row: SourceRow, reason: string, value: string) =>
    unmatched.push({ file: SEOUL_FILES[key].file, line: row.line, reason, value });

  // 1. Station complexes from the station master.
  const stations: ImportedStation[] = [];
  const stationLines = new Map<string, SeoulNetwork['stationLines'][number]>();
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
  const byKey = (name: string, line?: string | null) => {
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

  // 3. Transfers and run times (Seoul Metro lines 1–8).
  const transfers: SeoulNetwork['transfers'] = [];
  for (const row of src.transfers) {
    const v = row.values;
    const from = lineKey(v.호선 ?? '');
    const station = byKey(v.환승역명 ?? '', from);
    if (!station) {
      miss('transfers', row, 'no station of that name', v.환승역명 ?? '');
      continue;
    }
    transfers.push({
      stationId: station.id,
      fromLineId: from,
      toLineId: lineKey(v.환승노선 ?? ''),
      distanceM: Number(v.환승거리) || null,
      timeS: minutesSeconds(v.환승소요시간 ?? ''),
    });
  }
  const runs: SeoulNetwork['runs'] = [];
  let previous: { line: string; station: ImportedStation } | null = null;
  const seqs = new Map<string, number>();
  for (const row of src.runs) {
    const v = row.values;
    const line = lineKey(v.호선 ?? '');
    const station = byKey(v.역명 ?? '', line);
    if (!station) {
      miss('runs', row, 'no station of that name on this line', `${v.역명} ${v.호선}`);
      previous = null;
      continue;
    }
    const seq = (seqs.get(line) ?? 0) + 1;
    seqs.set(line, seq);
    const sl = stationLines.get(`${station.id}|${line}`);
    if (sl && sl.seq === null) sl.seq = seq;
    if (previous && previous.line === line && previous.station.id !== station.id) {
      runs.push({
        lineId: line,
        fromStationId: previous.station.id,
        toStationId: station.id,
        timeS: minutesSeconds(v.소요시간 ?? ''),
        distanceKm: Number(v['역간거리(km)']) || null,
      });
    }
    previous = { line, station };
  }

  // 3b. Station order on every metropolitan line (MOLIT): where the line name maps to one of the station's
  // lines ('2호선' → 2, '신분당' → 신분당선, '공항' → 공항철도1호선); Korail sections named by route ('1호선'
  // run by Korail is 경부선/경원선/경인선 in the master) are reported, not guessed.
  for (const row of src.order) {
    const v = row.values;
    if (v.권역명 !== '수도권') continue;
    const station = byKey(v.역명 ?? '');
    const wanted = lineKey(v.노선명 ?? '');
    const aliases = MOLIT_ALIASES[`${v.철도운영기관명} ${v.노선명}`] ?? [];
    const candidates = station ? [...station.lines].filter((l) => l === wanted || aliases.includes(l) || (!/^\d$/.test(wanted) && l.startsWith(wanted))) : [];
    if (!station || candidates.length !== 1) {
      miss(
        'order',
        row,
        station ? "line name does not match one of the station's lines" : 'no single station of that name',
        `${v.역명} ${v.철도운영기관명} ${v.노선명}`,
      );
      continue;
    }
    const sl = stationLines.get(`${station.id}|${candidates[0]}`);
    if (sl && sl.seq === null) sl.seq = Number(v.순번) || null;
  }

  // 3c. Rider lines (1호선 for 경부선 …): from the sections and MOLIT's services, see rider-lines.ts.
  const { riderLines, stationRiderLines } = joinRiderLines(src.order, SEOUL_FILES.order.file, stations, unmatched);

  // 4. Facilities.
  const facilities: ImportedFacility[] = [];
  const add = (
    key: SourceKey,
    row: SourceRow,
    station: ImportedStation | undefined,
    f: Omit<ImportedFacility, 'stationId' | 'source' | 'line'>,
    name: string,
  ) => {
    if (!station) {
      miss(key, row, 'no station of that name (or ambiguous without a line)', name);
      return;
    }
    facilities.push({ ...f, stationId: station.id, source: key, line: row.line });
  };
  const lifts = new Map<string, ImportedFacility>();
  // The file names the line only at complexes of several Seoul Metro lines ('종로3가(1)'); elsewhere the station has
  // one Seoul Metro line (1–8) and the unit is on it (종각 → 1). Other operators' lines are not in this file.
  const onlySeoulMetroLine = (station: ImportedStation | undefined) => {
    const metro = station ? [...station.lines].filter((l) => /^[1-8]$/.test(l)) : [];
    return metro.length === 1 ? metro[0]! : null;
  };
  for (const row of src.elevators) {
    const v = row.values;
    const type = LIFT_TYPES[v.elvtr_se ?? ''];
    if (!type) {
      miss('elevators', row, `unknown facility kind ${v.elvtr_se}`, v.elvtr_nm ?? '');
      continue;
    }
    const station = byCode.get(v.stn_cd ?? '') ?? byKey(v.stn_nm ?? '');
    const before = facilities.length;
    add(
      'elevators',
      row,
      station,
      {
        lineId: /\((\d)\)$/.exec(v.stn_nm ?? '')?.[1] ?? onlySeoulMetroLine(station),
        type,
        name: (v.elvtr_nm ?? '').replace(/^승강기\)/, ''),
        status: STATUS[v.use_yn ?? ''] ?? 'unknown',
        location: v.instl_pstn || null,
        levels: v.opr_sec || null,
        exitNo: null,
        details: { stationCode: v.stn_cd ?? '', stationName: v.stn_nm ?? '' },
      },
      v.stn_nm ?? '',
    );
    if (facilities.length > before && station) lifts.set(`${station.id}|${type}|${unitKey(v.elvtr_nm ?? '')}|${v.stn_nm}`, facilities[facilities.length - 1]!);
  }
  const detail = (key: 'escalators' | 'lifts', type: FacilityType, nameCol: string) => {
    for (const row of src[key]) {
      const v = row.values;
      const line = lineKey(v.호선 ?? '');
      const station = byKey(v[nameCol] ?? '', line);
      const floors = `${v['시작층(지상_지하)'] ?? ''}${v['시작층(운행역층)'] ?? ''} → ${v['종료층(지상_지하)'] ?? ''}${v['종료층(운행역층)'] ?? ''}`;
      const exitNo = v['(근접)출입구번호'] ?? v['(근접) 출입구번호'] ?? null;
      const match =
        station &&
        [...lifts.entries()].find(
          ([k]) => k.startsWith(`${station.id}|${type}|${unitKey(v['관리번호(호기)'] ?? '')}|`) && (k.endsWith(`(${line})`) || !/\(\d\)$/.test(k)),
        );
      if (match) {
        const f = match[1];
        f.lineId = line;
        f.exitNo = exitNo;
        f.details = {
          ...f.details,
          floors,
          start: v['시작층(상세위치)'] ?? '',
          end: v['종료층(상세위치)'] ?? '',
          serial: v['승강기 일련번호'] ?? '',
          detailRow: `${SEOUL_FILES[key].file}:${row.line}`,
        };
        lifts.delete(match[0]);
        continue;
      }
      add(
        key,
        row,
        station,
        {
          lineId: line,
          type,
          name: `${v['관리번호(호기)']}`,
          status: 'unknown',
          location: v['시작층(상세위치)'] || null,
          levels: floors,
          exitNo,
          details: { serial: v['승강기 일련번호'] ?? '' },
        },
        v[nameCol] ?? '',
      );
      if (station)
        miss(key, row, 'no unit with this number in the operating-status file: imported with status unknown', `${v[nameCol]} ${v['관리번호(호기)']}`);
    }
  };
  detail('escalators', 'escalator', '역  명');
  detail('lifts', 'wheelchair_lift', '역명');
  for (const row of src.toilets) {
    const v = row.values;
    add(
      'toilets',
      row,
      byKey(v.역명 ?? '', lineKey(v.운영노선명 ?? '')),
      {
        lineId: lineKey(v.운영노선명 ?? ''),
        type: 'accessible_toilet',
        name: null,
        status: 'unknown',
        location: v.상세위치 || null,
        levels: `${v['지상 또는 지하 구분'] ?? ''} ${v.역층 ?? ''}`.trim() || null,
        exitNo: v['(근접) 출입구 번호'] || null,
        details: { gate: v['게이트 내외 구분'] ?? '', openingHours: v.개방시간 ?? '', lat: v.위도 ?? '', lon: v.경도 ?? '' },
      },
      v.역명 ?? '',
    );
  }
  for (const row of src.nursing) {
    const v = row.values;
    add(
      'nursing',
      row,
      byKey(v.역명 ?? '', lineKey(v.호선 ?? '')),
      {
        lineId: lineKey(v.호선 ?? ''),
        type: 'nursing_room',
        name: v.시설구분 || null,
        status: 'unknown',
        location: v.상세위치 || null,
        levels: null,
        exitNo: null,
        details: { fareZone: v['운임 비운임'] ?? '', areaM2: v['면적(제곱미터)'] ?? '' },
      },
      v.역명 ?? '',
    );
  }
  for (const row of src.lockers) {
    const v = row.values;
    const name = (v.보관함명 ?? '').replace(/[\d~\-\s,]+$/, '');
    add(
      'lockers',
      row,
      byKey(name, lineKey(v.호선 ?? '')),
      {
        lineId: lineKey(v.호선 ?? ''),
        type: 'locker',
        name: v.보관함명 || null,
        status: 'unknown',
        location: v.상세위치 || null,
        levels: null,
        exitNo: null,
        details: {},
      },
      v.보관함명 ?? '',
    );
  }
  for (const row of src.beacons) {
    const v = row.values;
    add(
      'beacons',
      row,
      byKey(v.역명 ?? '', lineKey(v.호선 ?? '')),
      {
        lineId: lineKey(v.호선 ?? ''),
        type: 'audio_beacon',
        name: null,
        status: 'unknown',
        location: v.설치위치 || null,
        levels: null,
        exitNo: null,
        details: { externalCode: v.외부역번호 ?? '' },
      },
      v.역명 ?? '',
    );
  }

  const lines = [...lineNames]
    .map(([id, nameKo]) => ({ id, nameKo: /^\d$/.test(id) ? `${id}호선` : nameKo, sort: /^\d$/.test(id) ? Number(id) : 100 }))
    .sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id))
    .map((l, i) => ({ ...l, sort: i }));
  // 5. Seoul City's elevator points, every operator (city-elevators.ts): placed, merged into a Seoul Metro row, or reported.
  const points = placeCityPoints(src.cityElevators, stations, (row, reason, value) => miss('cityElevators', row, reason, value));
  facilities.push(...cityElevatorFacilities(points, facilities));

  const counts = Object.fromEntries(Object.entries(src).map(([k, rows]) => [k, rows.length])) as Record<SourceKey, number>;
  return { stations, lines, riderLines, stationRiderLines, stationLines: [...stationLines.values()], transfers, runs, facilities, unmatched, counts };
}
