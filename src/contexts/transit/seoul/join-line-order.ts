import type { Miss, StationByName, StationLine } from './join-stations.js';
import { lineKey, minutesSeconds } from './names.js';
import type { ImportedStation, SeoulNetwork } from './network-types.js';
import type { SourceRow } from './sources.js';

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

/**
 * Transfers and run times (Seoul Metro lines 1–8, step 3), and the station order on every metropolitan line
 * (MOLIT, step 3b): the order is written into `stationLines`' `seq`, the run times' order first.
 */
export function joinLineOrder(
  src: Record<'transfers' | 'runs' | 'order', SourceRow[]>,
  byKey: StationByName,
  stationLines: Map<string, StationLine>,
  miss: Miss,
): Pick<SeoulNetwork, 'transfers' | 'runs'> {
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
  return { transfers, runs };
}
