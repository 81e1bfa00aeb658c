import type { DbOrTx } from '../../../core/db/database.js';
import type { CertificateRow, ProgrammeRow } from './tables.js';
import './tables.js';

export const certificatesOfProgramme = (db: DbOrTx, programmeId: string) =>
  db.selectFrom('learn_certificate').select(['user_id', 'id', 'issued_at']).where('programme_id', '=', programmeId).execute();

export const findCertificateOf = (db: DbOrTx, programmeId: string, userId: string) =>
  db.selectFrom('learn_certificate').select('id').where('programme_id', '=', programmeId).where('user_id', '=', userId).executeTakeFirst();

export const insertCertificate = (tx: DbOrTx, row: CertificateRow) => tx.insertInto('learn_certificate').values(row).execute();

/** A person's certificates with the programmes' titles, newest first. */
export const certificatesOfUser = (db: DbOrTx, userId: string) =>
  db
    .selectFrom('learn_certificate as c')
    .innerJoin('learn_programme as p', 'p.id', 'c.programme_id')
    .select(['c.id', 'c.programme_id', 'c.issued_at', 'p.title_ko', 'p.title_en'])
    .where('c.user_id', '=', userId)
    .orderBy('c.issued_at', 'desc')
    .execute();

/** A certificate with what it certifies of its programme. */
export const findCertificateWithProgramme = (db: DbOrTx, id: string) =>
  db
    .selectFrom('learn_certificate as c')
    .innerJoin('learn_programme as p', 'p.id', 'c.programme_id')
    .select([
      'c.id',
      'c.holder_name',
      'c.issued_at',
      'c.sessions_attended',
      'c.course_starts_at',
      'c.course_ends_at',
      'p.id as programme_id',
      'p.kind',
      'p.title_ko',
      'p.title_en',
      'p.organisation_id',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();

/** Programmes not cancelled where someone was present and has no certificate yet. */
export const programmesAwaitingCertificates = (db: DbOrTx): Promise<ProgrammeRow[]> =>
  db
    .selectFrom('learn_programme as p')
    .selectAll('p')
    .where('p.status', '!=', 'cancelled')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('learn_attendance as a')
          .innerJoin('learn_session as s', 's.id', 'a.session_id')
          .select('a.user_id')
          .whereRef('s.programme_id', '=', 'p.id')
          .where('a.present', '=', 1)
          .where((e2) =>
            e2.not(
              e2.exists(e2.selectFrom('learn_certificate as c').select('c.id').whereRef('c.programme_id', '=', 'p.id').whereRef('c.user_id', '=', 'a.user_id')),
            ),
          ),
      ),
    )
    .execute();
