import { sql } from 'kysely';
import type { DbOrTx } from '../../../core/db/database.js';
import type { RegistrationState } from '../domain/vocabularies.js';
import type { RegistrationRow } from './tables.js';
import './tables.js';

/** A person's registrations (any state) with their calendar sequences. */
export const registrationsOfUser = (db: DbOrTx, userId: string) =>
  db.selectFrom('learn_registration').select(['programme_id', 'state', 'calendar_sequence']).where('user_id', '=', userId).execute();

/** A person's registrations not cancelled, with the programmes' titles, newest first. */
export const activeRegistrationsOfUser = (db: DbOrTx, userId: string) =>
  db
    .selectFrom('learn_registration as r')
    .innerJoin('learn_programme as p', 'p.id', 'r.programme_id')
    .select(['r.programme_id', 'r.state', 'p.title_ko', 'p.title_en'])
    .where('r.user_id', '=', userId)
    .where('r.state', '!=', 'cancelled')
    .orderBy('r.created_at', 'desc')
    .execute();

/** The people of a programme in these states. */
export const userIdsInState = async (db: DbOrTx, programmeId: string, states: readonly RegistrationState[]) =>
  (
    await db
      .selectFrom('learn_registration')
      .select('user_id')
      .where('programme_id', '=', programmeId)
      .where('state', 'in', [...states])
      .execute()
  ).map((r) => r.user_id);

/** Every registration of a programme, in queue order. */
export const registrationsOfProgramme = (db: DbOrTx, programmeId: string) =>
  db
    .selectFrom('learn_registration')
    .select(['user_id', 'state', 'queue_no', 'promoted_at'])
    .where('programme_id', '=', programmeId)
    .orderBy('queue_no')
    .execute();

/** Moves a registration from one state to another (raising its calendar sequence); false when it was no longer in `from`. */
export async function moveRegistration(
  tx: DbOrTx,
  id: string,
  from: RegistrationState,
  set: { state: RegistrationState; promoted_at?: string; cancelled_at?: string },
): Promise<boolean> {
  const r = await tx
    .updateTable('learn_registration')
    .set({ ...set, calendar_sequence: sql<number>`calendar_sequence + 1` })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Renews a cancelled registration at the back of the queue. */
export const renewRegistration = (tx: DbOrTx, id: string, set: Pick<RegistrationRow, 'state' | 'queue_no' | 'created_at' | 'calendar_sequence'>) =>
  tx
    .updateTable('learn_registration')
    .set({ ...set, promoted_at: null, cancelled_at: null })
    .where('id', '=', id)
    .where('state', '=', 'cancelled')
    .execute();

/** Seats a selected fellow on an existing registration (whatever its state). */
export const seatRegistration = (tx: DbOrTx, id: string, queueNo: number) =>
  tx.updateTable('learn_registration').set({ state: 'registered', queue_no: queueNo, cancelled_at: null }).where('id', '=', id).execute();
