import { describe, expect, it } from 'vitest';
import { certificateDue, hasCompleted, isActive, outcomeFor, promotions, sessionStarted, waitlistPlace } from './waitlist.js';

describe('registration rules', () => {
  it('gives a seat while one is free, then the waitlist', () => {
    expect(outcomeFor(0, 2)).toBe('registered');
    expect(outcomeFor(1, 2)).toBe('registered');
    expect(outcomeFor(2, 2)).toBe('waitlisted');
    expect(outcomeFor(3, 2)).toBe('waitlisted');
    expect(outcomeFor(0, 0)).toBe('waitlisted');
  });
  it('refuses a second active registration but renews a cancelled one', () => {
    expect(isActive('registered')).toBe(true);
    expect(isActive('waitlisted')).toBe(true);
    expect(isActive('cancelled')).toBe(false);
    expect(isActive(undefined)).toBe(false);
  });
  it('numbers the waitlist in the order people came', () => {
    expect(waitlistPlace(7, [3, 7, 9])).toBe(2);
    expect(waitlistPlace(3, [3, 7, 9])).toBe(1);
    expect(waitlistPlace(12, [])).toBe(1);
  });
  it('promotes no more than the freed seats and the people waiting', () => {
    expect(promotions(1, 3)).toBe(1);
    expect(promotions(3, 1)).toBe(1);
    expect(promotions(0, 4)).toBe(0);
    expect(promotions(-1, 4)).toBe(0);
  });
  it('completes at the required number of sessions', () => {
    expect(hasCompleted(2, 2)).toBe(true);
    expect(hasCompleted(1, 2)).toBe(false);
    expect(hasCompleted(0, 0)).toBe(false);
  });
});

describe('attendance and certificates follow the clock', () => {
  it('takes attendance only from the session start on', () => {
    expect(sessionStarted('2026-12-10T05:00:00.000Z', '2026-12-06T01:00:00.000Z')).toBe(false);
    expect(sessionStarted('2026-12-10T05:00:00.000Z', '2026-12-10T05:00:00.000Z')).toBe(true);
    expect(sessionStarted('2026-12-10T05:00:00.000Z', '2026-12-10T05:10:00.000Z')).toBe(true);
  });
  it('issues a certificate only once the last session has ended', () => {
    expect(certificateDue(null, '2026-12-30T00:00:00.000Z')).toBe(false);
    expect(certificateDue('2026-12-17T07:00:00.000Z', '2026-12-17T06:59:59.000Z')).toBe(false);
    expect(certificateDue('2026-12-17T07:00:00.000Z', '2026-12-17T07:00:00.000Z')).toBe(true);
  });
});
