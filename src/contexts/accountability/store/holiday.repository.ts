import type { DbOrTx } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/types.js';
import './tables.js';

export type ExtraHolidayRow = Database['accountability_extra_holiday'];

/** The days admins added, in date order. */
export const listExtraHolidays = (db: DbOrTx) => db.selectFrom('accountability_extra_holiday').selectAll().orderBy('on_date').execute();

export const findExtraHoliday = (db: DbOrTx, date: string) =>
  db.selectFrom('accountability_extra_holiday').selectAll().where('on_date', '=', date).executeTakeFirst();

export const insertExtraHoliday = (db: DbOrTx, row: ExtraHolidayRow) => db.insertInto('accountability_extra_holiday').values(row).execute();

export const deleteExtraHoliday = (db: DbOrTx, date: string) => db.deleteFrom('accountability_extra_holiday').where('on_date', '=', date).execute();
