import { defineMessages, translator, type Locale } from '../../../core/i18n/messages.js';

/** Public report lists, and the open reports on a station page. */
export const reportListMessages = defineMessages({
  'rl.stationTitle': { ko: '{station} 신고 목록', en: 'Reports at {station}' },
  'rl.operatorTitle': { ko: '{org}에 들어온 신고', en: 'Reports to {org}' },
  'rl.intro': {
    ko: '시민이 알린 문제와 운영기관의 답변입니다. 운영기관은 영업일 기준 기한 안에 답해야 합니다. 신고한 사람의 정보는 공개하지 않습니다.',
    en: 'Problems people reported, and the operator’s answers. The operator must answer within business days. Nothing about who reported is shown.',
  },
  'rl.all': { ko: '전체', en: 'All' },
  'rl.open': { ko: '답변 기다림', en: 'Awaiting an answer' },
  'rl.closed': { ko: '답변함', en: 'Answered' },
  'rl.filter': { ko: '보기', en: 'Show' },
  'rl.count': { ko: '신고 {n}건', en: '{n} reports' },
  'rl.none': { ko: '아직 신고가 없습니다.', en: 'No reports yet.' },
  'rl.received': { ko: '접수', en: 'Received' },
  'rl.problem': { ko: '문제', en: 'Problem' },
  'rl.where': { ko: '역·시설', en: 'Station, facility' },
  'rl.status': { ko: '상태', en: 'Status' },
  'rl.due': { ko: '답변 기한', en: 'Answer due' },
  'rl.answer': { ko: '답변', en: 'Answer' },
  'rl.dueOn': { ko: '{date}까지 (영업일 {n}일 남음)', en: 'by {date} ({n} business days left)' },
  'rl.late': { ko: '{date} 기한을 영업일 {n}일 넘김', en: '{n} business days past {date}' },
  'rl.paused': { ko: '기한 멈춤', en: 'clock paused' },
  'rl.answeredOnTime': { ko: '기한 안에 답함', en: 'answered on time' },
  'rl.answeredLate': { ko: '기한을 넘겨 답함', en: 'answered late' },
  'rl.noAnswer': { ko: '아직 답변 없음', en: 'No answer yet' },
  'rl.api': { ko: '이 목록의 API (JSON)', en: 'This list as JSON (API)' },
  'rl.operatorLink': { ko: '{org}에 들어온 모든 신고', en: 'All reports to {org}' },
  'rl.stationLink': { ko: '이 역의 신고 목록', en: 'Reports at this station' },
  'rl.open311': { ko: '앱 개발자: Open311 GeoReport v2로 신고하고 따라가기', en: 'App developers: report and follow with Open311 GeoReport v2' },
  'rl.openHere': { ko: '신고된 문제 (운영기관 확인 기다림)', en: 'Reported problems (awaiting the operator)' },
  'rl.openRow': {
    ko: '{problem}{facility}: 신고됨, 운영기관 확인 기다림. 접수 {at}, {due}',
    en: '{problem}{facility}: reported, awaiting the operator. Received {at}, {due}',
  },
  'rl.flag': {
    ko: '작동하지 않는다는 신고가 있음, 운영기관 확인 기다림 (접수 {at}, {due})',
    en: 'Reported not working, awaiting the operator (received {at}, {due})',
  },
  'rl.dueShort': { ko: '답변 기한 {date}', en: 'answer due {date}' },
  'rl.lateShort': { ko: '답변 기한 {date} 지남', en: 'answer was due {date}' },
});

export const rlT = (l: Locale) => translator(reportListMessages, l);
export type RlT = ReturnType<typeof rlT>;
