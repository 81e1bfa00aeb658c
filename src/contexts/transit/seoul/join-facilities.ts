import type { Miss, StationByName } from './join-stations.js';
import { lineKey } from './names.js';
import type { FacilityStatus, FacilityType, ImportedFacility, ImportedStation } from './network-types.js';
import { SEOUL_FILES, type SourceKey, type SourceRow } from './sources.js';

const STATUS: Record<string, FacilityStatus> = { 사용가능: 'available', 보수중: 'not_available' };
const LIFT_TYPES: Record<string, FacilityType> = { EV: 'elevator', ES: 'escalator', WL: 'wheelchair_lift', MW: 'moving_walkway' };
const unitKey = (s: string) => s.replace(/^승강기\)/, '').replace(/엘리베이터|에스컬레이터|휠체어리프트|무빙워크|[#\s]/g, '');

type FacilitySources = 'elevators' | 'escalators' | 'lifts' | 'toilets' | 'nursing' | 'lockers' | 'beacons';

/**
 * The facilities of Seoul Metro's files (step 4): the operating status of every lift, matched with the
 * escalator and wheelchair-lift files' details (a detail row without its unit is imported with status unknown
 * and reported), then toilets, nursing rooms, lockers and audio beacons. A row without its station is reported.
 */
export function joinFacilities(
  src: Record<FacilitySources, SourceRow[]>,
  stations: { byKey: StationByName; byCode: Map<string, ImportedStation> },
  miss: Miss,
): ImportedFacility[] {
  const { byKey, byCode } = stations;
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
  return facilities;
}
