import { defineMessages } from '../i18n/messages.js';

/** Messages for field problems found by Checker, shared by every context. */
export const validationMessages = defineMessages({
  'validation.required': { ko: '꼭 입력해 주세요.', en: 'This is required.' },
  'validation.tooLong': { ko: '너무 깁니다.', en: 'This is too long.' },
  'validation.tooShort': { ko: '너무 짧습니다.', en: 'This is too short.' },
  'validation.email': { ko: '이메일 주소 형식(name@example.kr)으로 입력해 주세요.', en: 'Enter an email address like name@example.com.' },
  'validation.emailTaken': {
    ko: '이미 가입된 이메일입니다. 로그인하거나 비밀번호를 재설정하세요.',
    en: 'This email already has an account. Sign in or reset the password.',
  },
  'validation.passwordShort': { ko: '비밀번호는 10자 이상이어야 합니다.', en: 'The password must have at least 10 characters.' },
  'validation.choice': { ko: '목록에서 골라 주세요.', en: 'Choose one of the options.' },
  'validation.url': { ko: 'http:// 또는 https:// 로 시작하는 주소를 입력해 주세요.', en: 'Enter an address starting with http:// or https://.' },
  'validation.nameOneLanguage': { ko: '한국어나 영어 중 하나 이상으로 이름을 입력해 주세요.', en: 'Enter the name in Korean or English (or both).' },
  'validation.noSuchUser': { ko: '이 이메일로 가입한 사람이 없습니다.', en: 'Nobody has signed up with this email.' },
  'validation.range': { ko: '허용된 범위를 벗어났습니다.', en: 'This is outside the allowed range.' },
  'validation.script': { ko: '스크립트나 HTML 태그는 넣을 수 없습니다.', en: 'Scripts and HTML tags are not allowed.' },
  'validation.control': { ko: '보이지 않는 제어 문자(NUL 등)는 넣을 수 없습니다.', en: 'Invisible control characters (such as NUL) are not allowed.' },
  'validation.romanised': { ko: '로마자(영문)로 입력해 주세요.', en: 'Write this in roman letters.' },
  'validation.date': { ko: '날짜를 YYYY-MM-DD 형식으로 입력해 주세요.', en: 'Enter a date as YYYY-MM-DD.' },
  'validation.dateOrder': { ko: '마감일은 시작일보다 빠를 수 없습니다.', en: 'The end cannot come before the start.' },
  'validation.number': { ko: '0에서 100 사이의 숫자를 입력해 주세요.', en: 'Enter a number from 0 to 100.' },
  'validation.fileTooLarge': { ko: '파일이 너무 큽니다(최대 5MB).', en: 'The file is too large (5 MB at most).' },
});
export type ValidationKey = keyof typeof validationMessages;
