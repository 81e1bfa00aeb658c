import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../../core/errors.js';

/**
 * The Seoul files we import, with the encoding each one really has (checked by trial decoding, see
 * seed/transit/seoul-subway/SOURCES.md). Encodings are declared, never sniffed: a CP949 file also decodes
 * "successfully" as other encodings and gives wrong text.
 */
export type Encoding = 'cp949' | 'utf8';

export const SEOUL_FILES = {
  master: { file: 'stations/서울시 역사마스터 정보.csv', encoding: 'cp949', required: ['역사_ID', '역사명', '호선', '위도', '경도'] },
  names: { file: 'stations/서울교통공사_노선별 지하철역 정보.json', encoding: 'utf8', required: ['station_cd', 'station_nm', 'line_num'] },
  phones: {
    file: 'stations/서울교통공사_역주소 및 전화번호_20250318.json',
    encoding: 'utf8',
    required: ['역번호', '호선', '역명', '역전화번호', '도로명주소'],
  },
  transfers: {
    file: 'network/서울교통공사_환승역거리 소요시간 정보_20250331.csv',
    encoding: 'cp949',
    required: ['호선', '환승역명', '환승노선', '환승거리', '환승소요시간'],
  },
  order: { file: 'stations/국토교통부_도시철도 전체노선_20241211.csv', encoding: 'utf8', required: ['권역명', '철도운영기관명', '노선명', '순번', '역명'] },
  runs: { file: 'network/서울교통공사 역간거리 및 소요시간_240810.csv', encoding: 'cp949', required: ['연번', '호선', '역명', '소요시간', '역간거리(km)'] },
  elevators: {
    file: 'facilities/서울교통공사_교통약자_이용시설_승강기_가동현황.json',
    encoding: 'utf8',
    required: ['elvtr_se', 'elvtr_nm', 'stn_nm', 'stn_cd', 'use_yn'],
  },
  escalators: { file: 'facilities/서울교통공사_에스컬레이터 설치 정보_20250310.csv', encoding: 'cp949', required: ['호선', '역  명', '관리번호(호기)'] },
  lifts: { file: 'facilities/서울교통공사_휠체어리프트 설치현황_20250310.csv', encoding: 'cp949', required: ['호선', '역명', '관리번호(호기)'] },
  toilets: { file: 'facilities/서울교통공사_역사장애인화장실정보_20241127.json', encoding: 'utf8', required: ['역명', '운영노선명'] },
  nursing: { file: 'facilities/서울교통공사_수유실현황_20250924.csv', encoding: 'cp949', required: ['호선', '역명', '상세위치'] },
  lockers: { file: 'facilities/서울교통공사_물품보관함 위치정보_20240930.csv', encoding: 'cp949', required: ['호선', '보관함명', '상세위치'] },
  beacons: {
    file: 'facilities/서울교통공사 지하철 시각장애인 음성유도기 설치 위치 정보_20250812.csv',
    encoding: 'utf8',
    required: ['호선', '외부역번호', '역명', '설치위치'],
  },
  // Seoul City's elevator points for every station whatever the operator (street-level nodes of the city's
  // pedestrian network, WKT `POINT(lon lat)`); its station codes are the city's own and do not join to ours.
  cityElevators: {
    file: 'facilities/서울시 지하철역 엘리베이터 위치정보.csv',
    encoding: 'cp949',
    required: ['노드 WKT', '노드 ID', '지하철역코드', '지하철역명'],
  },
} as const satisfies Record<string, { file: string; encoding: Encoding; required: readonly string[] }>;

export type SourceKey = keyof typeof SEOUL_FILES;
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const MAX_LINE_CHARS = 100_000;

/** A data row with the line it came from (header = line 1), so every report can point at it. */
export interface SourceRow {
  line: number;
  values: Record<string, string>;
}

async function decode(dir: string, key: SourceKey): Promise<string> {
  const spec = SEOUL_FILES[key];
  const file = path.join(dir, spec.file);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) throw new AppError('import.file_missing', `${spec.file}: file not found in ${dir}`, 400, { file: spec.file });
  if (stat.size > MAX_FILE_BYTES)
    throw new AppError('import.file_too_large', `${spec.file}: ${stat.size} bytes is more than the ${MAX_FILE_BYTES} allowed`, 400, { file: spec.file });
  const bytes = await fs.readFile(file);
  let text: string;
  try {
    text = new TextDecoder(spec.encoding === 'cp949' ? 'euc-kr' : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('import.encoding', `${spec.file}: not valid ${spec.encoding === 'cp949' ? 'CP949' : 'UTF-8'} text`, 400, {
      file: spec.file,
      encoding: spec.encoding,
    });
  }
  text = text.replace(/^\uFEFF/, '');
  const long = text.split('\n').findIndex((l) => l.length > MAX_LINE_CHARS);
  if (long >= 0)
    throw new AppError('import.line_too_long', `${spec.file}:${long + 1}: a line longer than ${MAX_LINE_CHARS} characters`, 400, {
      file: spec.file,
      line: long + 1,
    });
  return text;
}

function checkColumns(key: SourceKey, columns: string[]) {
  const missing = SEOUL_FILES[key].required.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new AppError('import.columns', `${SEOUL_FILES[key].file}: missing column(s) ${missing.join(', ')}`, 400, { file: SEOUL_FILES[key].file, missing });
  }
}

/** Reads one file as rows of strings, trimmed, with their line numbers. */
export async function readSource(dir: string, key: SourceKey): Promise<SourceRow[]> {
  const text = await decode(dir, key);
  if (SEOUL_FILES[key].file.endsWith('.json')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new AppError('import.json', `${SEOUL_FILES[key].file}: not valid JSON (${(error as Error).message})`, 400);
    }
    const rows = (Array.isArray(data) ? data : (data as { DATA?: unknown[] }).DATA) as Array<Record<string, unknown>> | undefined;
    if (!Array.isArray(rows)) throw new AppError('import.json', `${SEOUL_FILES[key].file}: expected an array or {DATA: [...]}`, 400);
    checkColumns(key, Object.keys(rows[0] ?? {}));
    return rows.map((r, i) => ({
      line: i + 1,
      values: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v).trim()])),
    }));
  }
  const records = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  const header = (parse(text.split('\n')[0] ?? '', { trim: true }) as string[][])[0] ?? [];
  checkColumns(key, header);
  return records.map((r) => ({ line: r.info.lines, values: r.record }));
}
