import { describe, expect, it } from 'vitest';
import { grams, indexTokens, normalize, parseQuery } from './analyzer.js';

describe('search analyzer', () => {
  it('normalizes width, case and punctuation', () => {
    expect(normalize('ＡＢＣ  Park—청년!')).toBe('abc park 청년');
  });
  it('makes bigrams so that two-syllable Korean words are indexable', () => {
    expect(grams('공원녹지과')).toEqual(['공원', '원녹', '녹지', '지과']);
    expect(grams('공')).toEqual(['공']);
  });
  it('keeps the heaviest weight per token', () => {
    const tokens = indexTokens([
      { text: '청년 창업', weight: 3 },
      { text: '청년 정책', weight: 1 },
    ]);
    expect(tokens.get('청년')).toBe(3);
    expect(tokens.get('정책')).toBe(1);
  });
  it('parses a query into words and required bigrams', () => {
    expect(parseQuery('공원 Park')).toEqual({ words: ['공원', 'park'], grams: ['공원', 'pa', 'ar', 'rk'] });
  });
});
