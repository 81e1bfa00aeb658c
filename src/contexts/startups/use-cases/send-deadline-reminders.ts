import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { notifyUsers } from '../../accounts/use-cases/notify-users.js';
import { kstDate } from '../../accountability/domain/korean-calendar.js';
import { reminderDue } from '../domain/eligibility.js';
import { callUrl } from '../store/tables.js';

/**
 * Reminds the startups that have not applied yet, a week and a day before a call's deadline. Each reminder
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
    const users = await services.db.selectFrom('accounts_membership as m').innerJoin('startups_profile as p', 'p.organisation_id', 'm.organisation_id')
      .select('m.user_id')
      .where('p.id', 'not in', services.db.selectFrom('startups_application').select('profile_id').where('call_id', '=', call.id))
      .execute();
    await notifyUsers(services, users.map((u) => u.user_id), {
      title: { ko: `마감 ${reminder === 'day' ? '하루' : '일주일'} 전: ${call.title_ko}`, en: `Deadline in ${reminder === 'day' ? 'a day' : 'a week'}: ${call.title_en}` },
      body: { ko: `신청 마감: ${call.apply_by}`, en: `Apply by ${call.apply_by}` }, url: callUrl(call),
    });
    sent++;
  }
  return { sent };
}
