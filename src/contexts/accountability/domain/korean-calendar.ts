import * as presets from '@hyunbinseo/holidays-kr/all';

/**
 * Korean public holidays from @hyunbinseo/holidays-kr (the official gazette: lunar holidays, substitute
 * holidays, election days). Dates are Korea Standard Time calendar dates, `YYYY-MM-DD`.
 */
export type Ymd = `${number}-${number}-${number}`;

const holidays = new Map<string, readonly string[]>();
for (const [name, preset] of Object.entries(presets)) {
  if (!/^y\d{4}$/.test(name)) continue;
  for (const [date, names] of Object.entries(preset as Record<string, readonly string[]>)) holidays.set(date, names);
}
const years = [...new Set([...holidays.keys()].map((d) => Number(d.slice(0, 4))))].sort();
export const HOLIDAY_YEARS = { first: years[0]!, last: years[years.length - 1]! };

export class CalendarRangeError extends Error {
  constructor(readonly year: number) {
    super(`No Korean holiday data for ${year} (known: ${HOLIDAY_YEARS.first}–${HOLIDAY_YEARS.last}); update @hyunbinseo/holidays-kr`);
  }
}

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
  const year = Number(date.slice(0, 4));
  if (year < HOLIDAY_YEARS.first || year > HOLIDAY_YEARS.last) throw new CalendarRangeError(year);
  return holidays.get(date) ?? [];
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
