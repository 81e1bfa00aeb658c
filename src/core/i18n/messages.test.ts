import { describe, expect, it } from 'vitest';
import { negotiateLocale, pickLocalized, translator } from './messages.js';

describe('negotiateLocale', () => {
  it('prefers the remembered choice', () => {
    expect(negotiateLocale('en', 'ko-KR,ko;q=0.9')).toBe('en');
  });
  it('reads Accept-Language by quality', () => {
    expect(negotiateLocale(undefined, 'fr;q=1, en-US;q=0.8, ko;q=0.5')).toBe('en');
    expect(negotiateLocale(undefined, 'ja')).toBe('ko');
  });
  it('ignores a forged cookie', () => {
    expect(negotiateLocale('de', 'en')).toBe('en');
  });
  it('answers Korean without a header, and the same for a header seen before (kept ranked) as the first time', () => {
    expect(negotiateLocale(undefined, undefined)).toBe('ko');
    expect(negotiateLocale(undefined, '')).toBe('ko');
    for (let i = 0; i < 3; i++) {
      expect(negotiateLocale(undefined, 'en-GB,en;q=0.9,ko;q=0.8')).toBe('en');
      expect(negotiateLocale(undefined, 'ko-KR,ko;q=0.9,en;q=0.8')).toBe('ko');
      expect(negotiateLocale('ko', 'en-GB,en;q=0.9')).toBe('ko');
    }
    for (let i = 0; i < 600; i++) negotiateLocale(undefined, `x-${i},en;q=0.5`); // more than are kept: cleared, still right
    expect(negotiateLocale(undefined, 'en-GB,en;q=0.9,ko;q=0.8')).toBe('en');
  });
});

describe('translator', () => {
  const catalog = { greet: { ko: '{name}님 안녕하세요', en: 'Hello {name}' } };
  it('interpolates', () => {
    expect(translator(catalog, 'ko')('greet', { name: '민지' })).toBe('민지님 안녕하세요');
    expect(translator(catalog, 'en')('greet', { name: 'Minji' })).toBe('Hello Minji');
  });
  it('falls back to the other language for content and says which', () => {
    expect(pickLocalized({ ko: null, en: 'GIS Division' }, 'ko')).toEqual({ text: 'GIS Division', lang: 'en' });
  });
});
