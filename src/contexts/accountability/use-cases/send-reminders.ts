import type { Services } from '../../../core/context.js';
import { notifyUsers } from '../../accounts/index.js';
import { itemFigures } from '../domain/clock-history.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';
import { announceArrivals } from './announce-items.js';
import { loadExtraHolidays } from './manage-holidays.js';
import { loadHistories, ruleOf } from '../store/history.repository.js';
import { listWaitingItems } from '../store/item.repository.js';
import { listKinds } from '../store/kind.repository.js';
import { claimReminder } from '../store/ledger.repository.js';
import { platformAdmins, respondersOf } from './find-responders.js';

type Reminder = 'due_soon' | 'overdue' | 'very_overdue';

const TEXT: Record<Reminder, { ko: string; en: string }> = {
  due_soon: { ko: '답변 기한이 다가옵니다', en: 'An answer is due soon' },
  overdue: { ko: '답변 기한이 지났습니다', en: 'An answer is overdue' },
  very_overdue: { ko: '답변 기한이 크게 지났습니다', en: 'An answer is very overdue' },
};

/**
 * Reminds the responsible officials before the due date and when overdue. Each reminder is recorded
 * (item, reminder, due date) before it is sent, so a rerun or a restart never sends it twice; a new due
 * date (extension, escalation) allows a new reminder.
 */
export async function sendReminders(services: Services): Promise<{ sent: number }> {
  await loadExtraHolidays(services.db);
  await announceArrivals(services);
  const today = kstDate(services.now());
  const items = await listWaitingItems(services.db);
  const kinds = new Map((await listKinds(services.db)).map((k) => [k.id, k]));
  const histories = await loadHistories(
    services.db,
    items.map((i) => i.id),
  );
  let sent = 0;
  for (const item of items) {
    const kind = kinds.get(item.kind_id)!;
    const history = histories.get(item.id);
    if (!history?.length) continue;
    const state = itemFigures(history, ruleOf(kind), today).current.clock;
    if (!state || state.kind === 'paused') continue;
    let reminder: Reminder | null = null;
    if (state.kind === 'running' && state.businessDaysLeft <= kind.remind_days_before) reminder = 'due_soon';
    if (state.kind === 'overdue') reminder = state.veryOverdue ? 'very_overdue' : 'overdue';
    if (!reminder) continue;
    if (!(await claimReminder(services.db, item.id, reminder, state.dueOn))) continue;
    // Whoever answers at the current stage: after an escalation, the head of department or the reviewers, not the first official.
    const responders = await respondersOf(services.db, item);
    await notifyUsers(services, responders.length ? responders : await platformAdmins(services.db), {
      title: { ko: `${TEXT[reminder].ko}: ${item.title}`, en: `${TEXT[reminder].en}: ${item.title}` },
      body: responders.length
        ? { ko: `기한: ${state.dueOn}`, en: `Due: ${state.dueOn}` }
        : {
            ko: `기한: ${state.dueOn}\n이 단계에서 답변할 사람이 없습니다. 담당자를 지정해 주세요.`,
            en: `Due: ${state.dueOn}\nNobody can answer at this stage; please name someone.`,
          },
      url: `/accountability/items/${item.id}`,
    });
    sent++;
  }
  return { sent };
}
