/**
 * Lines under the names riders use. The station master names the railway sections a station lies on (경부선,
 * 경원선, 일산선, 과천선, 분당선, 공항철도1호선 …); riders, signs and maps name the services that run on them (1호선,
 * 3호선, 4호선, 수인분당선, 공항철도 …). Section ids stay what they are (routing, runs, transfers and facilities use
 * them); every station also gets the rider lines that serve it, with the legal section names as "also called".
 *
 * A section is not always one service: 경원선 carries 1호선 north of 청량리 and 경의중앙선 from 용산 to 청량리 (옥수 is
 * 경원선 in the master but no 1호선 train stops there). Where a section has more than one candidate, MOLIT's
 * per-service station lists (국토교통부 도시철도 전체노선) say which one serves the station; without them the first
 * candidate is assumed and marked so (`basis: 'section'`).
 */
import { stationKey } from './names.js';
import type { SourceRow } from './sources.js';

export interface RiderLine {
  id: string;
  ko: string;
  en: string | null;
}

export const RIDER_LINES: readonly RiderLine[] = [
  ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => ({ id: n, ko: `${n}호선`, en: `Line ${n}` })),
  { id: '수인분당선', ko: '수인분당선', en: 'Suin–Bundang Line' },
  { id: '경의중앙선', ko: '경의중앙선', en: 'Gyeongui–Jungang Line' },
  { id: '공항철도', ko: '공항철도', en: 'AREX (Airport Railroad)' },
  { id: '신분당선', ko: '신분당선', en: 'Shinbundang Line' },
  { id: '경춘선', ko: '경춘선', en: 'Gyeongchun Line' },
  { id: '경강선', ko: '경강선', en: 'Gyeonggang Line' },
  { id: '서해선', ko: '서해선', en: 'Seohae Line' },
  { id: '우이신설선', ko: '우이신설선', en: 'Ui–Sinseol Line' },
  { id: '신림선', ko: '신림선', en: 'Sillim Line' },
  { id: 'GTX-A', ko: 'GTX-A', en: 'GTX-A' },
  { id: '인천1호선', ko: '인천1호선', en: 'Incheon Line 1' },
  { id: '인천2호선', ko: '인천2호선', en: 'Incheon Line 2' },
  { id: '김포골드라인', ko: '김포골드라인', en: 'Gimpo Goldline' },
  { id: '의정부경전철', ko: '의정부경전철', en: 'Uijeongbu LRT (U Line)' },
  { id: '에버라인', ko: '에버라인', en: 'Yongin EverLine' },
];
const BY_ID = new Map(RIDER_LINES.map((l) => [l.id, l]));

/** The rider lines that can run on each section of the station master (first = assumed when MOLIT is silent). */
export const SECTION_RIDER_LINES: Record<string, readonly string[]> = {
  1: ['1'],
  2: ['2'],
  3: ['3'],
  4: ['4'],
  5: ['5'],
  6: ['6'],
  7: ['7'],
  8: ['8'],
  9: ['9'],
  '7호선(인천)': ['7'],
  '9호선(연장)': ['9'],
  진접선: ['4'],
  별내선: ['8'],
  경부선: ['1'],
  경인선: ['1'],
  장항선: ['1'],
  경원선: ['1', '경의중앙선'],
  일산선: ['3'],
  과천선: ['4'],
  안산선: ['4', '수인분당선'],
  분당선: ['수인분당선'],
  수인선: ['수인분당선'],
  중앙선: ['경의중앙선', '경춘선'],
  경의중앙선: ['경의중앙선'],
  경춘선: ['경춘선'],
  경강선: ['경강선'],
  서해선: ['서해선'],
  공항철도1호선: ['공항철도'],
  수도권광역급행철도: ['GTX-A'],
  신분당선: ['신분당선'],
  '신분당선(연장)': ['신분당선'],
  '신분당선(연장2)': ['신분당선'],
  신림선: ['신림선'],
  우이신설선: ['우이신설선'],
  의정부선: ['의정부경전철'],
  에버라인선: ['에버라인'],
  김포골드라인: ['김포골드라인'],
  인천1호선: ['인천1호선'],
  인천2호선: ['인천2호선'],
};

