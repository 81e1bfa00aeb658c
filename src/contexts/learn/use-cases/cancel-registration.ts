import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db/database.js';
import { AppError, unauthenticated } from '../../../core/errors.js';
import { notifyUsers } from '../../accounts/use-cases/notify-users.js';
import { findProgramme, findRegistration, freeSeat, headOfWaitlist, takeSeat } from '../store/programme.repository.js';
import { programmeUrl, type RegistrationRow } from '../store/tables.js';
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
    const r = await tx.updateTable('learn_registration').set({ state: 'registered', promoted_at: at })
      .where('id', '=', next.id).where('state', '=', 'waitlisted').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) { await freeSeat(tx, programmeId); continue; }
    promoted.push(next.user_id);
  }
  return promoted;
}

export async function notifyPromoted(services: Services, programme: { id: string; title_ko: string; title_en: string | null }, userIds: string[]) {
  const title = programmeTitle(programme);
  await notifyUsers(services, userIds, {
    title: { ko: `대기에서 등록으로: ${title.ko}`, en: `Off the waitlist: ${title.en}` },
    body: { ko: '자리가 나서 자동으로 등록되었습니다. 참석이 어려우면 프로그램 페이지에서 취소해 주세요.', en: 'A seat freed up and you are now registered. If you cannot come, cancel on the programme page.' },
    url: programmeUrl(programme.id),
  });
}

/** Cancels the actor's registration (or waitlist place); a freed seat goes to the head of the waitlist, who is told. */
export async function cancelRegistration(services: Services, actor: Actor, input: { programmeId: string }): Promise<{ registration: RegistrationRow; promoted: string[] }> {
  if (!actor.user) throw unauthenticated();
  const programme = await findProgramme(services.db, input.programmeId);
  const at = services.now().toISOString();
  const notRegistered = () => new AppError('learn.not_registered', 'You are not registered for this programme', 404);
  const result = await services.db.transaction().execute(async (tx) => {
    const mine = await findRegistration(tx, programme.id, actor.user!.id);
    if (!mine || mine.state === 'cancelled') throw notRegistered();
    const r = await tx.updateTable('learn_registration').set({ state: 'cancelled', cancelled_at: at })
      .where('id', '=', mine.id).where('state', '=', mine.state).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw notRegistered(); // a concurrent cancellation got there first
    let promoted: string[] = [];
    if (mine.state === 'registered') {
      await freeSeat(tx, programme.id);
      promoted = await promoteFromWaitlist(tx, programme.id, at);
    }
    await recordAudit(tx, actor, { action: 'learn.cancel_registration', entityType: 'learn_programme', entityId: programme.id, before: mine, after: { state: 'cancelled', promoted } });
    return { registration: { ...mine, state: 'cancelled' as const, cancelled_at: at }, promoted };
  });
  await notifyPromoted(services, programme, result.promoted);
  return result;
}
