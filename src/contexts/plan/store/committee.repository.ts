import type { DbOrTx } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/types.js';
import './tables.js';

/** The committee's members, by sector then name. */
export const listCommitteeMembers = (db: DbOrTx) => db.selectFrom('plan_committee_member').selectAll().orderBy('sector').orderBy('name').execute();

/** Which of these ids are members of the committee. */
export const knownMemberIds = async (db: DbOrTx, ids: string[]) =>
  ids.length ? (await db.selectFrom('plan_committee_member').select('id').where('id', 'in', ids).execute()).map((r) => r.id) : [];

export const insertCommitteeMember = (db: DbOrTx, row: Database['plan_committee_member']) => db.insertInto('plan_committee_member').values(row).execute();

/** The committee's meetings, the latest first. */
export const listMeetings = (db: DbOrTx) => db.selectFrom('plan_meeting').selectAll().orderBy('held_on', 'desc').execute();

export const insertMeeting = (db: DbOrTx, row: Database['plan_meeting']) => db.insertInto('plan_meeting').values(row).execute();

/** Who attended which meeting. */
export const listAttendance = (db: DbOrTx) => db.selectFrom('plan_attendance').selectAll().execute();

export const insertAttendance = (db: DbOrTx, meetingId: string, memberIds: string[]) =>
  db
    .insertInto('plan_attendance')
    .values(memberIds.map((id) => ({ meeting_id: meetingId, member_id: id })))
    .execute();
