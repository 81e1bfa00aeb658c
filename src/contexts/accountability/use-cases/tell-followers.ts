import { hmac, safeEqual } from '../../../core/auth/secrets.js';
import type { Services } from '../../../core/context.js';
import type { Message } from '../../../core/i18n/messages.js';
import { notifyUsers } from '../../accounts/index.js';
import { itemFigures } from '../domain/clock-history.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { loadHistory, ruleOf } from '../store/history.repository.js';
import { followersOf, loadKind } from '../store/item.repository.js';
import type { ItemRow } from '../store/tables.js';
import type { ItemNotice } from '../domain/notice-kinds.js';
import { choicesOf } from '../store/preferences.repository.js';

export type { ItemNotice } from '../domain/notice-kinds.js';

export interface NoticeDetail {
  reason?: string;
  days?: number;
  dueOn?: string | null;
  decision?: string;
  level?: 'head_of_department' | 'committee';
}

const LEVEL: Record<NonNullable<NoticeDetail['level']>, Message> = {
  head_of_department: { ko: '부서장', en: 'the head of department' },
  committee: { ko: '위원회', en: 'the committee' },
};

/** What happened, said to someone who follows the input; the author alone is told what only the author may do. */
function text(notice: ItemNotice, d: NoticeDetail, title: string, isAuthor: boolean): { title: Message; body: Message } {
  const due = d.dueOn ? { ko: `\n새 답변 기한: ${d.dueOn}`, en: `\nNew due date: ${d.dueOn}` } : { ko: '', en: '' };
  switch (notice) {
    case 'paused':
      return {
        title: { ko: `답변 기한이 멈췄습니다: ${title}`, en: `The clock is paused: ${title}` },
        body: isAuthor
          ? {
              ko: `담당 부서가 제안자의 보완을 기다리며 답변 기한을 멈췄습니다.\n이유: ${d.reason ?? ''}`,
              en: `The department paused the clock while it waits for your clarification.\nWhy: ${d.reason ?? ''}`,
            }
          : {
              ko: `담당 부서가 제안자의 보완을 기다리며 답변 기한을 멈췄습니다.\n이유: ${d.reason ?? ''}`,
              en: `The department paused the clock while it waits for the author's clarification.\nWhy: ${d.reason ?? ''}`,
            },
      };
    case 'resumed':
      return {
        title: { ko: `답변 기한이 다시 흐릅니다: ${title}`, en: `The clock runs again: ${title}` },
        body: { ko: `답변 기한이 다시 흐릅니다.${due.ko}`, en: `The clock runs again.${due.en}` },
      };
    case 'extended':
      return {
        title: { ko: `답변 기한이 연장되었습니다: ${title}`, en: `The deadline was extended: ${title}` },
        body: {
          ko: `근무일 ${d.days ?? 0}일 연장되었습니다.\n이유: ${d.reason ?? ''}${due.ko}`,
          en: `Extended by ${d.days ?? 0} business days.\nWhy: ${d.reason ?? ''}${due.en}`,
        },
      };
    case 'answered':
      return {
        title: { ko: `답변이 등록되었습니다: ${title}`, en: `Answered: ${title}` },
        body: isAuthor
          ? {
              ko: `결정: ${d.decision ?? ''}\n\n답변을 확인하거나 이의를 제기할 수 있습니다.`,
              en: `Decision: ${d.decision ?? ''}\n\nYou can accept the answer or dispute it.`,
            }
          : { ko: `결정: ${d.decision ?? ''}`, en: `Decision: ${d.decision ?? ''}` },
      };
    case 'confirmed':
      return {
        title: { ko: `제안자가 답변을 확인했습니다: ${title}`, en: `The author accepted the answer: ${title}` },
        body: { ko: '제안자가 답변을 받아들였습니다.', en: 'The author accepted the answer.' },
      };
    case 'disputed':
      return {
        title: { ko: `제안자가 답변에 이의를 제기했습니다: ${title}`, en: `The author disputed the answer: ${title}` },
        body: { ko: `이유: ${d.reason ?? ''}`, en: `Why: ${d.reason ?? ''}` },
      };
    case 'escalated': {
      const level = LEVEL[d.level ?? 'head_of_department'];
      return {
        title: { ko: `${level.ko} 검토로 넘어갔습니다: ${title}`, en: `Now reviewed by ${level.en}: ${title}` },
        body: { ko: `이제 ${level.ko}가 답변합니다.${due.ko}`, en: `${level.en[0]!.toUpperCase()}${level.en.slice(1)} now answers.${due.en}` },
      };
    }
  }
}

const unfollowToken = (services: Services, itemId: string, userId: string) => hmac(services.config.secret, `unfollow:${itemId}:${userId}`);

/** The one-click link in every mail: stops the notices of this input for this reader, without signing in. */
export const unfollowLink = (services: Services, itemId: string, userId: string) =>
  `/accountability/items/${itemId}/unfollow?u=${encodeURIComponent(userId)}&t=${unfollowToken(services, itemId, userId)}`;

export const validUnfollowToken = (services: Services, itemId: string, userId: string, token: string) =>
  safeEqual(unfollowToken(services, itemId, userId), token);

/**
 * Tells the author and every follower of an event of the input, in the app and by mail as each chose for
 * this kind of event, each in their language, with an unsubscribe link; never the person who did it.
 */
export async function tellFollowers(
  services: Services,
  item: Pick<ItemRow, 'id' | 'title' | 'url' | 'author_id'>,
  notice: ItemNotice,
  detail: NoticeDetail,
  actorId: string | null,
) {
  const followers = (await followersOf(services.db, item.id)).filter((id) => id !== actorId);
  const choices = await choicesOf(services.db, followers);
  const settings = `${services.config.publicUrl}/accountability/notices`;
  for (const userId of followers) {
    const { title, body } = text(notice, detail, item.title, userId === item.author_id);
    const link = `${services.config.publicUrl}${unfollowLink(services, item.id, userId)}`;
    await notifyUsers(
      services,
      [userId],
      {
        title,
        body: {
          ko: `${body.ko}\n\n이 요청의 알림을 모두 그만 받으려면(로그인 없이 한 번에): ${link}\n어떤 알림을 앱과 메일로 받을지 고르려면(로그인): ${settings}`,
          en: `${body.en}\n\nTo stop all notices about this input (one click, no sign-in): ${link}\nTo choose which notices you get in the app and by mail (sign in): ${settings}`,
        },
        url: item.url,
      },
      choices.get(userId)![notice],
    );
  }
}

/** The current stage's due date, for the notices that move it. */
export async function currentDueOn(services: Services, item: Pick<ItemRow, 'id' | 'kind_id'>): Promise<string | null> {
  const [history, kind] = await Promise.all([loadHistory(services.db, item.id), loadKind(services.db, item.kind_id)]);
  return itemFigures(history, ruleOf(kind), kstDate(services.now())).current.dueOn;
}
