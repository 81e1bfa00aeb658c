import { describe, expect, it } from 'vitest';
import { feedbackDecisionLine } from './answer-feedback.js';
import { pickedSlugs } from './make-booklet.js';

describe('the decision line of an answer to feedback', () => {
  it('says the decision in Korean and English, with the date of a decision under review', () => {
    expect(feedbackDecisionLine('accepted', null)).toBe('수용 / Accepted');
    expect(feedbackDecisionLine('under_review', '2026-12-15')).toBe('검토 중(2026-12-15까지 결정) / Under review, decision by 2026-12-15');
    expect(feedbackDecisionLine('declined', null)).toBe('수용 불가 / Declined');
  });
});

describe('startups picked for a booklet', () => {
  it('reads a comma list or repeated values, keeps the order, drops blanks and repeats', () => {
    expect(pickedSlugs('b, a,,b')).toEqual(['b', 'a']);
    expect(pickedSlugs(['c', 'a,b'])).toEqual(['c', 'a', 'b']);
    expect(pickedSlugs(undefined)).toEqual([]);
    expect(pickedSlugs('')).toEqual([]);
  });
});
