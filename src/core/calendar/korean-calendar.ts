import * as presets from '@hyunbinseo/holidays-kr/all';
import { LUNAR_RANGE, ruleHolidays } from './holiday-rules.js';

/**
 * Korean public holidays for any year. Where the published tables exist (@hyunbinseo/holidays-kr, from the
 * official gazette: lunar holidays, substitute holidays, election days, temporary holidays) they are the
 * authority; other years are computed from the statutory rules (holiday-rules.ts). Admins add the days
 * neither knows (a presidential election after a resignation, a temporary holiday), with a reason.
 * Dates are Korea Standard Time calendar dates, `YYYY-MM-DD`.
 */
export type Ymd = `${number}-${number}-${number}`;

export type HolidaySource = 'table' | 'rules' | 'admin';

export interface Holiday {
  date: Ymd;
  name: { ko: string; en: string };
  source: HolidaySource;
  /** Admin days: why the day was added. */
  reason?: string;
}

const table = new Map<string, readonly string[]>();
for (const [name, preset] of Object.entries(presets)) {
  if (!/^y\d{4}$/.test(name)) continue;
  for (const [date, names] of Object.entries(preset as Record<string, readonly string[]>)) table.set(date, names);
}
const tableYears = [...new Set([...table.keys()].map((d) => Number(d.slice(0, 4))))].sort();
/** The years the published tables cover; other years are computed from the rules. */
export const HOLIDAY_YEARS = { first: tableYears[0]!, last: tableYears[tableYears.length - 1]! };
export const hasTable = (year: number) => year >= HOLIDAY_YEARS.first && year <= HOLIDAY_YEARS.last;

const ENGLISH: Record<string, string> = {
  '1월 1일': "New Year's Day",
  '설날 전날': 'Day before Seollal',
  설날: 'Seollal (Lunar New Year)',
  '설날 다음 날': 'Day after Seollal',
  '3ㆍ1절': 'Independence Movement Day',
  노동절: 'Labour Day',
  어린이날: "Children's Day",
  '부처님 오신 날': "Buddha's Birthday",
  현충일: 'Memorial Day',
  제헌절: 'Constitution Day',
  광복절: 'Liberation Day',
  '추석 전날': 'Day before Chuseok',
  추석: 'Chuseok',
  '추석 다음 날': 'Day after Chuseok',
  개천절: 'National Foundation Day',
  한글날: 'Hangul Day',
  기독탄신일: 'Christmas Day',
  임시공휴일: 'Temporary holiday',
  대통령선거: 'Presidential election',
  전국동시지방선거: 'Local elections',
};
/** An English name for a name of the published tables (substitute days and elections by their pattern). */
export function englishName(ko: string): string {
  if (ENGLISH[ko]) return ENGLISH[ko];
  const sub = /^대체공휴일\((.+)\)$/.exec(ko);
  if (sub) return `Substitute holiday (${englishName(sub[1]!).replace(/ \(Lunar New Year\)$/, '')})`;
  const temp = /^임시공휴일\((.+)\)$/.exec(ko);
  if (temp) return `Temporary holiday (${englishName(temp[1]!)})`;
  if (/국회의원\s*선거/.test(ko)) return 'National Assembly election';
  if (/대통령선거/.test(ko)) return 'Presidential election';
  if (/지방선거/.test(ko)) return 'Local elections';
  return ko;
}

let extras: Holiday[] = [];
const cache = new Map<number, { holidays: Holiday[]; lunarKnown: boolean; byDate: Map<string, string[]> }>();

/** The days admins added (kept in the database; loaded at start and after each change). */
export function setExtraHolidays(days: Array<{ date: string; ko: string; en: string; reason: string }>) {
  extras = days.map((d) => ({ date: d.date as Ymd, name: { ko: d.ko, en: d.en }, source: 'admin' as const, reason: d.reason }));
  cache.clear();
}

/** Every holiday of a year, each with its source; never fails. `lunarKnown` is false only past the lunar tables (after 2050). */
export function holidaysOfYear(year: number): { holidays: Holiday[]; lunarKnown: boolean; byDate: Map<string, string[]> } {
  const hit = cache.get(year);
  if (hit) return hit;
  let base: Holiday[];
  let lunarKnown = true;
  if (hasTable(year)) {
    base = [...table]
      .filter(([d]) => d.startsWith(`${year}-`))
      .flatMap(([date, names]) => names.map((ko) => ({ date: date as Ymd, name: { ko, en: englishName(ko) }, source: 'table' as const })));
  } else {
    const rules = ruleHolidays(year);
    lunarKnown = rules.lunarKnown;
    base = rules.holidays.map((h) => ({ date: h.date as Ymd, name: { ko: h.ko, en: h.en }, source: 'rules' as const }));
  }
  const holidays = [...base, ...extras.filter((e) => e.date.startsWith(`${year}-`))].sort((a, b) => a.date.localeCompare(b.date));
  const byDate = new Map<string, string[]>();
  for (const h of holidays) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h.name.ko]);
  const result = { holidays, lunarKnown, byDate };
  cache.set(year, result);
  return result;
}

export const LUNAR_YEARS = LUNAR_RANGE;

const KST_OFFSET_MS = 9 * 3_600_000;

/** The KST calendar date of an instant. */
export function kstDate(instant: Date): Ymd {
  return new Date(instant.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10) as Ymd;
}

export function addDays(date: Ymd, days: number): Ymd {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) as Ymd;
}

export function holidayNames(date: Ymd): readonly string[] {
  return holidaysOfYear(Number(date.slice(0, 4))).byDate.get(date) ?? [];
}

export function isWeekend(date: Ymd): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** A working day for a Korean public office: not Saturday, Sunday or a public holiday. */
export function isBusinessDay(date: Ymd): boolean {
  return !isWeekend(date) && holidayNames(date).length === 0;
}

/** The n-th business day after `date` (the first day is not counted, as in the civil-petition rules). */
export function addBusinessDays(date: Ymd, n: number): Ymd {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

/** Business days in (from, to]: how many working days pass from one date to a later one. */
export function businessDaysBetween(from: Ymd, to: Ymd): number {
  if (to <= from) return 0;
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(d)) n++;
  return n;
}

/** The date itself when it is a business day, otherwise the next one (a period ending on a holiday ends the next working day). */
export function nextBusinessDayFrom(date: Ymd): Ymd {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}