/**
 * MOLIT's services ("operator line" as the file writes them) → rider line. `null`: a service we do not show
 * (the Incheon airport maglev, suspended since 2022); its rows are reported, not shown.
 */
export const MOLIT_RIDER_LINES: Record<string, string | null> = {
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`서울교통공사 ${n}호선`, String(n)])),
  '코레일 1호선': '1',
  '코레일 3호선': '3',
  '코레일 4호선': '4',
  '코레일 수인분당': '수인분당선',
  '코레일 경의중앙': '경의중앙선',
  '코레일 경춘': '경춘선',
  '코레일 경강': '경강선',
  '코레일 서해선': '서해선',
  '서해철도주식회사 서해선': '서해선',
  '남양주도시공사 4호선': '4',
  '남양주도시공사 8호선': '8',
  '구리도시공사 8호선': '8',
  '인천교통공사 7호선': '7',
  '서울시메트로9호선주식회사 9호선': '9',
  '공항철도주식회사 공항': '공항철도',
  '네오트랜스주식회사 신분당': '신분당선',
  '지티엑스에이운영 GTX-A': 'GTX-A',
  '주식회사 SR GTX-A': 'GTX-A',
  '남서울경전철주식회사 신림선': '신림선',
  '우이신설경전철주식회사 우이신설': '우이신설선',
  '의정부경량전철주식회사 의정부': '의정부경전철',
  '용인경량전철주식회사 에버라인': '에버라인',
  '김포골드라인운영주식회사 김포골드라인': '김포골드라인',
  '인천교통공사 인천1호선': '인천1호선',
  '인천교통공사 인천2호선': '인천2호선',
  '인천국제공항공사 자기부상': null,
};

export const riderLine = (id: string) => BY_ID.get(id);

/** The rider line of a section when it has exactly one (경부선 → 1호선); null when it depends on the station (경원선). */
export function riderLineOfSection(sectionId: string): RiderLine | null {
  const candidates = SECTION_RIDER_LINES[sectionId];
  return candidates?.length === 1 ? (BY_ID.get(candidates[0]!) ?? null) : null;
}

/** Every name a rider line is known by besides its own: the sections it runs on (for search and "also called"). */
export function riderLineAliases(id: string): string[] {
  return Object.entries(SECTION_RIDER_LINES)
    .filter(([section, lines]) => lines.includes(id) && section !== id && !/^\d$/.test(section))
    .map(([section]) => section);
}

export interface StationRiderLine {
  riderLineId: string;
  /** The station's sections (transit_line ids) this rider line runs on here; empty when only MOLIT names it. */
  lineIds: string[];
  /** Legal section names at this station that differ from the rider name (shown as "also called"). */
  alsoCalled: string[];
  /** 'molit': MOLIT lists the station on this service; 'section': assumed from a section with one rider line or, when MOLIT is silent, its first. */
  basis: 'molit' | 'section';
}

/**
 * The rider lines of one station from its sections and the MOLIT services that list it. Pure.
 * `molit`: rider line ids MOLIT lists the station under.
 */
