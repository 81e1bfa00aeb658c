import * as presets from '@hyunbinseo/holidays-kr/all';
import { describe, expect, it } from 'vitest';
import { lunarToSolar, ruleHolidays } from './holiday-rules.js';
import { addBusinessDays, englishName, HOLIDAY_YEARS, holidaysOfYear, isBusinessDay, type Ymd } from './korean-calendar.js';

/**
 * Days of the published tables that no rule can give: presidential elections (2022 at the end of a term whose
 * date the rules do not model, 2025 after a removal from office) and temporary holidays declared by the
 * cabinet. Only these may differ between the rules and the tables, and the tables win.
 */
const TABLE_ONLY: Record<string, string> = {
  '2020-08-17': '임시공휴일',
  '2022-03-09': '대통령선거',
  '2023-10-02': '임시공휴일',
  '2024-10-01': '임시공휴일',
  '2025-01-27': '임시공휴일',
  '2025-06-03': '임시공휴일(대통령선거)',
};

describe('Korean holidays from the statutory rules', () => {
  it('agree with the published tables for every published year, except the days listed', () => {
    const years = Object.keys(presets)
      .filter((k) => /^y\d{4}$/.test(k))
      .map((k) => Number(k.slice(1)))
      .sort();
    expect(years[0]).toBe(HOLIDAY_YEARS.first);
    expect(years.length).toBeGreaterThanOrEqual(10);
    for (const year of years) {
      const published = Object.keys((presets as unknown as Record<string, Record<string, string[]>>)[`y${year}`]!).sort();
      const computed = [...new Set(ruleHolidays(year).holidays.map((h) => h.date))].sort();
      const onlyInTable = published.filter((d) => !computed.includes(d));
      const onlyInRules = computed.filter((d) => !published.includes(d));
      expect({ year, onlyInRules }).toEqual({ year, onlyInRules: [] });
      expect({ year, onlyInTable }).toEqual({ year, onlyInTable: Object.keys(TABLE_ONLY).filter((d) => d.startsWith(`${year}-`)) });
    }
  });

  it('names the listed table-only days as the tables do', () => {
    for (const [date, name] of Object.entries(TABLE_ONLY)) {
      expect(
        holidaysOfYear(Number(date.slice(0, 4)))
          .holidays.filter((h) => h.date === date)
          .map((h) => [h.name.ko, h.source]),
      ).toEqual([[name, 'table']]);
    }
  });

  it('reads the lunar holidays of 2028 and 2031 from the lunar calendar (checked by hand against KASI)', () => {
    expect(lunarToSolar(2028, 1, 1)).toBe('2028-01-27');
    expect(lunarToSolar(2028, 8, 15)).toBe('2028-10-03');
    expect(lunarToSolar(2028, 4, 8)).toBe('2028-05-02');
    expect(lunarToSolar(2031, 1, 1)).toBe('2031-01-23');
    expect(lunarToSolar(2031, 8, 15)).toBe('2031-10-01');
    const y2028 = holidaysOfYear(2028);
    expect(y2028.lunarKnown).toBe(true);
    expect(y2028.holidays.every((h) => h.source === 'rules')).toBe(true);
    expect(y2028.holidays.map((h) => `${h.date} ${h.name.ko}`)).toEqual([
      '2028-01-01 1월 1일',
      '2028-01-26 설날 전날',
      '2028-01-27 설날',
      '2028-01-28 설날 다음 날',
      '2028-03-01 3ㆍ1절',
      '2028-04-12 국회의원선거',
      '2028-05-01 노동절',
      '2028-05-02 부처님 오신 날',
      '2028-05-05 어린이날',
      '2028-06-06 현충일',
      '2028-07-17 제헌절',
      '2028-08-15 광복절',
      '2028-10-02 추석 전날',
      '2028-10-03 추석',
      '2028-10-03 개천절',
      '2028-10-04 추석 다음 날',
      // 개천절 falls on 추석 (a Tuesday): the first following day off is Thursday 5 October.
      '2028-10-05 대체공휴일(개천절)',
      '2028-10-09 한글날',
      '2028-12-25 기독탄신일',
    ]);
    // 3·1절 2031 is a Saturday: substitute on Monday 3 March.
    expect(
      holidaysOfYear(2031)
        .holidays.filter((h) => h.name.ko.startsWith('대체'))
        .map((h) => h.date),
    ).toEqual(['2031-03-03']);
  });

  it('hand-checked business days in 2028 and 2031', () => {
    // Across 설날 2028 (Wed 26 – Fri 28 January): Fri 14 January + 14 business days = Tue 8 February.
    expect(addBusinessDays('2028-01-14', 14)).toBe('2028-02-08');
    // Across 3·1절 2031 (Sat) and its substitute (Mon 3 March): Mon 24 February + 14 = Mon 17 March.
    expect(addBusinessDays('2031-02-24', 14)).toBe('2031-03-17');
    // Across 추석 2031 (Tue 30 Sep – Thu 2 Oct), 개천절 (Fri 3 Oct) and 한글날 (Thu 9 Oct): Mon 22 September + 14 = Fri 17 October.
    expect(addBusinessDays('2031-09-22', 14)).toBe('2031-10-17');
    for (const d of ['2028-01-26', '2028-01-27', '2028-01-28', '2028-10-05', '2031-03-03', '2031-10-03'] as Ymd[]) expect(isBusinessDay(d)).toBe(false);
  });

  it('never fails, even past the lunar tables, and says what it could not compute', () => {
    const far = holidaysOfYear(2051);
    expect(far.lunarKnown).toBe(false);
    expect(far.holidays.some((h) => h.name.ko === '추석')).toBe(false);
    expect(far.holidays.some((h) => h.name.ko === '광복절')).toBe(true);
  });

  it('gives every table name an English name', () => {
    for (let y = HOLIDAY_YEARS.first; y <= HOLIDAY_YEARS.last; y++) {
      for (const h of holidaysOfYear(y).holidays) expect(h.name.en, h.name.ko).toMatch(/^[A-Za-z]/);
    }
    expect(englishName('대체공휴일(설날)')).toBe('Substitute holiday (Seollal)');
  });
});
