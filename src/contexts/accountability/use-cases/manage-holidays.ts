import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed, userDisplayNames } from '../../accounts/index.js';
import { HOLIDAY_YEARS, holidaysOfYear, setExtraHolidays, type Ymd } from '../../../core/calendar/korean-calendar.js';
import { itemPolicy } from '../domain/policy.js';
import { deleteExtraHoliday, findExtraHoliday, insertExtraHoliday, listExtraHolidays } from '../store/holiday.repository.js';

/** Loads the admin-added days into the calendar; call at start and after each change. */
export async function loadExtraHolidays(db: DbOrTx) {
  const rows = await listExtraHolidays(db);
  setExtraHolidays(rows.map((r) => ({ date: r.on_date, ko: r.name_ko, en: r.name_en, reason: r.reason })));
}

/** The days admins added, in date order, with who added each (their name; null when unknown). */
export async function listAddedHolidays(db: DbOrTx) {
  const rows = await listExtraHolidays(db);
  const names = await userDisplayNames(
    db,
    rows.flatMap((r) => (r.created_by ? [r.created_by] : [])),
  );
  return rows.map((r) => ({
    on_date: r.on_date,
    name_ko: r.name_ko,
    name_en: r.name_en,
    reason: r.reason,
    created_at: r.created_at,
    display_name: r.created_by ? (names.get(r.created_by) ?? null) : null,
  }));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const validDate = (v: unknown): v is Ymd => {
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  return !!m && new Date(`${v as string}T00:00:00Z`).toISOString().slice(0, 10) === v;
};

/** Admins add a day off neither the tables nor the rules know (an election, a temporary holiday), saying why. */
export async function addExtraHoliday(services: Services, actor: Actor, input: { date: unknown; nameKo: unknown; nameEn: unknown; reason: unknown }) {
  assertAllowed(actor, itemPolicy.canEditKinds(actor), 'add a holiday');
  const c = new Checker();
  if (!validDate(input.date)) c.add('date', 'validation.date');
  const nameKo = c.text('nameKo', input.nameKo, { max: 100 }) ?? '';
  const nameEn = c.text('nameEn', input.nameEn, { max: 100 }) ?? '';
  const reason = c.text('reason', input.reason, { max: 1000 }) ?? '';
  c.done();
  const date = input.date as Ymd;
  const year = Number(date.slice(0, 4));
  if (year < 2000 || year > 2100) throw new AppError('accountability.holiday_year', 'Holidays can be added for 2000 to 2100', 422, { date });
  if (holidaysOfYear(year).byDate.has(date))
    throw new AppError('accountability.holiday_exists', 'This day is already a holiday', 409, { date, names: holidaysOfYear(year).byDate.get(date) });
  const row = { on_date: date, name_ko: nameKo, name_en: nameEn, reason, created_by: actor.user?.id ?? null, created_at: nowIso() };
  await services.db.transaction().execute(async (tx) => {
    await insertExtraHoliday(tx, row);
    await recordAudit(tx, actor, { action: 'accountability.add_holiday', entityType: 'accountability_extra_holiday', entityId: date, after: row });
  });
  await loadExtraHolidays(services.db);
  return row;
}

/** Admins take back a day they added (a cancelled temporary holiday), saying why. */
export async function removeExtraHoliday(services: Services, actor: Actor, input: { date: string; reason: unknown }) {
  assertAllowed(actor, itemPolicy.canEditKinds(actor), 'remove a holiday');
  const c = new Checker();
  const reason = c.text('reason', input.reason, { max: 1000 }) ?? '';
  c.done();
  const before = await findExtraHoliday(services.db, input.date);
  if (!before) throw notFound('accountability_extra_holiday');
  await services.db.transaction().execute(async (tx) => {
    await deleteExtraHoliday(tx, input.date);
    await recordAudit(tx, actor, {
      action: 'accountability.remove_holiday',
      entityType: 'accountability_extra_holiday',
      entityId: input.date,
      before,
      after: { reason },
    });
  });
  await loadExtraHolidays(services.db);
}

/** The public calendar of one year: each holiday with its source, and what the calendar could not know. */
export function describeHolidays(year: number) {
  const { holidays, lunarKnown } = holidaysOfYear(year);
  const fromTable = year >= HOLIDAY_YEARS.first && year <= HOLIDAY_YEARS.last;
  const notes: Array<{ ko: string; en: string }> = [];
  if (!fromTable) {
    notes.push({
      ko: `${year}년은 공표된 공휴일 표(${HOLIDAY_YEARS.first}–${HOLIDAY_YEARS.last}년)에 없어 법정 규칙으로 계산했습니다. 대통령 선거일과 임시공휴일은 규칙으로 알 수 없어 관리자가 추가합니다.`,
      en: `${year} is not in the published tables (${HOLIDAY_YEARS.first}–${HOLIDAY_YEARS.last}); it is computed from the statutory rules. Presidential elections and temporary holidays cannot be computed: admins add them.`,
    });
  }
  if (!lunarKnown)
    notes.push({
      ko: '이 해의 음력 공휴일(설날, 부처님 오신 날, 추석)은 음력 표(2050년까지)를 벗어나 계산하지 못했습니다. 이 해의 기한은 그만큼 틀릴 수 있습니다.',
      en: "This year's lunar holidays (Seollal, Buddha's Birthday, Chuseok) are past the lunar tables (to 2050) and could not be computed; due dates in this year may be wrong by as much.",
    });
  return {
    year,
    tables: HOLIDAY_YEARS,
    lunarKnown,
    notes,
    holidays: holidays.map((h) => ({ date: h.date, name: h.name, source: h.source, reason: h.reason ?? null })),
  };
}
