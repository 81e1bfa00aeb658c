import { defineMessages } from '../../core/i18n/messages.js';
import { performanceMessages } from './performance.messages.js';

export const homeMessages = defineMessages({
  ...performanceMessages,
  'home.title': { ko: '열린 서울', en: 'Open Seoul' },
  'home.lead': {
    ko: '서울시가 열린정부 파트너십(OGP) 실행계획 2018–2020에서 약속한 일을 시민과 함께 하는 곳입니다. 계획의 진행 상황을 공개하고, 시민의 요청에 기한 안에 답하며, 교통약자를 위한 환승 지도와 시민 데이터, 청년 스마트시티 스타트업을 지원합니다.',
    en: "Where Seoul carries out, with its citizens, what it promised in its Open Government Partnership action plan 2018–2020: progress published, every citizen's request answered on time, transfer maps for people who cannot take the stairs, civic data, and support for youth smart-city startups.",
  },
  'home.sections': { ko: '플랫폼에서 할 수 있는 일', en: 'What you can do here' },
  'home.live': { ko: '이용 가능', en: 'Available' },
  'home.coming': { ko: '준비 중', en: 'Coming' },
  'home.comingNote': { ko: '아직 열리지 않았습니다.', en: 'Not open yet.' },
  'home.open': { ko: '바로 가기', en: 'Open' },
  'ctx.plan': { ko: '실행계획', en: 'The action plan' },
  'ctx.plan.desc': {
    ko: '공약, 세부 이행 과제와 일정, 진행 상황과 근거, 시민 제안과 위원회 회의.',
    en: 'Commitments, milestones and dates, progress with evidence, citizen suggestions and committee meetings.',
  },
  'ctx.accountability': { ko: '답변 책임', en: 'Accountability' },
  'ctx.accountability.desc': {
    ko: '시민의 모든 요청에 업무일 기준 기한 안에 답하고, 기관별 응답 성적을 공개합니다.',
    en: "Every citizen's request answered within a deadline in Korean business days, with public scorecards per authority.",
  },
  'ctx.transit': { ko: '교통약자 환승 지도', en: 'Accessible transfer maps' },
  'ctx.transit.desc': {
    ko: '휠체어, 어르신, 임산부, 유아차를 위한 지하철 환승 경로와 지도.',
    en: 'Subway transfer routes and maps for wheelchair users, older people, pregnant women and parents with strollers.',
  },
  'ctx.data': { ko: '시민 데이터', en: 'Civic data' },
  'ctx.data.desc': { ko: '서울의 공공데이터 목록, 바로 조회하는 API와 SQL, 내려받기.', en: "Seoul's public data catalogue, a query API and SQL, downloads." },
  'ctx.demand': { ko: '데이터 요청 창구', en: 'Ask for data' },
  'ctx.demand.desc': {
    ko: '필요한 데이터를 요청하고, 다른 시민과 함께 지지하고, 시가 언제까지 답해야 하는지 확인하세요.',
    en: "Ask the city for data, support others' requests, and see when the city must answer.",
  },
  'ctx.analyses': { ko: '데이터 분석', en: 'Analyses' },
  'ctx.analyses.desc': {
    ko: '데이터셋 버전에 고정된 SQL 분석과 차트를 만들고, 최신 데이터로 다시 실행해 무엇이 바뀌었는지 보세요.',
    en: 'SQL analyses and charts pinned to dataset versions; re-run them on the latest data to see what changed.',
  },
  'ctx.learn': { ko: '데이터 리터러시', en: 'Data literacy' },
  'ctx.learn.desc': {
    ko: '시민과 교사를 위한 교육, 세미나, 멘토링, 서울의 실제 데이터로 배우는 수업.',
    en: "Courses, seminars and mentoring for citizens and teachers; lessons on Seoul's real data.",
  },
  'ctx.startups': { ko: '청년 스마트시티 스타트업', en: 'Youth smart-city startups' },
  'ctx.startups.desc': {
    ko: '해외 진출 기회, 규제 안내, 시가 답해야 하는 정책 의견.',
    en: 'Opportunities abroad, rules and regulations, and policy feedback the city must answer.',
  },
  'ctx.organisations': { ko: '참여 기관', en: 'Organisations' },
  'ctx.organisations.desc': {
    ko: '서울시 부서, 시민사회단체, 교통 운영기관, 스타트업, 대학.',
    en: 'City departments, NGOs, transit operators, startups and universities.',
  },
  'ctx.api': { ko: '오픈 API', en: 'Open API' },
  'ctx.api.desc': { ko: '앱 개발자를 위한 API 문서와 키 발급.', en: 'API documentation and keys for app developers.' },
  'search.title': { ko: '검색', en: 'Search' },
  'search.label': { ko: '검색어', en: 'Search terms' },
  'search.hint': {
    ko: '두 글자 단어(예: 공원, 청년)와 단어의 일부로도 찾을 수 있습니다.',
    en: 'Two-syllable Korean words (공원, 청년) and parts of words work too.',
  },
  'search.submit': { ko: '검색', en: 'Search' },
  'search.results': { ko: '"{q}" 검색 결과 {n}건', en: 'Results for "{q}": {n}' },
  'search.none': { ko: '결과가 없습니다. 다른 낱말로 찾아보세요.', en: 'No results. Try other words.' },
});
