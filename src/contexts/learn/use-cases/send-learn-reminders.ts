import type { Services } from '../../../core/context.js';
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
  const due = await services.db
    .selectFrom('learn_session as s')
    .innerJoin('learn_programme as p', 'p.id', 's.programme_id')
    .select([
      's.id',
      's.title_ko',
      's.title_en',
      's.starts_at',
      'p.id as programme_id',
      'p.title_ko as p_ko',
      'p.title_en as p_en',
      'p.place_ko',
      'p.place_en',
      'p.online',
    ])
    .where('s.reminded_at', 'is', null)
    .where('p.status', '=', 'open')
    .where('s.starts_at', '>', now.toISOString())
    .where('s.starts_at', '<=', new Date(now.getTime() + DAY_MS).toISOString())
    .execute();
  let sent = 0;
  let sessions = 0;
  for (const s of due) {
    const claimed = await services.db
      .updateTable('learn_session')
      .set({ reminded_at: now.toISOString() })
      .where('id', '=', s.id)
      .where('reminded_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    sessions++;
    const people = (
      await services.db
        .selectFrom('learn_registration')
        .select('user_id')
        .where('programme_id', '=', s.programme_id)
        .where('state', '=', 'registered')
        .execute()
    ).map((r) => r.user_id);
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
