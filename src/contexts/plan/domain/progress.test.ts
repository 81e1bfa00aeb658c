import { describe, expect, it } from 'vitest';
import { isLate, monthEnd, ogpCompletion, rollUp } from './progress.js';

describe('milestone progress', () => {
  it('knows the end of a month, leap years included', () => {
    expect(monthEnd('2020-02')).toBe('2020-02-29');
    expect(monthEnd('2020-08')).toBe('2020-08-31');
  });
  it('is late only after the end month and only while unfinished', () => {
    expect(isLate({ end_month: '2020-08', status: 'in_progress' }, '2020-08-31')).toBe(false);
    expect(isLate({ end_month: '2020-08', status: 'in_progress' }, '2020-09-01')).toBe(true);
    expect(isLate({ end_month: '2020-08', status: 'completed' }, '2026-01-01')).toBe(false);
    expect(isLate({ end_month: '2020-08', status: 'withdrawn' }, '2026-01-01')).toBe(false);
  });
  it('rolls up by weight, completed counts as 100, withdrawn leaves the plan', () => {
    expect(
      rollUp([
        { weight: 2, completion: 50, status: 'in_progress' },
        { weight: 1, completion: 10, status: 'completed' },
        { weight: 5, completion: 0, status: 'withdrawn' },
      ]),
    ).toBe(67);
    expect(rollUp([])).toBe(0);
  });
  it('maps to the OGP completion scale', () => {
    expect(ogpCompletion(0, false)).toBe('not_started');
    expect(ogpCompletion(20, true)).toBe('limited');
    expect(ogpCompletion(60, true)).toBe('substantial');
    expect(ogpCompletion(100, true)).toBe('complete');
  });
});
