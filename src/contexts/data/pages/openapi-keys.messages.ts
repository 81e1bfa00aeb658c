import { defineMessages } from '../../../core/i18n/messages.js';

/** Strings of the Seoul Open API key page, Korean first. */
export const openApiKeyMessages = defineMessages({
  'openapiKeys.title': { ko: '서울 열린데이터광장 호환 인증키', en: 'Keys for the Seoul Open Data Plaza URL form' },
  'openapiKeys.intro': {
    ko: '열린데이터광장(openapi.seoul.go.kr:8088)용으로 만든 앱은 주소의 호스트를 이 사이트의 /seoul-openapi 로 바꾸고 여기서 받은 인증키를 쓰면 그대로 동작합니다. 인증키는 주소에 들어가므로 공개 데이터 읽기에만 쓰입니다.',
    en: "An app written for the Open Data Plaza (openapi.seoul.go.kr:8088) works unchanged when its host becomes this site's /seoul-openapi and it uses a key from here. The key travels in the URL, so it only reads public data.",
  },
  'openapiKeys.example': { ko: '예: {url}', en: 'For example: {url}' },
  'openapiKeys.issue': { ko: '인증키 발급', en: 'Issue a key' },
  'openapiKeys.issued': { ko: '새 인증키입니다. 지금만 보여 드리니 복사해 두세요:', en: 'Your new key. It is shown only now, so copy it:' },
  'openapiKeys.yours': { ko: '내 인증키', en: 'Your keys' },
  'openapiKeys.none': { ko: '발급한 인증키가 없습니다.', en: 'You have no keys yet.' },
  'openapiKeys.prefix': { ko: '앞자리', en: 'Starts with' },
  'openapiKeys.created': { ko: '발급일', en: 'Issued' },
  'openapiKeys.state': { ko: '상태', en: 'State' },
  'openapiKeys.live': { ko: '사용 중', en: 'In use' },
  'openapiKeys.revoked': { ko: '{date} 폐기', en: 'Revoked {date}' },
  'openapiKeys.revoke': { ko: '폐기', en: 'Revoke' },
  'openapiKeys.revokeLabel': { ko: '{prefix}… 인증키 폐기', en: 'Revoke key {prefix}…' },
});