export function stationRiderLines(sections: Iterable<string>, molit: ReadonlySet<string>): StationRiderLine[] {
  const out = new Map<string, StationRiderLine>();
  const add = (id: string, section: string | null, basis: StationRiderLine['basis']) => {
    const entry = out.get(id) ?? { riderLineId: id, lineIds: [], alsoCalled: [], basis };
    if (basis === 'molit') entry.basis = 'molit';
    if (section !== null && !entry.lineIds.includes(section)) entry.lineIds.push(section);
    const shown = riderLine(id)?.ko;
    // '9호선(연장)', '신분당선(연장2)': the master's label for a stretch of the same line, not another name for it.
    const sameName = section !== null && shown !== undefined && section.startsWith(`${shown}(`);
    if (section !== null && !/^\d$/.test(section) && !sameName && section !== id && !entry.alsoCalled.includes(section)) entry.alsoCalled.push(section);
    out.set(id, entry);
  };
  for (const section of sections) {
    const candidates = SECTION_RIDER_LINES[section] ?? [];
    if (!candidates.length) {
      add(section, section, 'section');
      continue;
    } // a section we do not know: shown under its own name
    const confirmed = candidates.filter((c) => molit.has(c));
    if (candidates.length === 1) add(candidates[0]!, section, confirmed.length ? 'molit' : 'section');
    else if (confirmed.length) for (const c of confirmed) add(c, section, 'molit');
    else add(candidates[0]!, section, 'section');
  }
  for (const id of molit) if (!out.has(id)) add(id, null, 'molit');
  const order = (id: string) => {
    const i = RIDER_LINES.findIndex((l) => l.id === id);
    return i < 0 ? RIDER_LINES.length : i;
  };
  return [...out.values()].sort((a, b) => order(a.riderLineId) - order(b.riderLineId) || a.riderLineId.localeCompare(b.riderLineId));
}

interface JoinStation {
  id: string;
  key: string;
  lines: Set<string>;
}
interface Report {
  file: string;
  line: number;
  reason: string;
  value: string;
}

/**
 * Joins MOLIT's service lists to the stations (by name; a name shared by two stations goes to the one with a
 * section the service can run on) and gives every station its rider lines. Rows that cannot be used are reported
 * unless the station-order step already reported them; a row the order step reported but used here says so.
 */
export function joinRiderLines<S extends JoinStation>(rows: SourceRow[], file: string, stations: S[], unmatched: Report[]) {
  const molit = new Map<string, Set<string>>();
  const reported = new Map(unmatched.filter((u) => u.file === file).map((u) => [u.line, u]));
  for (const row of rows) {
    const v = row.values;
    if (v.권역명 !== '수도권') continue;
    const service = `${v.철도운영기관명} ${v.노선명}`;
    const id = MOLIT_RIDER_LINES[service];
    const found = stations.filter((s) => s.key === stationKey(v.역명 ?? ''));
    const fitting = found.length > 1 && id ? found.filter((s) => [...s.lines].some((l) => SECTION_RIDER_LINES[l]?.includes(id))) : found;
    const station = fitting.length === 1 ? fitting[0] : undefined;
    const earlier = reported.get(row.line);
    if (id && station) {
      (molit.get(station.id) ?? molit.set(station.id, new Set()).get(station.id)!).add(id);
      if (earlier) earlier.reason += `; used only to list the station as served by ${riderLine(id)?.ko ?? id}`;
    } else if (!earlier) {
      const reason =
        id === null
          ? 'a service not shown (suspended)'
          : id === undefined
            ? 'a service with no rider line in rider-lines.ts'
            : 'no single station of that name';
      unmatched.push({ file, line: row.line, reason: `rider lines: ${reason}`, value: `${v.역명} ${service}` });
    }
  }
  const perStation = stations.flatMap((s) => stationRiderLines(s.lines, molit.get(s.id) ?? new Set()).map((r) => ({ ...r, stationId: s.id })));
  const used = [...new Set(perStation.map((r) => r.riderLineId))];
  const catalogue = [
    ...RIDER_LINES.filter((l) => used.includes(l.id)),
    ...used
      .filter((id) => !BY_ID.has(id))
      .sort()
      .map((id) => ({ id, ko: id, en: null })),
  ];
  return { riderLines: catalogue.map((l, sort) => ({ id: l.id, nameKo: l.ko, nameEn: l.en, sort })), stationRiderLines: perStation };
}
