import lunar from 'korean-lunar-calendar';

// The package's types describe CommonJS; under ESM its default export is the class itself.
const KoreanLunarCalendar = ((lunar as unknown as { default?: unknown }).default ?? lunar) as typeof lunar.default;

/**
 * Korean public holidays from the statutory rules, for any year: 관공서의 공휴일에 관한 규정 §2 (the days),
 * §3 (substitute holidays) and 공직선거법 §34 (the National Assembly and local election days). Lunar dates
 * (설날, 부처님 오신 날, 추석) come from korean-lunar-calendar, which follows the Korea Astronomy and Space Science
 * Institute's tables (1391–2050). Presidential elections after a resignation and temporary holidays cannot be
 * computed: the published tables, or an admin, add them.
 */
export interface RuleHoliday {
  date: string;
  ko: string;
  en: string;
}

export const LUNAR_RANGE = { first: 1391, last: 2050 };

type Base = RuleHoliday & { key: string; lunarBlock: boolean };

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The solar date of a lunar date (non-leap month); null outside the library's range. */
export function lunarToSolar(year: number, month: number, day: number): string | null {
  if (year < LUNAR_RANGE.first || year > LUNAR_RANGE.last) return null;
  const calendar = new KoreanLunarCalendar();
  if (!calendar.setLunarDate(year, month, day, false)) return null;
  const s = calendar.getSolarCalendar();
  return ymd(s.year, s.month, s.day);
}

/** Since which year a holiday has a substitute day (null: never). */
const SUBSTITUTE_SINCE: Record<string, number | null> = {
  newYear: null,
  seollal: 2014,
  samiljeol: 2021,
  labourDay: 2026,
  childrensDay: 2014,
  buddha: 2023,
  memorialDay: null,
  constitutionDay: 2026,
  liberationDay: 2021,
  chuseok: 2014,
  foundationDay: 2021,
  hangulDay: 2021,
  christmas: 2023,
  election: null,
};

/** 공직선거법 §34: the first Wednesday on or after a day before the end of the term; a holiday pushes it a week. */
function electionDay(from: string, holidays: Set<string>): string {
  let d = from;
  while (weekday(d) !== 3) d = shift(d, 1);
  while (holidays.has(d)) d = shift(d, 7);
  return d;
}

function baseHolidays(year: number): { list: Base[]; lunarKnown: boolean } {
  const list: Base[] = [];
  const add = (key: string, date: string, ko: string, en: string, lunarBlock = false) => list.push({ key, date, ko, en, lunarBlock });
  add('newYear', ymd(year, 1, 1), '1월 1일', "New Year's Day");
  const seollal = lunarToSolar(year, 1, 1);
  if (seollal) {
    add('seollal', shift(seollal, -1), '설날 전날', 'Day before Seollal', true);
    add('seollal', seollal, '설날', 'Seollal (Lunar New Year)', true);
    add('seollal', shift(seollal, 1), '설날 다음 날', 'Day after Seollal', true);
  }
  add('samiljeol', ymd(year, 3, 1), '3ㆍ1절', 'Independence Movement Day');
  if (year >= 2026) add('labourDay', ymd(year, 5, 1), '노동절', 'Labour Day');
  add('childrensDay', ymd(year, 5, 5), '어린이날', "Children's Day");
  const buddha = lunarToSolar(year, 4, 8);
  if (buddha) add('buddha', buddha, '부처님 오신 날', "Buddha's Birthday");
  add('memorialDay', ymd(year, 6, 6), '현충일', 'Memorial Day');
  if (year >= 2026 || year <= 2007) add('constitutionDay', ymd(year, 7, 17), '제헌절', 'Constitution Day');
  add('liberationDay', ymd(year, 8, 15), '광복절', 'Liberation Day');
  const chuseok = lunarToSolar(year, 8, 15);
  if (chuseok) {
    add('chuseok', shift(chuseok, -1), '추석 전날', 'Day before Chuseok', true);
    add('chuseok', chuseok, '추석', 'Chuseok', true);
    add('chuseok', shift(chuseok, 1), '추석 다음 날', 'Day after Chuseok', true);
  }
  add('foundationDay', ymd(year, 10, 3), '개천절', 'National Foundation Day');
  if (year >= 2013 || year <= 1990) add('hangulDay', ymd(year, 10, 9), '한글날', 'Hangul Day');
  add('christmas', ymd(year, 12, 25), '기독탄신일', 'Christmas Day');
  const taken = new Set(list.map((h) => h.date));
  // National Assembly: terms end on 29 May of 2024, 2028 … (election: first Wednesday from 50 days before).
  if (year >= 2004 && year % 4 === 0) add('election', electionDay(shift(ymd(year, 5, 29), -50), taken), '국회의원선거', 'National Assembly election');
  // Local councils and governments: terms end on 30 June of 2022, 2026 … (first Wednesday from 30 days before).
  if (year >= 2006 && year % 4 === 2) add('election', electionDay(shift(ymd(year, 6, 30), -30), taken), '전국동시지방선거', 'Local elections');
  return { list: list.filter((h) => h.date.startsWith(`${year}-`)), lunarKnown: seollal !== null && chuseok !== null && buddha !== null };
}

/**
 * Every holiday of the year by the rules, substitute days included (§3): a holiday that has one and falls on
 * a Sunday (on a Saturday too, except the 설날 and 추석 days), or on a weekday already taken by another holiday,
 * gives the first following day that is neither a weekend nor a holiday.
 */
export function ruleHolidays(year: number): { holidays: RuleHoliday[]; lunarKnown: boolean } {
  const { list, lunarKnown } = baseHolidays(year);
  const byDate = new Map<string, Base[]>();
  for (const h of list) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h]);
  const off = new Set(list.map((h) => h.date));
  const eligible = (h: Base) => {
    const since = SUBSTITUTE_SINCE[h.key];
    return since !== null && since !== undefined && year >= since;
  };
  const substitutes: RuleHoliday[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const here = [...byDate.get(date)!].sort((a, b) => Number(eligible(a)) - Number(eligible(b)));
    const day = weekday(date);
    const needing = here.filter((h, i) => eligible(h) && (day === 0 || (day === 6 && !h.lunarBlock) || (day !== 6 && i > 0)));
    for (const h of needing) {
      let d = shift(date, 1);
      while (weekday(d) === 0 || weekday(d) === 6 || off.has(d)) d = shift(d, 1);
      off.add(d);
      const name = h.lunarBlock ? (h.key === 'seollal' ? ['설날', 'Seollal'] : ['추석', 'Chuseok']) : [h.ko, h.en];
      substitutes.push({ date: d, ko: `대체공휴일(${name[0]})`, en: `Substitute holiday (${name[1]})` });
    }
  }
  const holidays = [...list.map(({ date, ko, en }) => ({ date, ko, en })), ...substitutes].sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, lunarKnown };
}
