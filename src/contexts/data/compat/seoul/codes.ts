/**
 * Result codes of Seoul Open Data Plaza's Open API (openapi.seoul.go.kr:8088), with messages in the form the
 * Plaza gives them (paraphrased where the exact wording could not be checked). Civic code tests RESULT.CODE.
 */
export const SEOUL_CODES = {
  'INFO-000': '정상 처리되었습니다',
  'INFO-100': '인증키가 유효하지 않습니다. 인증키를 확인하십시오.',
  'INFO-200': '해당하는 데이터가 없습니다.',
  'ERROR-300': '필수 값이 누락되어 있습니다. 요청인자를 참고 하십시오.',
  'ERROR-301': '파일타입 값이 누락 혹은 유효하지 않습니다. 요청인자 중 TYPE을 확인하십시오. (json, xml)',
  'ERROR-310': '해당하는 서비스를 찾을 수 없습니다. 요청인자 중 SERVICE를 확인하십시오.',
  'ERROR-331': '요청시작위치 값을 확인하십시오. 요청인자 중 START_INDEX를 확인하십시오.',
  'ERROR-332': '요청종료위치 값을 확인하십시오. 요청인자 중 END_INDEX를 확인하십시오.',
  'ERROR-333': '요청위치 값의 타입이 유효하지 않습니다. 요청위치 값은 정수를 입력하세요.',
  'ERROR-334': '요청종료위치 보다 요청시작위치가 더 큽니다. 요청시작위치와 요청종료위치를 확인하십시오.',
  'ERROR-335': '샘플데이터(샘플키:sample)는 한번에 최대 5건을 넘을 수 없습니다. 요청시작위치와 요청종료위치 값은 1 ~ 5 사이만 가능합니다.',
  'ERROR-336': '데이터요청은 한번에 최대 1000건을 넘을 수 없습니다. 요청시작위치와 요청종료위치 값은 1000 이내로 설정하세요.',
  'ERROR-500': '서버 오류입니다.',
  'ERROR-600': '데이터베이스 연결 오류입니다.',
  'ERROR-601': 'SQL 문장 오류입니다.',
} as const;
export type SeoulCode = keyof typeof SEOUL_CODES;

export class SeoulError extends Error {
  constructor(
    readonly code: SeoulCode,
    detail?: string,
  ) {
    super(detail ? `${SEOUL_CODES[code]} (${detail})` : SEOUL_CODES[code]);
    this.name = 'SeoulError';
  }
}

/** Rows per call, as the Plaza caps them. */
export const SEOUL_MAX_ROWS = 1000;
/** The Plaza's public sample key, limited to rows 1–5. */
export const SAMPLE_KEY = 'sample';
export const SAMPLE_MAX_ROWS = 5;
