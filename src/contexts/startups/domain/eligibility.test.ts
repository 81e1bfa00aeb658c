import { describe, expect, it } from 'vitest';
import { assertDecidable, ineligibility, isOpen, reminderDue, validYmd } from './eligibility.js';

const call = { opens_on: '2026-11-01', apply_by: '2026-11-30', max_age_band: '35_39' as const, members_only: 0 };

describe('who may apply to a call', () => {
  it('accepts a youth startup inside the window, both ends included', () => {
    expect(ineligibility(call, { founders_age_band: '30_34', isBodyMember: false }, '2026-11-01')).toEqual([]);
    expect(ineligibility(call, { founders_age_band: '35_39', isBodyMember: false }, '2026-11-30')).toEqual([]);
    expect(isOpen(call, '2026-11-30')).toBe(true);
  });
  it('refuses after the deadline, before the opening, over the age band, and non-members for members-only calls', () => {
    expect(ineligibility(call, { founders_age_band: '30_34', isBodyMember: false }, '2026-12-01')).toEqual(['deadline_passed']);
    expect(ineligibility(call, { founders_age_band: '30_34', isBodyMember: false }, '2026-10-31')).toEqual(['not_open']);
    expect(ineligibility(call, { founders_age_band: '40_plus', isBodyMember: false }, '2026-11-10')).toEqual(['age_band']);
    expect(ineligibility({ ...call, members_only: 1, max_age_band: null }, { founders_age_band: '40_plus', isBodyMember: false }, '2026-11-10')).toEqual([
      'members_only',
    ]);
    expect(ineligibility({ ...call, members_only: 1 }, { founders_age_band: '30_34', isBodyMember: true }, '2026-11-10')).toEqual([]);
  });
});

describe('deciding an application', () => {
  it('decides a submitted application once', () => {
    expect(() => assertDecidable('submitted', 'selected')).not.toThrow();
    expect(() => assertDecidable('submitted', 'not_selected')).not.toThrow();
    expect(() => assertDecidable('selected', 'not_selected')).toThrow(/cannot become/);
    expect(() => assertDecidable('submitted', 'submitted')).toThrow();
  });
});

describe('deadline reminders', () => {
  it('reminds a week before and the day before, never after', () => {
    expect(reminderDue('2026-11-30', '2026-11-22')).toBeNull();
    expect(reminderDue('2026-11-30', '2026-11-23')).toBe('week');
    expect(reminderDue('2026-11-30', '2026-11-29')).toBe('day');
    expect(reminderDue('2026-11-30', '2026-11-30')).toBe('day');
    expect(reminderDue('2026-11-30', '2026-12-01')).toBeNull();
  });
  it('knows a real date', () => {
    expect(validYmd('2026-02-29')).toBe(false);
    expect(validYmd('2028-02-29')).toBe(true);
  });
});
