import type { Message } from '../../../core/i18n/messages.js';

/** The events of an input that its author and followers are told of; each reader chooses which, and how. */
export const ITEM_NOTICES = ['paused', 'resumed', 'extended', 'answered', 'confirmed', 'disputed', 'escalated'] as const;
export type ItemNotice = (typeof ITEM_NOTICES)[number];

export const NOTICE_NAMES: Record<ItemNotice, Message> = {
  paused: { ko: '답변 기한이 멈춤(보완 요청)', en: 'The clock is paused (clarification asked)' },
  resumed: { ko: '답변 기한이 다시 흐름', en: 'The clock runs again' },
  extended: { ko: '답변 기한 연장', en: 'The deadline is extended' },
  answered: { ko: '답변 등록', en: 'An answer is published' },
  confirmed: { ko: '제안자가 답변을 받아들임', en: 'The author accepts the answer' },
  disputed: { ko: '제안자가 이의를 제기함', en: 'The author disputes the answer' },
  escalated: { ko: '상향 검토로 넘어감', en: 'Escalated to a higher level' },
};

export interface NoticeChoice {
  inApp: boolean;
  byMail: boolean;
}
/** Until a reader chooses, every notice comes both ways. */
export const DEFAULT_CHOICE: NoticeChoice = { inApp: true, byMail: true };
