/**
 * The words a report is shown with, in both languages, wherever it appears (pages, the report API, Open311,
 * the accountability engine's title): never a raw code.
 */
export const PROBLEMS = ['elevator_out', 'escalator_out', 'lift_out', 'blocked_passage', 'wrong_direction', 'map_error', 'other'] as const;
export type Problem = (typeof PROBLEMS)[number];
export const REPORT_STATUSES = ['open', 'confirmed', 'not_confirmed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export interface Words {
  ko: string;
  en: string;
}

export const PROBLEM_NAMES: Record<Problem, Words> = {
  elevator_out: { ko: '엘리베이터 고장', en: 'Elevator out of service' },
  escalator_out: { ko: '에스컬레이터 고장', en: 'Escalator out of service' },
  lift_out: { ko: '휠체어리프트 고장', en: 'Wheelchair lift out of service' },
  blocked_passage: { ko: '통로가 막힘', en: 'Passage blocked' },
  wrong_direction: { ko: '안내·방향이 틀림', en: 'Wrong sign or direction' },
  map_error: { ko: '지도가 틀림', en: 'The map is wrong' },
  other: { ko: '기타 문제', en: 'Another problem' },
};

/** What each problem is about, for apps choosing a service (Open311 `description`). */
export const PROBLEM_DESCRIPTIONS: Record<Problem, Words> = {
  elevator_out: { ko: '역의 엘리베이터가 멈췄거나 문이 열리지 않음', en: 'A station elevator is stopped or its doors do not open' },
  escalator_out: { ko: '역의 에스컬레이터가 멈춤', en: 'A station escalator is stopped' },
  lift_out: { ko: '계단의 휠체어리프트가 작동하지 않음', en: 'A stair wheelchair lift does not work' },
  blocked_passage: { ko: '공사·적치물 등으로 통로를 지날 수 없음', en: 'A passage cannot be used (works, obstacles)' },
  wrong_direction: { ko: '안내판이나 안내 문구가 틀림', en: 'A sign or a written direction is wrong' },
  map_error: { ko: '역 내부 지도가 현장과 다름', en: 'The station interior map does not match the station' },
  other: { ko: '그 밖의 접근성 문제', en: 'Any other accessibility problem' },
};

export const STATUS_NAMES: Record<ReportStatus, Words> = {
  open: { ko: '신고됨, 운영기관 확인 기다림', en: 'Reported, awaiting the operator' },
  confirmed: { ko: '운영기관이 확인함', en: 'Confirmed by the operator' },
  not_confirmed: { ko: '운영기관이 문제를 찾지 못함', en: 'Not confirmed by the operator' },
};

export const FACILITY_STATUS_NAMES: Record<string, Words> = {
  available: { ko: '사용 가능', en: 'In service' },
  not_available: { ko: '보수 중(사용 불가)', en: 'Out of service' },
  partially_available: { ko: '일부 사용 가능', en: 'Partly in service' },
  planned_outage: { ko: '계획된 운휴', en: 'Planned outage' },
  unknown: { ko: '상태 정보 없음', en: 'Status unknown' },
};

/** Problems about a lift or a passage: until the operator answers, the facility shows "reported not working". */
export const OUT_OF_SERVICE_PROBLEMS: readonly Problem[] = ['elevator_out', 'escalator_out', 'lift_out', 'blocked_passage'];

/** One facility of a kind, for a facility without a name of its own (the form's choices). */
export const FACILITY_TYPE_NAMES: Record<string, Words> = {
  elevator: { ko: '엘리베이터', en: 'Elevator' },
  escalator: { ko: '에스컬레이터', en: 'Escalator' },
  wheelchair_lift: { ko: '휠체어리프트', en: 'Wheelchair lift' },
  moving_walkway: { ko: '무빙워크', en: 'Moving walkway' },
};
