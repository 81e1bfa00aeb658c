import { effectiveStatus, LIVE_SOURCES } from './facility-freshness.js';

/**
 * What a facility's status rests on, said in words beside it (API and pages): a live status with the time its
 * source observed it, "unknown since …" once it went stale, a status staff or a confirmed report set at a time,
 * or a file's snapshot with the file's date, or "date unknown" — never "now" for a snapshot.
 */
export type StatusBasisKind = 'live' | 'staff' | 'citizen_report' | 'snapshot';

export interface StatusBasis {
  kind: StatusBasisKind;
  /** The status we show and route on: `unknown` once a live status went stale. */
  status: string;
  /** What the source last said (differs from `status` only when stale). */
  reportedStatus: string;
  /** When the source observed the status (the time the source gives); null for a snapshot. */
  observedAt: string | null;
  /** When the current status began (the outage's start), as far as we know it. */
  since: string | null;
  stale: boolean;
  /** Stale statuses: the moment they became unknown (observedAt + TRANSIT_STATUS_STALE_MINUTES). */
  unknownSince: string | null;
  /** Snapshots: the file and its date (YYYY-MM-DD), null when the file carries none. */
  snapshot: { file: string; date: string | null } | null;
  said: { ko: string; en: string };
}

const STATUS_WORDS: Record<string, { ko: string; en: string }> = {
  available: { ko: '사용 가능', en: 'in service' },
  not_available: { ko: '사용 불가', en: 'out of service' },
  partially_available: { ko: '일부 사용 가능', en: 'partly in service' },
  planned_outage: { ko: '계획된 운행 중지', en: 'planned outage' },
  unknown: { ko: '상태 모름', en: 'status unknown' },
};
export const statusWords = (status: string) => STATUS_WORDS[status] ?? { ko: status, en: status };

/** `2026-11-23 10:30` in Seoul time (KST, UTC+9), the way the pages and alerts say a moment. */
export function seoulTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 9 * 3_600_000);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
}

/** `…_20250310.csv` → 2025-03-10; `…_240810.csv` → 2024-08-10; no date in the name → null. */
export function fileDate(file: string): string | null {
  const long = /_(\d{4})(\d{2})(\d{2})\.[a-z]+$/i.exec(file);
  if (long) return `${long[1]}-${long[2]}-${long[3]}`;
  const short = /_(\d{2})(\d{2})(\d{2})\.[a-z]+$/i.exec(file);
  return short ? `20${short[1]}-${short[2]}-${short[3]}` : null;
}

export function describeStatusBasis(f: { status: string; details: string; source: string }, now: Date, staleMinutes: number): StatusBasis {
  const fresh = effectiveStatus(f, now, staleMinutes);
  let d: Record<string, unknown> = {};
  try {
    d = JSON.parse(f.details) as Record<string, unknown>;
  } catch {
    /* ours; a broken one reads as a snapshot */
  }
  const source = d.statusSource;
  const observedAt = typeof d.statusSetAt === 'string' ? d.statusSetAt : null;
  const since = typeof d.statusSince === 'string' ? d.statusSince : observedAt;
  const w = statusWords(f.status);
  const base = {
    status: fresh.status,
    reportedStatus: f.status,
    observedAt,
    since,
    stale: fresh.stale,
    unknownSince: fresh.stale ? fresh.staleAt : null,
    snapshot: null,
  };
  if ((LIVE_SOURCES as readonly unknown[]).includes(source) && observedAt) {
    if (fresh.stale) {
      return {
        ...base,
        kind: 'live',
        said: {
          ko: `${seoulTime(fresh.staleAt!)}부터 상태 모름: 운영기관이 ${seoulTime(observedAt)}에 "${w.ko}"라고 알린 뒤 ${staleMinutes}분 넘게 확인하지 않았습니다`,
          en: `Unknown since ${seoulTime(fresh.staleAt!)} KST: the operator said "${w.en}" at ${seoulTime(observedAt)} KST and has not confirmed it for over ${staleMinutes} minutes`,
        },
      };
    }
    return {
      ...base,
      kind: 'live',
      said: { ko: `운영기관 시스템이 ${seoulTime(observedAt)}에 알린 상태`, en: `As the operator's system reported it at ${seoulTime(observedAt)} KST` },
    };
  }
  if ((source === 'staff' || source === 'citizen_report') && observedAt) {
    return {
      ...base,
      kind: source,
      said:
        source === 'staff'
          ? { ko: `${seoulTime(observedAt)}에 담당자가 입력한 상태`, en: `Set by staff at ${seoulTime(observedAt)} KST` }
          : {
              ko: `${seoulTime(observedAt)}에 운영기관이 시민 제보를 확인한 상태`,
              en: `A rider's report the operator confirmed at ${seoulTime(observedAt)} KST`,
            },
    };
  }
  const date = fileDate(f.source);
  const noStatus = f.status === 'unknown';
  return {
    ...base,
    kind: 'snapshot',
    observedAt: null,
    since: null,
    snapshot: { file: f.source, date },
    said: noStatus
      ? date
        ? { ko: `${date} 기준 자료에는 운행 상태가 없습니다`, en: `The file (dated ${date}) gives no operating status` }
        : { ko: '기준일을 알 수 없는 자료에 운행 상태가 없습니다', en: 'The file (date unknown) gives no operating status' }
      : date
        ? { ko: `${date} 기준 자료의 상태입니다. 지금 상태가 아닐 수 있습니다`, en: `Status in a file dated ${date}; it may not be the status now` }
        : { ko: '기준일을 알 수 없는 자료의 상태입니다. 지금 상태가 아닐 수 있습니다', en: 'Status in a file of unknown date; it may not be the status now' },
  };
}
