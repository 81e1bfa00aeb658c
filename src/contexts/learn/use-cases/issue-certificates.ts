import type { Actor } from '../../../core/auth/actor.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { notifyUsers, userDisplayNames } from '../../accounts/index.js';
import { newCertificateId } from '../domain/certificate-token.js';
import { certificateDue, hasCompleted } from '../domain/waitlist.js';
import { presenceCounts } from '../store/attendance.repository.js';
import { certificatesOfProgramme, insertCertificate, programmesAwaitingCertificates } from '../store/certificate.repository.js';
import { courseDates } from '../store/programme.repository.js';
import { userIdsInState } from '../store/registration.repository.js';
import { certificateUrl, type ProgrammeRow } from '../store/tables.js';
import { programmeTitle } from './programme-text.js';

export interface Issued {
  userId: string;
  id: string;
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
  // The holder's name is the account's display name at issue (accounts' read model, inside this transaction).
  const names = await userDisplayNames(tx, await userIdsInState(tx, programme.id, ['registered']));
  const counts = await presenceCounts(tx, programme.id);
  const have = new Set((await certificatesOfProgramme(tx, programme.id)).map((c) => c.user_id));
  const issued: Issued[] = [];
  for (const c of counts) {
    const holder = names.get(c.user_id);
    if (holder === undefined || have.has(c.user_id) || !hasCompleted(Number(c.n), programme.sessions_required)) continue;
    const id = newCertificateId(secret);
    let fresh = true;
    await insertCertificate(tx, {
      id,
      programme_id: programme.id,
      user_id: c.user_id,
      holder_name: holder,
      sessions_attended: Number(c.n),
      issued_at: at,
      course_starts_at: dates.first,
      course_ends_at: dates.last,
    }).catch((error: unknown) => {
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
  const candidates = await programmesAwaitingCertificates(services.db);
  let issued = 0;
  for (const p of candidates) {
    const done = await services.db.transaction().execute((tx) => issueCertificatesIn(tx, services.config.secret, p, at));
    await notifyCertificates(services, p, done);
    issued += done.length;
  }
  return { issued };
}
