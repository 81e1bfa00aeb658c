/** Catalogue vocabularies: licences (Korea Open Government Licence types and common open licences), update frequencies, topics. */
export const LICENCES = {
  'KOGL-1': { ko: '공공누리 제1유형 (출처표시)', en: 'KOGL Type 1 (attribution)', url: 'https://www.kogl.or.kr/info/licenseType1.do', open: true },
  'KOGL-2': {
    ko: '공공누리 제2유형 (출처표시, 상업적 이용금지)',
    en: 'KOGL Type 2 (attribution, non-commercial)',
    url: 'https://www.kogl.or.kr/info/licenseType2.do',
    open: false,
  },
  'KOGL-3': {
    ko: '공공누리 제3유형 (출처표시, 변경금지)',
    en: 'KOGL Type 3 (attribution, no derivatives)',
    url: 'https://www.kogl.or.kr/info/licenseType3.do',
    open: false,
  },
  'KOGL-4': {
    ko: '공공누리 제4유형 (출처표시, 상업적 이용금지, 변경금지)',
    en: 'KOGL Type 4 (attribution, non-commercial, no derivatives)',
    url: 'https://www.kogl.or.kr/info/licenseType4.do',
    open: false,
  },
  'CC-BY-4.0': { ko: 'CC BY 4.0', en: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', open: true },
  'CC0-1.0': { ko: 'CC0 1.0 (퍼블릭 도메인)', en: 'CC0 1.0 (public domain)', url: 'https://creativecommons.org/publicdomain/zero/1.0/', open: true },
  PD: { ko: '퍼블릭 도메인', en: 'Public domain', url: null, open: true },
} as const;
export type LicenceId = keyof typeof LICENCES;

export const FREQUENCIES = {
  continuous: { ko: '수시', en: 'Continuously updated' },
  daily: { ko: '매일', en: 'Daily' },
  weekly: { ko: '매주', en: 'Weekly' },
  monthly: { ko: '매월', en: 'Monthly' },
  quarterly: { ko: '분기', en: 'Quarterly' },
  annual: { ko: '매년', en: 'Annual' },
  irregular: { ko: '비정기', en: 'Irregular' },
  never: { ko: '갱신 없음', en: 'Not updated' },
} as const;
export type FrequencyId = keyof typeof FREQUENCIES;

export const TOPICS = {
  transport: { ko: '교통', en: 'Transport' },
  environment: { ko: '환경', en: 'Environment' },
  welfare: { ko: '복지', en: 'Welfare' },
  economy: { ko: '경제', en: 'Economy' },
  safety: { ko: '안전', en: 'Safety' },
  health: { ko: '보건', en: 'Health' },
  culture: { ko: '문화', en: 'Culture' },
  urban: { ko: '도시계획', en: 'Urban planning' },
  administration: { ko: '행정', en: 'Administration' },
} as const;
export type TopicId = keyof typeof TOPICS;
