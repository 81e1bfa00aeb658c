/** The 25 autonomous districts (자치구) of Seoul, with the five-digit 시군구 code of the 행정표준코드. */
export const SEOUL_DISTRICTS = [
  { id: 'jongno', code: '11110', ko: '종로구', en: 'Jongno-gu' },
  { id: 'jung', code: '11140', ko: '중구', en: 'Jung-gu' },
  { id: 'yongsan', code: '11170', ko: '용산구', en: 'Yongsan-gu' },
  { id: 'seongdong', code: '11200', ko: '성동구', en: 'Seongdong-gu' },
  { id: 'gwangjin', code: '11215', ko: '광진구', en: 'Gwangjin-gu' },
  { id: 'dongdaemun', code: '11230', ko: '동대문구', en: 'Dongdaemun-gu' },
  { id: 'jungnang', code: '11260', ko: '중랑구', en: 'Jungnang-gu' },
  { id: 'seongbuk', code: '11290', ko: '성북구', en: 'Seongbuk-gu' },
  { id: 'gangbuk', code: '11305', ko: '강북구', en: 'Gangbuk-gu' },
  { id: 'dobong', code: '11320', ko: '도봉구', en: 'Dobong-gu' },
  { id: 'nowon', code: '11350', ko: '노원구', en: 'Nowon-gu' },
  { id: 'eunpyeong', code: '11380', ko: '은평구', en: 'Eunpyeong-gu' },
  { id: 'seodaemun', code: '11410', ko: '서대문구', en: 'Seodaemun-gu' },
  { id: 'mapo', code: '11440', ko: '마포구', en: 'Mapo-gu' },
  { id: 'yangcheon', code: '11470', ko: '양천구', en: 'Yangcheon-gu' },
  { id: 'gangseo', code: '11500', ko: '강서구', en: 'Gangseo-gu' },
  { id: 'guro', code: '11530', ko: '구로구', en: 'Guro-gu' },
  { id: 'geumcheon', code: '11545', ko: '금천구', en: 'Geumcheon-gu' },
  { id: 'yeongdeungpo', code: '11560', ko: '영등포구', en: 'Yeongdeungpo-gu' },
  { id: 'dongjak', code: '11590', ko: '동작구', en: 'Dongjak-gu' },
  { id: 'gwanak', code: '11620', ko: '관악구', en: 'Gwanak-gu' },
  { id: 'seocho', code: '11650', ko: '서초구', en: 'Seocho-gu' },
  { id: 'gangnam', code: '11680', ko: '강남구', en: 'Gangnam-gu' },
  { id: 'songpa', code: '11710', ko: '송파구', en: 'Songpa-gu' },
  { id: 'gangdong', code: '11740', ko: '강동구', en: 'Gangdong-gu' },
] as const;
export type DistrictId = (typeof SEOUL_DISTRICTS)[number]['id'];
export const DISTRICT_IDS = SEOUL_DISTRICTS.map((d) => d.id) as DistrictId[];
export const districtById = (id: string) => SEOUL_DISTRICTS.find((d) => d.id === id);
