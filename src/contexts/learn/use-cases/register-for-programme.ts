import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { randomUUID } from 'node:crypto';
import { isActive, waitlistPlace, type Outcome } from '../domain/waitlist.js';
import {
  assertOpenForRegistration,
  findProgramme,
  findRegistration,
  insertRegistration,
  nextQueueNo,
  takeSeat,
  waitingQueue,
} from '../store/programme.repository.js';
import { renewRegistration } from '../store/registration.repository.js';
import type { RegistrationRow } from '../store/tables.js';
import { notifyWithCalendar } from './notify-with-calendar.js';
import { programmeTitle } from './programme-text.js';

export const alreadyRegistered = (state: string) =>
  new AppError(
    'learn.already_registered',
    state === 'waitlisted' ? 'You are already on the waitlist of this programme' : 'You are already registered for this programme',
    409,
    { state },
  );

/**
 * Registers the actor for a programme: a seat if one is free, else the waitlist (first come, first served).
 * The seat is taken by a conditional UPDATE inside the transaction, so capacity holds under any concurrency.
 * Registering twice is refused with 409 and changes nothing; a cancelled registration is renewed at the back.
 */
export async function registerForProgramme(
  services: Services,
  actor: Actor,
  input: { programmeId: string },
): Promise<{ registration: RegistrationRow; outcome: Outcome; place: number | null }> {
  if (!actor.user) throw unauthenticated();
  const user = actor.user;
  const programme = await findProgramme(services.db, input.programmeId);
  if (programme.kind === 'fellowship') throw new AppError('learn.apply_instead', 'The fellowship takes applications, not registrations: apply instead', 409);
  const before = await findRegistration(services.db, programme.id, user.id);
  if (before && isActive(before.state)) throw alreadyRegistered(before.state);
  await assertOpenForRegistration(services.db, programme, services.now());
  const at = services.now().toISOString();
  const registration = await services.db.transaction().execute(async (tx) => {
    const queueNo = await nextQueueNo(tx, programme.id);
    // Re-read under the programme lock: a concurrent registration by the same person is refused, not doubled.
    const existing = await findRegistration(tx, programme.id, user.id);
    if (existing && isActive(existing.state)) throw alreadyRegistered(existing.state);
    const seated = await takeSeat(tx, programme.id);
    const row: RegistrationRow = {
      id: existing?.id ?? randomUUID(),
      programme_id: programme.id,
      user_id: user.id,
      state: seated ? 'registered' : 'waitlisted',
      queue_no: queueNo,
      created_at: at,
      promoted_at: null,
      cancelled_at: null,
      calendar_sequence: existing ? existing.calendar_sequence + 1 : 0,
    };
    if (existing) {
      await renewRegistration(tx, existing.id, { state: row.state, queue_no: queueNo, created_at: at, calendar_sequence: row.calendar_sequence });
    } else {
      await insertRegistration(tx, row).catch((error: unknown) => {
        throw isUniqueViolation(error) ? alreadyRegistered('registered') : error;
      });
    }
    await recordAudit(tx, actor, { action: 'learn.register', entityType: 'learn_programme', entityId: programme.id, after: row });
    return row;
  });
  const outcome: Outcome = registration.state === 'registered' ? 'registered' : 'waitlisted';
  const place = outcome === 'waitlisted' ? waitlistPlace(registration.queue_no, await waitingQueue(services.db, programme.id)) : null;
  const title = programmeTitle(programme);
  await notifyWithCalendar(
    services,
    [user.id],
    programme,
    outcome === 'registered'
      ? {
          title: { ko: `신청 완료: ${title.ko}`, en: `Registered: ${title.en}` },
          body: {
            ko: '자리가 확정되었습니다. 일정은 프로그램 페이지와 내 캘린더에서도 볼 수 있습니다.',
            en: 'Your seat is confirmed. The schedule is also on the programme page and in your calendar.',
          },
        }
      : {
          title: { ko: `대기 ${place}번: ${title.ko}`, en: `Waitlist no. ${place}: ${title.en}` },
          body: {
            ko: `정원이 찼습니다. 대기자 명단 ${place}번째입니다. 자리가 나면 차례대로 자동 등록되고 알려 드립니다. 첨부한 일정은 확정 전(미정)으로 표시됩니다.`,
            en: `The programme is full: you are number ${place} on the waitlist. When a seat frees up you are registered automatically, in order, and told. The attached events are marked tentative until then.`,
          },
        },
  );
  return { registration, outcome, place };
}
