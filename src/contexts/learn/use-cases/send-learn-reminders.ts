import type { Services } from '../../../core/context.js';
import { notifyUsers } from '../../accounts/use-cases/notify-users.js';
import { programmeUrl } from '../store/tables.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reminds registered people of a session starting within the next 24 hours, once per session: the session is
 * marked reminded in the same statement that claims it, so two servers never send the same reminder twice.
 * `sent` counts the mails that actually went out.
 */
export async function sendLearnReminders(services: Services): Promise<{ sessions: number; sent: number }> {
  const now = services.now();
  const due = await services.db.selectFrom('learn_session as s').innerJoin('learn_programme as p', 'p.id', 's.programme_id')
    .select(['s.id', 's.title_ko', 's.title_en', 's.starts_at', 'p.id as programme_id', 'p.title_ko as p_ko', 'p.title_en as p_en', 'p.place_ko', 'p.place_en'])
    .where('s.reminded_at', 'is', null).where('p.status', '=', 'open')
    .where('s.starts_at', '>', now.toISOString()).where('s.starts_at', '<=', new Date(now.getTime() + DAY_MS).toISOString()).execute();
  let sent = 0;
  let sessions = 0;
  for (const s of due) {
    const claimed = await services.db.updateTable('learn_session').set({ reminded_at: now.toISOString() }).where('id', '=', s.id).where('reminded_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    sessions++;
    const people = (await services.db.selectFrom('learn_registration').select('user_id').where('programme_id', '=', s.programme_id).where('state', '=', 'registered').execute()).map((r) => r.user_id);
    const when = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(s.starts_at));
    const whenEn = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(s.starts_at));
    sent += await notifyUsers(services, people, {
      title: { ko: `내일 일정: ${s.p_ko} ${s.title_ko}`, en: `Coming up: ${s.p_en || s.p_ko}, ${s.title_en || s.title_ko}` },
      body: { ko: `${when} (서울 시간), ${s.place_ko}. 못 오시면 취소해 주세요. 대기자에게 자리가 넘어갑니다.`, en: `${whenEn} (Seoul time), ${s.place_en || s.place_ko}. If you cannot come, please cancel: your seat goes to the waitlist.` },
      url: programmeUrl(s.programme_id),
    });
  }
  return { sessions, sent };
}
