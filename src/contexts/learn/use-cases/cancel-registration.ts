import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { findProgramme, findRegistration, freeSeat, headOfWaitlist, takeSeat } from '../store/programme.repository.js';
import { moveRegistration } from '../store/registration.repository.js';
import type { RegistrationRow } from '../store/tables.js';
import { notifyWithCalendar } from './notify-with-calendar.js';
import { programmeTitle } from './programme-text.js';

/**
 * Fills free seats from the head of the waitlist, inside the caller's transaction: each promotion takes a seat
 * with the conditional UPDATE first, so two cancellations at once can never let more people in than there are
 * seats. Returns the promoted user ids (to notify once the transaction has committed).
 */
export async function promoteFromWaitlist(tx: DbOrTx, programmeId: string, at: string): Promise<string[]> {
  const promoted: string[] = [];
  for (;;) {
    const next = await headOfWaitlist(tx, programmeId);
    if (!next) break;
    if (!(await takeSeat(tx, programmeId))) break;
    if (!(await moveRegistration(tx, next.id, 'waitlisted', { state: 'registered', promoted_at: at }))) {
      await freeSeat(tx, programmeId);
      continue;
    }
    promoted.push(next.user_id);
  }
  return promoted;
}

export async function notifyPromoted(services: Services, programme: Parameters<typeof notifyWithCalendar>[2], userIds: string[]) {
  const title = programmeTitle(programme);
  await notifyWithCalendar(services, userIds, programme, {
    title: { ko: `대기에서 등록으로: ${title.ko}`, en: `Off the waitlist: ${title.en}` },
    body: {
      ko: '자리가 나서 대기자 명단에서 등록으로 올라갔습니다. 자리가 확정되었습니다. 참석이 어려우면 프로그램 페이지에서 취소해 주세요. 다음 대기자에게 자리가 넘어갑니다.',
      en: 'A seat freed up: you have moved up from the waitlist and your seat is confirmed. If you cannot come, cancel on the programme page so the next person on the waitlist gets it.',
    },
  });
}

/** Cancels the actor's registration (or waitlist place); a freed seat goes to the head of the waitlist, who is told. */
export async function cancelRegistration(
  services: Services,
  actor: Actor,
  input: { programmeId: string },
): Promise<{ registration: RegistrationRow; promoted: string[] }> {
  if (!actor.user) throw unauthenticated();
  const programme = await findProgramme(services.db, input.programmeId);
  const at = services.now().toISOString();
  const notRegistered = () => new AppError('learn.not_registered', 'You are not registered for this programme', 404);
  const result = await services.db.transaction().execute(async (tx) => {
    const mine = await findRegistration(tx, programme.id, actor.user!.id);
    if (!mine || mine.state === 'cancelled') throw notRegistered();
    if (!(await moveRegistration(tx, mine.id, mine.state, { state: 'cancelled', cancelled_at: at }))) throw notRegistered(); // a concurrent cancellation got there first
    let promoted: string[] = [];
    if (mine.state === 'registered') {
      await freeSeat(tx, programme.id);
      promoted = await promoteFromWaitlist(tx, programme.id, at);
    }
    await recordAudit(tx, actor, {
      action: 'learn.cancel_registration',
      entityType: 'learn_programme',
      entityId: programme.id,
      before: mine,
      after: { state: 'cancelled', promoted },
    });
    return { registration: { ...mine, state: 'cancelled' as const, cancelled_at: at }, promoted };
  });
  await notifyPromoted(services, programme, result.promoted);
  return result;
}
