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
