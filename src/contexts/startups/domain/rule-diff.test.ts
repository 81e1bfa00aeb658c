import { describe, expect, it } from 'vitest';
import { diffTexts } from './rule-diff.js';

describe('diffTexts', () => {
  it('marks the Korean words added and removed, keeping the rest', () => {
    const d = diffTexts('시장은 5년마다 정보화 기본계획을 세웁니다.', '시장은 5년마다 스마트도시 및 정보화 기본계획을 세웁니다.')!;
    expect(
      d.parts
        .filter((p) => p.op === 'added')
        .map((p) => p.text.trim())
        .join(' '),
    ).toContain('스마트도시');
    expect(d.parts.filter((p) => p.op === 'removed')).toEqual([]);
    expect(d.added).toBe(2);
    expect(d.removed).toBe(0);
    // The parts put back together give the new text; without the added ones, the old text.
    expect(
      d.parts
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe('시장은 5년마다 스마트도시 및 정보화 기본계획을 세웁니다.');
    expect(
      d.parts
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('시장은 5년마다 정보화 기본계획을 세웁니다.');
  });

  it('says nothing changed for the same text, and gives no diff against a missing text', () => {
    expect(diffTexts('같은 글', '같은 글')).toEqual({ parts: [{ op: 'same', text: '같은 글' }], added: 0, removed: 0 });
    expect(diffTexts(null, 'new English text')).toBeNull();
    expect(diffTexts('old', undefined)).toBeNull();
  });

  it('counts replaced words on both sides', () => {
    const d = diffTexts('the Framework Act on National Informatization', 'the Framework Act on Intelligent Informatization')!;
    expect(d.added).toBe(1);
    expect(d.removed).toBe(1);
  });
});
