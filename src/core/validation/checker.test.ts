import { describe, expect, it } from 'vitest';
import { ACTIVE_CONTENT, Checker, ValidationFailed } from './checker.js';

/** README: "Free text holding active markup … is refused with 422 validation.script". These must all be. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)">',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href=" java\tscript:alert(1)">x</a>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<math><mtext></mtext></math>',
  '<object data="x.swf">',
  '<embed src=x>',
  '<style>@import "x"</style>',
  '<base href="//evil.example/">',
  '<meta http-equiv="refresh" content="0;url=//evil.example">',
  '<link rel=stylesheet href=//x>',
  '<form action=//evil.example><button>x</button></form>',
  '<video><source onerror=alert(1)></video>',
  '<x onclick=alert(1)>click',
  'vbscript:msgbox(1)',
  '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
  '<div style="x" onmouseover=alert(1)>',
  '<marquee onstart=alert(1)>',
];
const PROSE = [
  '지하철 2호선 < 3호선 혼잡도',
  'one = 1, two = 2',
  'button=3 그리고 on=off',
  'a<b and c>d',
  '데이터 형식: text/csv',
  'JavaScript 강좌: 변수와 함수',
  'mailto:info@example.kr',
  '<3 서울',
  'x => x * 2',
];

describe('active markup in free text', () => {
  it.each(PAYLOADS)('refuses %j with validation.script', (payload) => {
    expect(ACTIVE_CONTENT.test(payload)).toBe(true);
    const c = new Checker();
    c.text('body', payload, { max: 1000 });
    expect(() => c.done()).toThrow(ValidationFailed);
    expect(c.issues[0]!.code).toBe('validation.script');
  });
  it.each(PROSE)('keeps the prose %j', (text) => {
    expect(ACTIVE_CONTENT.test(text)).toBe(false);
  });
});

describe('control characters in free text', () => {
  it('refuses NUL and other control characters, keeps tabs and line breaks', () => {
    const check = (v: string) => {
      const c = new Checker();
      c.text('f', v, { max: 100 });
      return c.issues.map((i) => i.code);
    };
    expect(check('a\u0000b')).toEqual(['validation.control']);
    expect(check('a\u001bb')).toEqual(['validation.control']);
    expect(check('첫 줄\n둘째 줄\r\n\t들여쓰기')).toEqual([]);
  });
});
