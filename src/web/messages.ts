import { defineMessages } from '../core/i18n/messages.js';

export const layoutMessages = defineMessages({
  'site.name': { ko: '열린 서울', en: 'Open Seoul' },
  'site.tagline': { ko: '서울시 열린정부 파트너십 실행계획을 시민과 함께', en: "Seoul's Open Government Partnership action plan, with its citizens" },
  'layout.skip': { ko: '본문 바로가기', en: 'Skip to main content' },
  'layout.nav': { ko: '주 메뉴', en: 'Main menu' },
  'layout.language': { ko: '언어 선택', en: 'Language' },
  'layout.account': { ko: '계정 메뉴', en: 'Account menu' },
  'layout.signIn': { ko: '로그인', en: 'Sign in' },
  'layout.signUp': { ko: '회원가입', en: 'Sign up' },
  'layout.signOut': { ko: '로그아웃', en: 'Sign out' },
  'layout.myAccount': { ko: '내 계정', en: 'My account' },
  'layout.admin': { ko: '관리', en: 'Admin' },
  'layout.apiDocs': { ko: '오픈 API', en: 'Open API' },
  'layout.performance': { ko: '성능 측정 결과', en: 'Performance figures' },
  'layout.footerLicence': {
    ko: '데이터는 공공누리 제1유형(출처표시) 조건으로, 소스코드는 AGPL-3.0 이상으로 이용할 수 있습니다.',
    en: 'Data is available under KOGL Type 1 (attribution); source code under AGPL-3.0 or later.',
  },
  'layout.footerAttribution': {
    ko: '원자료: 서울특별시, 서울 열린데이터광장, 서울교통공사 등 (출처는 각 데이터 페이지에 표시). 글꼴: Pretendard (SIL OFL 1.1).',
    en: 'Source data: Seoul Metropolitan Government, Seoul Open Data Plaza, Seoul Metro and others (credited on each data page). Font: Pretendard (SIL OFL 1.1).',
  },
  'layout.footerOgp': { ko: '서울시 열린정부 파트너십(OGP) 실행계획 2018–2020 이행 플랫폼', en: "Platform for Seoul's OGP action plan 2018–2020" },
  'error.title': { ko: '요청을 처리하지 못했습니다', en: 'We could not complete your request' },
  'error.home': { ko: '첫 화면으로', en: 'Back to the home page' },
  'error.notFound': { ko: '찾는 페이지가 없습니다.', en: 'The page you are looking for does not exist.' },
  'error.forbidden': { ko: '이 작업을 할 권한이 없습니다.', en: 'You are not allowed to do this.' },
  'error.signIn': { ko: '먼저 로그인해 주세요.', en: 'Please sign in first.' },
  'error.csrf': { ko: '양식이 만료되었습니다. 페이지를 새로 고친 뒤 다시 보내 주세요.', en: 'This form has expired. Reload the page and send it again.' },
  'error.server': { ko: '서버에 문제가 생겼습니다. 잠시 뒤 다시 시도해 주세요.', en: 'Something went wrong on our side. Please try again shortly.' },
  'error.tooMany': { ko: '요청이 너무 많습니다. 잠시 뒤 다시 시도해 주세요.', en: 'Too many requests. Please try again shortly.' },
  'error.bad': { ko: '요청 내용이 올바르지 않습니다.', en: 'The request was not valid.' },
  'form.errors': { ko: '입력 내용을 확인해 주세요', en: 'Please check what you entered' },
  'form.required': { ko: '필수', en: 'required' },
});
export type LayoutKey = keyof typeof layoutMessages;
