import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { isUniqueViolation } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { assertAllowed } from '../../accounts/domain/policy.js';
import { notifyUsers } from '../../accounts/use-cases/notify-users.js';
import { newCertificateId } from '../domain/certificate-token.js';
import { programmePolicy } from '../domain/policy.js';
import { hasCompleted } from '../domain/waitlist.js';
import { findProgramme } from '../store/programme.repository.js';
import { certificateUrl } from '../store/tables.js';
import { programmeTitle } from './programme-text.js';

/**
 * The organiser marks who came to one session (from a phone, at the door): every registered person is marked
 * present or absent. Whoever has now attended the required number of sessions gets a certificate of completion
 * (issued once) and is told where to download and verify it.
 */
export async function markAttendance(services: Services, actor: Actor, input: { sessionId: string; present: string[] }) {
  const session = await services.db.selectFrom('learn_session').selectAll().where('id', '=', input.sessionId).executeTakeFirst();
  if (!session) throw new AppError('learn.session_not_found', 'No session has this id', 404);
  const programme = await findProgramme(services.db, session.programme_id);
  assertAllowed(actor, programmePolicy.canOrganise(actor, programme), 'take attendance for this programme');
  const registered = await services.db.selectFrom('learn_registration as r').innerJoin('accounts_user as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.display_name']).where('r.programme_id', '=', programme.id).where('r.state', '=', 'registered').execute();
  const known = new Set(registered.map((r) => r.user_id));
  const unknown = input.present.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError('learn.not_a_registrant', 'Only registered people can be marked present', 422, { users: unknown });
  const present = new Set(input.present);
  const at = services.now().toISOString();
  const issued: Array<{ userId: string; id: string }> = [];
  await services.db.transaction().execute(async (tx) => {
    for (const r of registered) {
      const value = { session_id: session.id, user_id: r.user_id, present: present.has(r.user_id) ? 1 : 0, marked_by: actor.user?.id ?? null, marked_at: at };
      await tx.insertInto('learn_attendance').values(value)
        .onConflict((oc) => oc.columns(['session_id', 'user_id']).doUpdateSet({ present: value.present, marked_by: value.marked_by, marked_at: at })).execute();
    }
    const counts = await tx.selectFrom('learn_attendance as a').innerJoin('learn_session as s', 's.id', 'a.session_id')
      .select(['a.user_id', (eb) => eb.fn.countAll<number>().as('n')]).where('s.programme_id', '=', programme.id).where('a.present', '=', 1)
      .groupBy('a.user_id').execute();
    const have = new Set((await tx.selectFrom('learn_certificate').select('user_id').where('programme_id', '=', programme.id).execute()).map((c) => c.user_id));
    for (const c of counts) {
      const r = registered.find((x) => x.user_id === c.user_id);
      if (!r || have.has(c.user_id) || !hasCompleted(Number(c.n), programme.sessions_required)) continue;
      const id = newCertificateId(services.config.secret);
      await tx.insertInto('learn_certificate').values({ id, programme_id: programme.id, user_id: c.user_id, holder_name: r.display_name, sessions_attended: Number(c.n), issued_at: at })
        .execute().catch((error: unknown) => { if (!isUniqueViolation(error)) throw error; });
      issued.push({ userId: c.user_id, id });
    }
    await recordAudit(tx, actor, { action: 'learn.mark_attendance', entityType: 'learn_session', entityId: session.id, after: { present: [...present], certificates: issued.map((i) => i.userId) } });
  });
  const title = programmeTitle(programme);
  for (const i of issued) {
    await notifyUsers(services, [i.userId], {
      title: { ko: `수료증 발급: ${title.ko}`, en: `Certificate of completion: ${title.en}` },
      body: { ko: '수료를 축하합니다. 수료증(PDF)을 내려받고, 확인 링크로 누구나 진위를 확인할 수 있습니다.', en: 'Congratulations. Download your certificate (PDF); anyone can check it with its verification link.' },
      url: certificateUrl(i.id),
    });
  }
  return { sessionId: session.id, present: [...present], certificatesIssued: issued.length };
}
