import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { notifyUsers } from '../../accounts/use-cases/notify-users.js';
import { kstDate } from '../../accountability/domain/korean-calendar.js';
import { ineligibility, reminderDue } from '../domain/eligibility.js';
import { bodyMemberIds } from '../store/profile.repository.js';
import { callUrl } from '../store/tables.js';

/**
 * Reminds the startups that have not applied yet and may apply (age band, body membership), a week and a
 * day before a call's deadline. Each reminder
 * is claimed (call, reminder, deadline) before it is sent, so reruns and two servers never send it twice;
 * a moved deadline allows a new one.
 */
export async function sendDeadlineReminders(services: Services): Promise<{ sent: number }> {
  const today = kstDate(services.now());
  const calls = await services.db.selectFrom('startups_call').selectAll().where('apply_by', '>=', today).where('opens_on', '<=', today).execute();
  let sent = 0;
  for (const call of calls) {
    const reminder = reminderDue(call.apply_by, today);
    if (!reminder) continue;
    const claimed = await services.db.insertInto('startups_reminder').values({ call_id: call.id, reminder, apply_by: call.apply_by, sent_at: nowIso() })
      .onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    const [waiting, members] = await Promise.all([
      services.db.selectFrom('startups_profile').select(['id', 'organisation_id', 'founders_age_band'])
        .where('id', 'not in', services.db.selectFrom('startups_application').select('profile_id').where('call_id', '=', call.id)).execute(),
      bodyMemberIds(services.db),
    ]);
    const eligible = waiting.filter((p) => ineligibility(call, { founders_age_band: p.founders_age_band, isBodyMember: members.has(p.id) }, today).length === 0);
    const users = eligible.length ? await services.db.selectFrom('accounts_membership').select('user_id').where('organisation_id', 'in', eligible.map((p) => p.organisation_id)).execute() : [];
    await notifyUsers(services, users.map((u) => u.user_id), {
      title: { ko: `마감 ${reminder === 'day' ? '하루' : '일주일'} 전: ${call.title_ko}`, en: `Deadline in ${reminder === 'day' ? 'a day' : 'a week'}: ${call.title_en}` },
      body: { ko: `신청 마감: ${call.apply_by}`, en: `Apply by ${call.apply_by}` }, url: callUrl(call),
    });
    sent++;
  }
  return { sent };
}
