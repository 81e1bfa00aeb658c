import { sql } from 'kysely';
import type { DbOrTx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import type { ProgrammeRow, RegistrationRow, SessionRow } from './tables.js';

export async function findProgramme(db: DbOrTx, id: string): Promise<ProgrammeRow> {
  const row = await db.selectFrom('learn_programme').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('learn.programme_not_found', 'No programme has this id', 404);
  return row;
}

export const sessionsOf = (db: DbOrTx, programmeId: string): Promise<SessionRow[]> =>
  db.selectFrom('learn_session').selectAll().where('programme_id', '=', programmeId).orderBy('position').execute();

export const findRegistration = (db: DbOrTx, programmeId: string, userId: string) =>
  db.selectFrom('learn_registration').selectAll().where('programme_id', '=', programmeId).where('user_id', '=', userId).executeTakeFirst();

/** Takes the next waitlist number; on PostgreSQL this also locks the programme row until the transaction ends. */
export async function nextQueueNo(tx: DbOrTx, programmeId: string): Promise<number> {
  const row = await tx
    .updateTable('learn_programme')
    .set({ queue_counter: sql<number>`queue_counter + 1` })
    .where('id', '=', programmeId)
    .returning('queue_counter')
    .executeTakeFirstOrThrow();
  return Number(row.queue_counter);
}

/** Takes a seat if one is free, atomically: the WHERE is re-checked on the locked row, so capacity holds under concurrency. */
export async function takeSeat(tx: DbOrTx, programmeId: string): Promise<boolean> {
  const r = await tx
    .updateTable('learn_programme')
    .set({ seats_taken: sql<number>`seats_taken + 1` })
    .where('id', '=', programmeId)
    .where(sql<boolean>`seats_taken < capacity`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function freeSeat(tx: DbOrTx, programmeId: string) {
  await tx
    .updateTable('learn_programme')
    .set({ seats_taken: sql<number>`seats_taken - 1` })
    .where('id', '=', programmeId)
    .where('seats_taken', '>', 0)
    .execute();
}

export const headOfWaitlist = (tx: DbOrTx, programmeId: string) =>
  tx
    .selectFrom('learn_registration')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('state', '=', 'waitlisted')
    .orderBy('queue_no')
    .limit(1)
    .executeTakeFirst();

export async function registrationCounts(db: DbOrTx, programmeIds: string[]) {
  if (!programmeIds.length) return new Map<string, { registered: number; waitlisted: number }>();
  const rows = await db
    .selectFrom('learn_registration')
    .select(['programme_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('programme_id', 'in', programmeIds)
    .where('state', 'in', ['registered', 'waitlisted'])
    .groupBy(['programme_id', 'state'])
    .execute();
  const out = new Map<string, { registered: number; waitlisted: number }>();
  for (const id of programmeIds) out.set(id, { registered: 0, waitlisted: 0 });
  for (const r of rows) out.get(r.programme_id)![r.state as 'registered' | 'waitlisted'] = Number(r.n);
  return out;
}

/** The waiting people's queue numbers, to tell someone their place. */
export const waitingQueue = async (db: DbOrTx, programmeId: string) =>
  (await db.selectFrom('learn_registration').select('queue_no').where('programme_id', '=', programmeId).where('state', '=', 'waitlisted').execute()).map((r) =>
    Number(r.queue_no),
  );

export const insertRegistration = (tx: DbOrTx, row: RegistrationRow) => tx.insertInto('learn_registration').values(row).execute();

/** Registration is open while the programme says so and its last session has not ended. */
export async function assertOpenForRegistration(db: DbOrTx, programme: ProgrammeRow, now: Date) {
  const last = await db
    .selectFrom('learn_session')
    .select((eb) => eb.fn.max('ends_at').as('last'))
    .where('programme_id', '=', programme.id)
    .executeTakeFirst();
  const over = typeof last?.last === 'string' && last.last < now.toISOString();
  if (programme.status !== 'open' || over)
    throw new AppError('learn.registration_closed', over ? 'This programme is over' : 'Registration for this programme is closed', 409);
}

export const insertProgramme = (tx: DbOrTx, row: ProgrammeRow) => tx.insertInto('learn_programme').values(row).execute();

export const insertSessions = (tx: DbOrTx, rows: SessionRow[]) => tx.insertInto('learn_session').values(rows).execute();

export const findSession = (db: DbOrTx, id: string) => db.selectFrom('learn_session').selectAll().where('id', '=', id).executeTakeFirst();

export const sessionsOfProgrammes = (db: DbOrTx, programmeIds: string[]): Promise<SessionRow[]> =>
  db.selectFrom('learn_session').selectAll().where('programme_id', 'in', programmeIds).orderBy('position').execute();

/** Programmes, filtered by kind, audience and organiser (`organisedBy` empty: none). */
export const listProgrammeRows = (
  db: DbOrTx,
  opts: { kind?: ProgrammeRow['kind']; audience?: ProgrammeRow['audience']; organisation?: string; organisedBy?: string[] } = {},
) => {
  let q = db.selectFrom('learn_programme').selectAll();
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  if (opts.audience) q = q.where('audience', '=', opts.audience);
  if (opts.organisation) q = q.where('organisation_id', '=', opts.organisation);
  if (opts.organisedBy) q = opts.organisedBy.length ? q.where('organisation_id', 'in', opts.organisedBy) : q.where('id', '=', '');
  return q.execute();
};

/** When each programme was created and last changed (for feeds). */
export const programmeStamps = (db: DbOrTx) => db.selectFrom('learn_programme').select(['id', 'created_at', 'updated_at']).execute();

/**
 * Changes status, capacity and materials, raising the calendar sequence when asked; the capacity is lowered
 * only as far as the seats taken at this instant (the WHERE holds on the locked row). False when it would go lower.
 */
export async function saveProgrammeSettings(
  tx: DbOrTx,
  id: string,
  set: Pick<ProgrammeRow, 'status' | 'capacity' | 'materials' | 'updated_at'>,
  opts: { raiseCalendarSequence: boolean },
): Promise<boolean> {
  const r = await tx
    .updateTable('learn_programme')
    .set({ ...set, ...(opts.raiseCalendarSequence ? { calendar_sequence: sql<number>`calendar_sequence + 1` } : {}) })
    .where('id', '=', id)
    .where(sql<boolean>`seats_taken <= ${set.capacity}`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sessions joined to their programme (s, p): what calendars, reminders and calendar files read. */
const withProgramme = (db: DbOrTx) => db.selectFrom('learn_session as s').innerJoin('learn_programme as p', 'p.id', 's.programme_id');
/** A session's own columns as calendars show it. */
const SESSION_TIMES = ['s.id', 's.title_ko', 's.title_en', 's.starts_at', 's.ends_at'] as const;

/** Sessions with their programmes (what a calendar shows), by programme, session, or a set of programmes. */
export const calendarSessions = (db: DbOrTx, opts: { programmeId?: string; sessionId?: string; programmeIds?: string[] }) => {
  let q = withProgramme(db).select([
    ...SESSION_TIMES,
    's.position',
    'p.id as programme_id',
    'p.title_ko as p_title_ko',
    'p.title_en as p_title_en',
    'p.summary_ko',
    'p.place_ko',
    'p.place_en',
    'p.online',
    'p.status',
    'p.example',
    'p.calendar_sequence',
    'p.created_at',
    'p.updated_at',
    'p.organisation_id',
  ]);
  if (opts.programmeId) q = q.where('p.id', '=', opts.programmeId);
  if (opts.sessionId) q = q.where('s.id', '=', opts.sessionId);
  if (opts.programmeIds) q = opts.programmeIds.length ? q.where('p.id', 'in', opts.programmeIds) : q.where('p.id', '=', '');
  return q.orderBy('s.starts_at').limit(2000).execute();
};

/** A session with its programme's titles (to name a calendar file). */
export const findSessionWithTitles = (db: DbOrTx, id: string) =>
  withProgramme(db).select(['s.id', 's.position', 'p.title_ko', 'p.title_en']).where('s.id', '=', id).executeTakeFirst();

/** The sessions of programmes not cancelled, to come (soonest first) or past (latest first), at most 300. */
export const sessionsForCalendarPage = (db: DbOrTx, now: string, past: boolean) => {
  const q = withProgramme(db)
    .select([...SESSION_TIMES, 'p.id as programme_id', 'p.kind', 'p.title_ko as p_ko', 'p.title_en as p_en', 'p.place_ko', 'p.place_en', 'p.example'])
    .where('p.status', '!=', 'cancelled');
  return (past ? q.where('s.ends_at', '<', now).orderBy('s.starts_at', 'desc') : q.where('s.ends_at', '>=', now).orderBy('s.starts_at')).limit(300).execute();
};

/** Sessions of open programmes starting in (from, until] that have not been reminded of. */
export const sessionsToRemind = (db: DbOrTx, from: string, until: string) =>
  withProgramme(db)
    .select([
      's.id',
      's.title_ko',
      's.title_en',
      's.starts_at',
      'p.id as programme_id',
      'p.title_ko as p_ko',
      'p.title_en as p_en',
      'p.place_ko',
      'p.place_en',
      'p.online',
    ])
    .where('s.reminded_at', 'is', null)
    .where('p.status', '=', 'open')
    .where('s.starts_at', '>', from)
    .where('s.starts_at', '<=', until)
    .execute();

/** Marks a session reminded, in the statement that claims it: true for the one caller that claimed it. */
export async function claimSessionReminder(db: DbOrTx, sessionId: string, at: string): Promise<boolean> {
  const claimed = await db
    .updateTable('learn_session')
    .set({ reminded_at: at })
    .where('id', '=', sessionId)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** The course's dates: the first session's start and the last session's end (null without sessions). */
export async function courseDates(db: DbOrTx, programmeId: string): Promise<{ first: string | null; last: string | null }> {
  const d = await db
    .selectFrom('learn_session')
    .select([(eb) => eb.fn.min('starts_at').as('first'), (eb) => eb.fn.max('ends_at').as('last')])
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return { first: (d?.first as string | null) ?? null, last: (d?.last as string | null) ?? null };
}
