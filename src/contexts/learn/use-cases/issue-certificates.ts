import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { notifyUsers } from '../../accounts/index.js';
import { newCertificateId } from '../domain/certificate-token.js';
import { certificateDue, hasCompleted } from '../domain/waitlist.js';
import { certificateUrl, type ProgrammeRow } from '../store/tables.js';
import { programmeTitle } from './programme-text.js';

export interface Issued {
  userId: string;
  id: string;
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

/**
 * Inside the caller's transaction: issues a certificate (once) to each registered person who attended the
 * required sessions, but only once the course is over (its last session has ended at `at`): a certificate
 * never comes before what it certifies. Each keeps the course dates it certifies.
 */
export async function issueCertificatesIn(
  tx: DbOrTx,
  secret: string,
  programme: Pick<ProgrammeRow, 'id' | 'sessions_required'>,
  at: string,
): Promise<Issued[]> {
  const dates = await courseDates(tx, programme.id);
  if (!certificateDue(dates.last, at)) return [];
  const registered = await tx
    .selectFrom('learn_registration as r')
    .innerJoin('accounts_user as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.display_name'])
    .where('r.programme_id', '=', programme.id)
    .where('r.state', '=', 'registered')
    .execute();
  const counts = await tx
    .selectFrom('learn_attendance as a')
    .innerJoin('learn_session as s', 's.id', 'a.session_id')
    .select(['a.user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.programme_id', '=', programme.id)
    .where('a.present', '=', 1)
    .groupBy('a.user_id')
    .execute();
  const have = new Set((await tx.selectFrom('learn_certificate').select('user_id').where('programme_id', '=', programme.id).execute()).map((c) => c.user_id));
  const issued: Issued[] = [];
  for (const c of counts) {
    const r = registered.find((x) => x.user_id === c.user_id);
    if (!r || have.has(c.user_id) || !hasCompleted(Number(c.n), programme.sessions_required)) continue;
    const id = newCertificateId(secret);
    let fresh = true;
    await tx
      .insertInto('learn_certificate')
      .values({
        id,
        programme_id: programme.id,
        user_id: c.user_id,
        holder_name: r.display_name,
        sessions_attended: Number(c.n),
        issued_at: at,
        course_starts_at: dates.first,
        course_ends_at: dates.last,
      })
      .execute()
      .catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
        fresh = false;
      });
    if (fresh) issued.push({ userId: c.user_id, id });
  }
  return issued;
}

export async function notifyCertificates(services: Services, programme: Pick<ProgrammeRow, 'title_ko' | 'title_en'>, issued: Issued[]) {
  const title = programmeTitle(programme);
  for (const i of issued) {
    await notifyUsers(services, [i.userId], {
      title: { ko: `수료증 발급: ${title.ko}`, en: `Certificate of completion: ${title.en}` },
      body: {
        ko: '수료를 축하합니다. 수료증(PDF)을 내려받고, 확인 링크나 QR 코드로 누구나 진위를 확인할 수 있습니다.',
        en: 'Congratulations. Download your certificate (PDF); anyone can check it with its verification link or QR code.',
      },
      url: certificateUrl(i.id),
    });
  }
}

/**
 * The job's part: programmes whose last session ended since attendance was taken get their certificates now
 * (attendance taken during the last session issues none until it ends). Returns how many were issued.
 */
export async function issueDueCertificates(services: Services, _actor?: Actor): Promise<{ issued: number }> {
  const at = services.now().toISOString();
  const candidates = await services.db
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
  let issued = 0;
  for (const p of candidates) {
    const done = await services.db.transaction().execute((tx) => issueCertificatesIn(tx, services.config.secret, p, at));
    await notifyCertificates(services, p, done);
    issued += done.length;
  }
  return { issued };
}
