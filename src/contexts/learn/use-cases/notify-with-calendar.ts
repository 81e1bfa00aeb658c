import type { Services } from '../../../core/context.js';
import { seoulTimeRange } from '../../../core/calendar/ical.js';
import type { Message } from '../../../core/i18n/messages.js';
import { notifyUsers } from '../../accounts/index.js';
import { sessionsOf } from '../store/programme.repository.js';
import { programmeUrl, type ProgrammeRow } from '../store/tables.js';
import { programmeIcsFor } from './build-calendar.js';

type Programme = Pick<ProgrammeRow, 'id' | 'title_ko' | 'title_en' | 'place_ko' | 'place_en' | 'online'>;

/** When and where, in both languages: every session's date and time on the Seoul wall clock (said as such), and the place. */
export async function whenAndWhere(services: Services, programme: Programme): Promise<Message> {
  const sessions = await sessionsOf(services.db, programme.id);
  const ko = sessions.map((s, i) => `- ${sessions.length > 1 ? `${i + 1}회: ` : ''}${seoulTimeRange('ko', s.starts_at, s.ends_at)}`);
  const en = sessions.map((s, i) => `- ${sessions.length > 1 ? `Session ${i + 1}: ` : ''}${seoulTimeRange('en', s.starts_at, s.ends_at)}`);
  const online = programme.online ? ' (온라인 / online)' : '';
  return {
    ko: `일시 (서울 시간):\n${ko.join('\n')}\n장소: ${programme.place_ko}${online}`,
    en: `When (Seoul time):\n${en.join('\n')}\nWhere: ${programme.place_en || programme.place_ko}${online}`,
  };
}

/**
 * Tells each person about their standing in a programme (registered, waiting, moved up, cancelled), with the
 * dates, times and place, and their own calendar file for it attached (its events CONFIRMED, TENTATIVE or
 * CANCELLED as their standing is).
 */
export async function notifyWithCalendar(
  services: Services,
  userIds: string[],
  programme: Programme,
  message: { title: Message; body: Message },
): Promise<number> {
  if (!userIds.length) return 0;
  let sent = 0;
  const details = await whenAndWhere(services, programme);
  for (const userId of [...new Set(userIds)]) {
    const ics = await programmeIcsFor(services, programme.id, userId, `${programme.title_ko}${programme.title_en ? ` / ${programme.title_en}` : ''}`);
    sent += await notifyUsers(services, [userId], {
      title: message.title,
      body: {
        ko: `${message.body.ko}\n\n${details.ko}\n\n달력 파일(.ics)을 첨부했습니다.`,
        en: `${message.body.en}\n\n${details.en}\n\nA calendar file (.ics) is attached.`,
      },
      url: programmeUrl(programme.id),
      attachments: [ics],
    });
  }
  return sent;
}
