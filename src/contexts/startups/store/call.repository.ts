import type { DbOrTx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { CallKind } from '../domain/vocabularies.js';
import type { Database } from '../../../core/db/types.js';
import type { ApplicationRow, CallRow } from './tables.js';
import './tables.js';

type MeetingRow = Database['startups_meeting'];
type ReminderRecipientRow = Database['startups_reminder_recipient'];

export async function findCall(db: DbOrTx, slugOrId: string, kind?: 'body' | 'opportunity') {
  let q = db
    .selectFrom('startups_call')
    .selectAll()
    .where((eb) => eb.or([eb('slug', '=', slugOrId), eb('id', '=', slugOrId)]));
  if (kind === 'body') q = q.where('kind', '=', 'body');
  if (kind === 'opportunity') q = q.where('kind', '!=', 'body');
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(kind === 'body' ? 'call' : 'opportunity');
  return row;
}

export const listCalls = (db: DbOrTx, kinds: readonly CallKind[]) =>
  db
    .selectFrom('startups_call')
    .selectAll()
    .where('kind', 'in', [...kinds])
    .orderBy('apply_by', 'desc')
    .orderBy('slug')
    .limit(500)
    .execute();

export const applicationsOf = (db: DbOrTx, callIds: string[]) =>
  callIds.length
    ? db
        .selectFrom('startups_application as a')
        .innerJoin('startups_profile as p', 'p.id', 'a.profile_id')
        .selectAll('a')
        .select(['p.slug', 'p.name_ko', 'p.name_en'])
        .where('a.call_id', 'in', callIds)
        .orderBy('a.created_at')
        .execute()
    : Promise.resolve([]);

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow> {
  const row = await db.selectFrom('startups_application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('application');
  return row;
}

export const callSlugTaken = async (db: DbOrTx, slug: string) =>
  Boolean(await db.selectFrom('startups_call').select('id').where('slug', '=', slug).executeTakeFirst());

export const insertCall = (db: DbOrTx, row: CallRow) => db.insertInto('startups_call').values(row).execute();

export const setResultsPublished = (db: DbOrTx, callId: string, at: string) =>
  db.updateTable('startups_call').set({ results_published_at: at, updated_at: at }).where('id', '=', callId).execute();

/** Calls whose application window contains the (Seoul) day. */
export const callsOpenOn = (db: DbOrTx, today: string) =>
  db.selectFrom('startups_call').selectAll().where('apply_by', '>=', today).where('opens_on', '<=', today).execute();

/** When each call was created and last changed (for feeds). */
export const callStamps = (db: DbOrTx) => db.selectFrom('startups_call').select(['id', 'updated_at', 'created_at']).execute();

export const findApplicationOf = (db: DbOrTx, callId: string, profileId: string) =>
  db.selectFrom('startups_application').select('id').where('call_id', '=', callId).where('profile_id', '=', profileId).executeTakeFirst();

export const insertApplication = (db: DbOrTx, row: ApplicationRow) => db.insertInto('startups_application').values(row).execute();

export const countSelected = async (db: DbOrTx, callId: string) =>
  Number(
    (
      await db
        .selectFrom('startups_application')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('call_id', '=', callId)
        .where('state', '=', 'selected')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Decides a submitted application; false when it was no longer submitted (decided at the same moment by someone else). */
export async function decideSubmittedApplication(
  db: DbOrTx,
  id: string,
  decision: Pick<ApplicationRow, 'state' | 'decision_reason' | 'decided_by' | 'decided_at'>,
): Promise<boolean> {
  const changed = await db.updateTable('startups_application').set(decision).where('id', '=', id).where('state', '=', 'submitted').executeTakeFirst();
  return Number(changed.numUpdatedRows) === 1;
}

export const applicationStatesOf = (db: DbOrTx, callId: string) =>
  db.selectFrom('startups_application').select(['id', 'state', 'profile_id']).where('call_id', '=', callId).execute();

/** A startup's applications with the calls they went to, newest first. */
export const applicationsOfProfile = (db: DbOrTx, profileId: string) =>
  db
    .selectFrom('startups_application as a')
    .innerJoin('startups_call as c', 'c.id', 'a.call_id')
    .select(['a.id', 'a.state', 'a.decision_reason', 'a.created_at', 'c.slug', 'c.kind', 'c.title_ko', 'c.title_en', 'c.apply_by'])
    .where('a.profile_id', '=', profileId)
    .orderBy('a.created_at', 'desc')
    .execute();

/** The consultative body's members: startups selected in a body call, in the order they were selected. */
export const bodyMembers = (db: DbOrTx) =>
  db
    .selectFrom('startups_application as a')
    .innerJoin('startups_call as c', 'c.id', 'a.call_id')
    .innerJoin('startups_profile as p', 'p.id', 'a.profile_id')
    .select(['p.slug', 'p.name_ko', 'p.name_en', 'p.field', 'a.decided_at', 'c.slug as call_slug'])
    .where('c.kind', '=', 'body')
    .where('a.state', '=', 'selected')
    .orderBy('a.decided_at')
    .execute();

export const listCouncilCompanies = (db: DbOrTx) => db.selectFrom('startups_council_company').selectAll().orderBy('name_en').execute();

export const listMeetings = (db: DbOrTx) => db.selectFrom('startups_meeting').selectAll().orderBy('held_on', 'desc').execute();

export const insertMeeting = (db: DbOrTx, row: MeetingRow) => db.insertInto('startups_meeting').values(row).execute();

/** Claims a deadline reminder for one recipient; false when it was already claimed (sent, or being sent). */
export async function claimReminder(db: DbOrTx, key: Omit<ReminderRecipientRow, 'sent_at'>, at: string): Promise<boolean> {
  const claimed = await db
    .insertInto('startups_reminder_recipient')
    .values({ ...key, sent_at: at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 0;
}

/** Gives a claim back (its mail could not go out), to be tried on the next run. */
export const releaseReminder = (db: DbOrTx, key: Omit<ReminderRecipientRow, 'sent_at'>) =>
  db
    .deleteFrom('startups_reminder_recipient')
    .where('call_id', '=', key.call_id)
    .where('reminder', '=', key.reminder)
    .where('apply_by', '=', key.apply_by)
    .where('user_id', '=', key.user_id)
    .execute();
