import type { Services } from '../../../core/context.js';
import { claimSessionReminder, sessionsToRemind } from '../store/programme.repository.js';
import { userIdsInState } from '../store/registration.repository.js';
import { notifyWithCalendar } from './notify-with-calendar.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const seoulDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(d);

/**
 * Reminds registered people of a session starting within the next 24 hours, once per session: the session is
 * marked reminded in the same statement that claims it, so two servers never send the same reminder twice.
 * Each mail says "today" or "tomorrow" by the Seoul calendar, gives every session's date, time and place, and
 * carries the person's own calendar file. `sent` counts the mails that actually went out.
 */
export async function sendLearnReminders(services: Services): Promise<{ sessions: number; sent: number }> {
  const now = services.now();
  const due = await sessionsToRemind(services.db, now.toISOString(), new Date(now.getTime() + DAY_MS).toISOString());
  let sent = 0;
  let sessions = 0;
  for (const s of due) {
    if (!(await claimSessionReminder(services.db, s.id, now.toISOString()))) continue;
    sessions++;
    const people = await userIdsInState(services.db, s.programme_id, ['registered']);
    const today = seoulDate(new Date(s.starts_at)) === seoulDate(now);
    const time = (locale: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(s.starts_at));
    sent += await notifyWithCalendar(
      services,
      people,
      { id: s.programme_id, title_ko: s.p_ko, title_en: s.p_en, place_ko: s.place_ko, place_en: s.place_en, online: s.online },
      {
        title: {
          ko: `${today ? '오늘' : '내일'} ${time('ko-KR')} 일정: ${s.p_ko} ${s.title_ko}`,
          en: `${today ? 'Today' : 'Tomorrow'} at ${time('en-GB')}: ${s.p_en || s.p_ko}, ${s.title_en || s.title_ko}`,
        },
        body: { ko: '못 오시면 취소해 주세요. 대기자에게 자리가 넘어갑니다.', en: 'If you cannot come, please cancel: your seat goes to the waitlist.' },
      },
    );
  }
  return { sessions, sent };
}
