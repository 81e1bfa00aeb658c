import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/index.js';
import { programmePolicy } from '../domain/policy.js';
import { sessionStarted } from '../domain/waitlist.js';
import { saveAttendance } from '../store/attendance.repository.js';
import { findProgramme, findSession } from '../store/programme.repository.js';
import { userIdsInState } from '../store/registration.repository.js';
import { issueCertificatesIn, notifyCertificates, type Issued } from './issue-certificates.js';

/**
 * The organiser marks who came to one session (from a phone, at the door), once it has started: every
 * registered person is marked present or absent. Once the course is over (its last session has ended),
 * whoever attended the required number of sessions gets a certificate of completion (issued once) and is told
 * where to download and verify it; attendance taken earlier waits for the job (issueDueCertificates).
 */
export async function markAttendance(services: Services, actor: Actor, input: { sessionId: string; present: string[] }) {
  const session = await findSession(services.db, input.sessionId);
  if (!session) throw new AppError('learn.session_not_found', 'No session has this id', 404);
  const programme = await findProgramme(services.db, session.programme_id);
  assertAllowed(actor, programmePolicy.canOrganise(actor, programme), 'take attendance for this programme');
  const registered = await userIdsInState(services.db, programme.id, ['registered']);
  const known = new Set(registered);
  const unknown = input.present.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError('learn.not_a_registrant', 'Only registered people can be marked present', 422, { users: unknown });
  const present = new Set(input.present);
  const at = services.now().toISOString();
  if (!sessionStarted(session.starts_at, at)) {
    throw new AppError('learn.session_not_started', 'Attendance can be taken only once the session has started', 409, { startsAt: session.starts_at });
  }
  let issued: Issued[] = [];
  await services.db.transaction().execute(async (tx) => {
    for (const userId of registered) {
      await saveAttendance(tx, {
        session_id: session.id,
        user_id: userId,
        present: present.has(userId) ? 1 : 0,
        marked_by: actor.user?.id ?? null,
        marked_at: at,
      });
    }
    issued = await issueCertificatesIn(tx, services.config.secret, programme, at);
    await recordAudit(tx, actor, {
      action: 'learn.mark_attendance',
      entityType: 'learn_session',
      entityId: session.id,
      after: { present: [...present], certificates: issued.map((i) => i.userId) },
    });
  });
  await notifyCertificates(services, programme, issued);
  return { sessionId: session.id, present: [...present], certificatesIssued: issued.length };
}
