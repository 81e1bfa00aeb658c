import { englishUnit, facilityTypeWords } from './facility-words.js';
import { seoulTime, statusWords } from '../../transit/index.js';

/**
 * The rider-facing words of an accessibility alert, one template per kind of alert, each written in Korean and in
 * English (no Korean left in the English text: place descriptions and free-text reasons the operator gave in Korean
 * are said to exist, not pasted). A confirmed rider report is said as such, never by its id.
 */
export const ALERT_KINDS = ['not_available', 'planned_outage', 'partially_available', 'unknown'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertFacts {
  kind: AlertKind;
  type: string;
  station: { ko: string; en: string };
  line: { ko: string; en: string } | null;
  name: string | null;
  location: string | null;
  since: string | null;
  expectedReturn: string | null;
  /** Stale statuses: what was last said. */
  lastStatus: string | null;
  reason: string | null;
  source: string;
  staleMinutes: number;
}

const HEADER: Record<AlertKind, { ko: string; en: string }> = {
  not_available: { ko: '운행 중지', en: 'out of service' },
  planned_outage: { ko: '계획된 운행 중지', en: 'closed for planned works' },
  partially_available: { ko: '일부 운행', en: 'partly in service' },
  unknown: { ko: '상태 모름', en: 'status unknown' },
};

export function alertText(f: AlertFacts): { headerKo: string; headerEn: string; descriptionKo: string; descriptionEn: string } {
  const type = facilityTypeWords(f.type);
  const h = HEADER[f.kind];
  const lineKo = f.line ? ` ${f.line.ko}` : '';
  const lineEn = f.line ? ` (${f.line.en})` : '';
  const unitEn = englishUnit(f.name, type.en);
  const what = { ko: `${f.name ?? type.ko}${f.location ? ` (${f.location})` : ''}`, en: unitEn ? `The ${unitEn}` : `A ${type.en.toLowerCase()}` };
  const since = f.since ? { ko: `${seoulTime(f.since)}부터`, en: `since ${seoulTime(f.since)} KST` } : { ko: '시작 시각 모름', en: 'start time not known' };
  const back = f.expectedReturn
    ? { ko: `재개 예정 ${seoulTime(f.expectedReturn)}.`, en: `Expected back ${seoulTime(f.expectedReturn)} KST.` }
    : { ko: '재개 예정 시각은 알려지지 않았습니다.', en: 'No return time given.' };
  const why =
    f.source === 'citizen_report'
      ? { ko: ' 시민 제보를 운영기관이 확인했습니다.', en: " Confirmed by the operator after a rider's report." }
      : f.reason
        ? { ko: ` 사유: ${f.reason}.`, en: ' The operator gave a reason in Korean.' }
        : { ko: '', en: '' };
  const body: Record<AlertKind, () => { ko: string; en: string }> = {
    not_available: () => ({
      ko: `${what.ko}: ${since.ko} 사용할 수 없습니다. ${back.ko}${why.ko}`,
      en: `${what.en}${lineEn} is out of service ${since.en}. ${back.en}${why.en}`,
    }),
    planned_outage: () => ({
      ko: `${what.ko}: ${since.ko} 계획된 작업으로 운행하지 않습니다. ${back.ko}${why.ko}`,
      en: `${what.en}${lineEn} is closed for planned works ${since.en}. ${back.en}${why.en}`,
    }),
    partially_available: () => ({
      ko: `${what.ko}: ${since.ko} 일부만 운행합니다. ${back.ko}${why.ko}`,
      en: `${what.en}${lineEn} is only partly in service ${since.en}. ${back.en}${why.en}`,
    }),
    unknown: () => ({
      ko: `${what.ko}: ${since.ko} 상태를 알 수 없습니다. 운영기관이 ${f.staleMinutes}분 넘게 상태를 확인하지 않았습니다 (마지막 상태: ${statusWords(f.lastStatus ?? 'unknown').ko}). 이용 전에 역에 문의하세요.`,
      en: `${what.en}${lineEn}: status unknown ${since.en}. The operator has not confirmed it for over ${f.staleMinutes} minutes (last said: ${statusWords(f.lastStatus ?? 'unknown').en}). Ask the station before relying on it.`,
    }),
  };
  const d = body[f.kind]();
  return {
    headerKo: `${f.station.ko}${lineKo} ${type.ko} ${h.ko}`,
    headerEn: `${f.station.en}${lineEn}: ${type.en.toLowerCase()} ${h.en}`,
    descriptionKo: d.ko.trim(),
    descriptionEn: d.en.trim(),
  };
}
