import { getHolidayNames } from '@hyunbinseo/holidays-kr';
import { describe, expect, it } from 'vitest';
import { answeredOnTime, clockState, DEFAULT_RULE, dueDate, type Clock } from './deadline.js';
import { addBusinessDays, holidayNames, isBusinessDay, kstDate, type Ymd } from '../../../core/calendar/korean-calendar.js';

const rule14 = DEFAULT_RULE;
const clock = (receivedOn: Ymd, extra: Partial<Clock> = {}): Clock => ({ receivedOn, rule: rule14, pauses: [], extensionDays: 0, ...extra });

/** Dates below are checked against the package's own data first, so the tests never rely on hand-typed holidays. */
async function expectHoliday(date: Ymd, namePart: string) {
  const names = await getHolidayNames(date);
  expect(names?.join(' ')).toContain(namePart);
  expect(holidayNames(date).join(' ')).toContain(namePart);
}

describe('Korean business days', () => {
  it('reads dates in Korea Standard Time', () => {
    expect(kstDate(new Date('2026-01-01T14:59:59Z'))).toBe('2026-01-01');
    expect(kstDate(new Date('2026-01-01T15:00:00Z'))).toBe('2026-01-02');
  });

  it('skips the three days of Seollal', async () => {
    // Seollal 2019: Mon 4 – Wed 6 February.
    for (const d of ['2019-02-04', '2019-02-05', '2019-02-06'] as Ymd[]) await expectHoliday(d, '설날');
    expect(addBusinessDays('2019-02-01', 1)).toBe('2019-02-07');
  });

  it('skips Chuseok and its substitute holiday', async () => {
    // Chuseok 2018: 23–25 September (Sun–Tue), substitute holiday Wed 26 September.
    await expectHoliday('2018-09-24', '추석');
    await expectHoliday('2018-09-26', '대체공휴일');
    expect(isBusinessDay('2018-09-26')).toBe(false);
    expect(addBusinessDays('2018-09-21', 1)).toBe('2018-09-27');
  });

  it("skips a substitute holiday for Children's Day", async () => {
    await expectHoliday('2019-05-06', '대체공휴일');
    expect(addBusinessDays('2019-05-03', 1)).toBe('2019-05-07');
  });

  it('never fails for a year past the tables: it computes it from the rules', () => {
    expect(holidayNames('2099-01-01')).toEqual(['1월 1일']);
    expect(holidayNames('2028-01-27')).toEqual(['설날']);
  });
});

describe('due dates', () => {
  it('counts 14 business days from the day after receipt', () => {
    // Received Mon 2026-11-02 → 14 working days (no holidays in November 2026) → Fri 2026-11-20.
    expect(dueDate(clock('2026-11-02'), '2026-11-02')).toBe('2026-11-20');
  });

  it('moves a due date across Chuseok', async () => {
    // Chuseok 2020: 30 Sep – 2 Oct, then Gaecheonjeol Sat 3 Oct, Hangul Day Fri 9 Oct.
    await expectHoliday('2020-10-01', '추석');
    await expectHoliday('2020-10-09', '한글날');
    // From Fri 25 Sep: 28, 29 Sep, 5–8, 12–16, 19–21 Oct are the 14 working days.
    expect(addBusinessDays('2020-09-25', 14)).toBe('2020-10-21');
    expect(dueDate(clock('2020-09-25'), '2020-09-25')).toBe('2020-10-21');
  });

  it('ends a calendar-day period that falls on a holiday on the next business day', async () => {
    await expectHoliday('2019-02-05', '설날');
    const c = clock('2019-01-26', { rule: { ...rule14, unit: 'calendar_days', days: 10 } });
    // 26 Jan + 10 days = Tue 5 Feb (Seollal) → Thu 7 Feb, the first working day after the holidays.
    expect(dueDate(c, '2019-01-26')).toBe('2019-02-07');
  });

  it('stops the clock while paused and shows it', () => {
    const paused = clock('2026-11-02', { pauses: [{ from: '2026-11-05', to: null }] });
    expect(clockState(paused, '2026-11-10')).toEqual({ kind: 'paused', since: '2026-11-05' });
    // Paused Thu 5 → resumed Thu 12 November: 5 working days (5, 6, 9, 10, 11) do not count.
    const resumed = clock('2026-11-02', { pauses: [{ from: '2026-11-05', to: '2026-11-12' }] });
    expect(dueDate(resumed, '2026-11-12')).toBe(addBusinessDays('2026-11-20', 5));
    expect(dueDate(resumed, '2026-11-12')).toBe('2026-11-27');
  });

  it('adds a recorded extension', () => {
    expect(dueDate(clock('2026-11-02', { extensionDays: 10 }), '2026-11-02')).toBe(addBusinessDays('2026-11-20', 10));
  });

  it('computes running, overdue and very overdue', () => {
    const c = clock('2026-11-02');
    expect(clockState(c, '2026-11-18')).toEqual({ kind: 'running', dueOn: '2026-11-20', businessDaysLeft: 2 });
    expect(clockState(c, '2026-11-20')).toMatchObject({ kind: 'running', businessDaysLeft: 0 });
    expect(clockState(c, '2026-11-23')).toEqual({ kind: 'overdue', dueOn: '2026-11-20', businessDaysLate: 1, veryOverdue: false });
    expect(clockState(c, '2026-12-10')).toMatchObject({ kind: 'overdue', businessDaysLate: 14, veryOverdue: true });
  });

  it('judges answers on time against the due date on the day of the answer', () => {
    expect(answeredOnTime(clock('2026-11-02'), '2026-11-20')).toBe(true);
    expect(answeredOnTime(clock('2026-11-02'), '2026-11-23')).toBe(false);
  });

  it('hand-checked due date across the new year of 2028', () => {
    // Received Mon 20 Dec 2027; Christmas (Sat) gives Mon 27 Dec; 1 Jan 2028 is a Saturday.
    expect(dueDate({ receivedOn: '2027-12-20', rule: DEFAULT_RULE, pauses: [], extensionDays: 0 }, '2027-12-20')).toBe('2028-01-10');
  });
});
