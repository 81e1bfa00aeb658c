import type { DbOrTx } from '../../../core/db/database.js';
import type { AttendanceRow } from './tables.js';
import './tables.js';

/** Every attendance mark of a programme's sessions. */
export const attendanceOfProgramme = (db: DbOrTx, programmeId: string) =>
  db
    .selectFrom('learn_attendance as a')
    .innerJoin('learn_session as s', 's.id', 'a.session_id')
    .select(['a.session_id', 'a.user_id', 'a.present'])
    .where('s.programme_id', '=', programmeId)
    .execute();

/** The marks of one session, by person. */
export const attendanceOfSession = (db: DbOrTx, sessionId: string) =>
  db.selectFrom('learn_attendance').select(['user_id', 'present']).where('session_id', '=', sessionId).execute();

/** Whether a person was present at one session or more of a programme. */
export const attendedAny = async (db: DbOrTx, programmeId: string, userId: string) =>
  Boolean(
    await db
      .selectFrom('learn_attendance as a')
      .innerJoin('learn_session as s', 's.id', 'a.session_id')
      .select('a.session_id')
      .where('s.programme_id', '=', programmeId)
      .where('a.user_id', '=', userId)
      .where('a.present', '=', 1)
      .executeTakeFirst(),
  );

/** How many sessions of a programme each person was present at. */
export const presenceCounts = (db: DbOrTx, programmeId: string) =>
  db
    .selectFrom('learn_attendance as a')
    .innerJoin('learn_session as s', 's.id', 'a.session_id')
    .select(['a.user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.programme_id', '=', programmeId)
    .where('a.present', '=', 1)
    .groupBy('a.user_id')
    .execute();

/** Records (or corrects) one person's mark for one session. */
export const saveAttendance = (tx: DbOrTx, row: AttendanceRow) =>
  tx
    .insertInto('learn_attendance')
    .values(row)
    .onConflict((oc) => oc.columns(['session_id', 'user_id']).doUpdateSet({ present: row.present, marked_by: row.marked_by, marked_at: row.marked_at }))
    .execute();
