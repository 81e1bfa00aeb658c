import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { notifyUsers } from '../../accounts/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { ineligibility, reminderDue } from '../domain/eligibility.js';
import { bodyMemberIds } from '../store/profile.repository.js';
import { callUrl } from '../store/tables.js';

/**
 * Reminds the people of startups that have not applied yet and may apply (age band, body membership), a week
 * and a day before a call's deadline. Each reminder is recorded per recipient and deadline, and claimed before
 * it is sent, so reruns and two servers never send it twice, a startup that registers after a run still gets
 * its reminder on the next one, and a moved deadline allows a new one. A mail that could not go out gives its
 * claim back, to be tried on the next run. Returns the mails actually sent.
 */
export async function sendDeadlineReminders(services: Services): Promise<{ sent: number; calls: number }> {
  const today = kstDate(services.now());
  const calls = await services.db.selectFrom('startups_call').selectAll().where('apply_by', '>=', today).where('opens_on', '<=', today).execute();
  let sent = 0;
  let reminded = 0;
  const members = calls.length ? await bodyMemberIds(services.db) : new Set<string>();
  for (const call of calls) {
    const reminder = reminderDue(call.apply_by, today);
    if (!reminder) continue;
    const waiting = await services.db
      .selectFrom('startups_profile')
      .select(['id', 'organisation_id', 'founders_age_band'])
      .where('id', 'not in', services.db.selectFrom('startups_application').select('profile_id').where('call_id', '=', call.id))
      .execute();
    const eligible = waiting.filter(
      (p) => ineligibility(call, { founders_age_band: p.founders_age_band, isBodyMember: members.has(p.id) }, today).length === 0,
    );
    if (!eligible.length) continue;
    const users = [
      ...new Set(
        (
          await services.db
            .selectFrom('accounts_membership')
            .select('user_id')
            .where(
              'organisation_id',
              'in',
              eligible.map((p) => p.organisation_id),
            )
            .execute()
        ).map((u) => u.user_id),
      ),
    ];
    let mailedForCall = 0;
    for (const userId of users) {
      const key = { call_id: call.id, reminder, apply_by: call.apply_by, user_id: userId };
      const claimed = await services.db
        .insertInto('startups_reminder_recipient')
        .values({ ...key, sent_at: nowIso() })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      const mailed = await notifyUsers(services, [userId], {
        title: {
          ko: `마감 ${reminder === 'day' ? '하루' : '일주일'} 전: ${call.title_ko}`,
          en: `Deadline in ${reminder === 'day' ? 'a day' : 'a week'}: ${call.title_en}`,
        },
        body: { ko: `신청 마감: ${call.apply_by} (서울 날짜)`, en: `Apply by ${call.apply_by} (Seoul date)` },
        url: callUrl(call),
      });
      if (mailed === 0) {
        await services.db
          .deleteFrom('startups_reminder_recipient')
          .where('call_id', '=', key.call_id)
          .where('reminder', '=', key.reminder)
          .where('apply_by', '=', key.apply_by)
          .where('user_id', '=', key.user_id)
          .execute();
        continue;
      }
      sent += mailed;
      mailedForCall += mailed;
    }
    if (mailedForCall) reminded++;
  }
  return { sent, calls: reminded };
}
