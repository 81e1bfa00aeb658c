import { describe, expect, it } from 'vitest';
import type { ValidationFailed } from '../../../core/validation/checker.js';
import { checkProgramme, type ProgrammeInput } from './programme-input.js';

const input = (over: Partial<ProgrammeInput> = {}): ProgrammeInput => ({
  kind: 'seminar',
  titleKo: '세미나',
  summaryKo: '소개',
  audience: 'everyone',
  level: 'beginner',
  placeKo: '빅데이터캠퍼스',
  capacity: '20',
  organisation: 'open-net',
  sessions: [
    { startsAt: '2026-12-02T19:00', endsAt: '2026-12-02T21:00' },
    { startsAt: '2026-12-01T19:00', endsAt: '2026-12-01T21:00' },
  ],
  ...over,
});
const fields = (over: Partial<ProgrammeInput>) => {
  try {
    checkProgramme(input(over));
    return [];
  } catch (e) {
    return (e as ValidationFailed).issues.map((i) => i.field).sort();
  }
};

describe('a new programme', () => {
  it('reads form times as Seoul time, orders sessions and requires all of them by default', () => {
    const p = checkProgramme(input());
    expect(p.sessions.map((s) => s.startsAt)).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z']);
    expect(p.sessionsRequired).toBe(2);
    expect(p.capacity).toBe(20);
    expect(p.sessions[0]!.titleKo).toBe('2회차'); // named by the order given, then sorted by time
  });
  it('refuses bad fields one by one', () => {
    expect(fields({ kind: 'party', capacity: '0' })).toEqual(['capacity', 'kind']);
    expect(fields({ sessions: [] })).toEqual(['sessions.0.startsAt']);
    expect(fields({ sessions: [{ startsAt: '2026-12-01T21:00', endsAt: '2026-12-01T19:00' }] })).toEqual(['sessions.0.endsAt']);
    expect(fields({ sessionsRequired: '3' })).toEqual(['sessionsRequired']);
    expect(fields({ titleKo: '<script>x</script>' })).toEqual(['titleKo']);
  });
});
