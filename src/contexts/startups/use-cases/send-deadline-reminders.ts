import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { memberUserIds, notifyUsers } from '../../accounts/index.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { ineligibility, reminderDue } from '../domain/eligibility.js';
import { callsOpenOn, claimReminder, releaseReminder } from '../store/call.repository.js';
import { bodyMemberIds, profilesNotApplied } from '../store/profile.repository.js';
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
  const calls = await callsOpenOn(services.db, today);
  let sent = 0;
  let reminded = 0;
  const members = calls.length ? await bodyMemberIds(services.db) : new Set<string>();
  for (const call of calls) {
    const reminder = reminderDue(call.apply_by, today);
    if (!reminder) continue;
    const waiting = await profilesNotApplied(services.db, call.id);
    const eligible = waiting.filter(
      (p) => ineligibility(call, { founders_age_band: p.founders_age_band, isBodyMember: members.has(p.id) }, today).length === 0,
    );
    if (!eligible.length) continue;
    const users = [
      ...new Set(
        await memberUserIds(
          services.db,
          eligible.map((p) => p.organisation_id),
        ),
      ),
    ];
    let mailedForCall = 0;
    for (const userId of users) {
      const key = { call_id: call.id, reminder, apply_by: call.apply_by, user_id: userId };
      if (!(await claimReminder(services.db, key, nowIso()))) continue;
      const mailed = await notifyUsers(services, [userId], {
        title: {
          ko: `마감 ${reminder === 'day' ? '하루' : '일주일'} 전: ${call.title_ko}`,
          en: `Deadline in ${reminder === 'day' ? 'a day' : 'a week'}: ${call.title_en}`,
        },
        body: { ko: `신청 마감: ${call.apply_by} (서울 날짜)`, en: `Apply by ${call.apply_by} (Seoul date)` },
        url: callUrl(call),
      });
      if (mailed === 0) {
        await releaseReminder(services.db, key);
        continue;
      }
      sent += mailed;
      mailedForCall += mailed;
    }
    if (mailedForCall) reminded++;
  }
  return { sent, calls: reminded };
}
