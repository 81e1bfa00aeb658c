import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { notifyUsers } from '../../accounts/use-cases/notify-users.js';
import { clockState } from '../domain/deadline.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import { kstDate } from '../domain/korean-calendar.js';
import { clockOf, loadPauses } from '../store/item.repository.js';

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
  const today = kstDate(services.now());
  const items = await services.db.selectFrom('accountability_item as i').innerJoin('accountability_kind as k', 'k.id', 'i.kind_id')
    .selectAll('i').select(['k.unit', 'k.days', 'k.max_extension_days', 'k.very_overdue_after_days', 'k.remind_days_before', 'k.context', 'k.name_ko', 'k.name_en', 'k.updated_at as kind_updated_at'])
    .where('i.state', 'in', AWAITING_ANSWER).execute();
  let sent = 0;
  for (const item of items) {
    const kind = { id: item.kind_id, context: item.context, name_ko: item.name_ko, name_en: item.name_en, unit: item.unit, days: item.days, max_extension_days: item.max_extension_days, very_overdue_after_days: item.very_overdue_after_days, remind_days_before: item.remind_days_before, updated_at: item.kind_updated_at };
    const state = clockState(clockOf(item, kind, await loadPauses(services.db, item.id)), today);
    let reminder: Reminder | null = null;
    if (state.kind === 'running' && state.businessDaysLeft <= item.remind_days_before) reminder = 'due_soon';
    if (state.kind === 'overdue') reminder = state.veryOverdue ? 'very_overdue' : 'overdue';
    if (!reminder || state.kind === 'paused') continue;
    const claimed = await services.db.insertInto('accountability_reminder')
      .values({ item_id: item.id, reminder, due_on: state.dueOn, sent_at: nowIso() })
      .onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    const officials = item.assignee_id ? [item.assignee_id] : (await services.db.selectFrom('accounts_membership as m').innerJoin('accounts_user as u', 'u.id', 'm.user_id')
      .select('u.id').where('m.organisation_id', '=', item.organisation_id).where('u.role', '=', 'official').execute()).map((r) => r.id);
    await notifyUsers(services, officials, {
      title: { ko: `${TEXT[reminder].ko}: ${item.title}`, en: `${TEXT[reminder].en}: ${item.title}` },
      body: { ko: `기한: ${state.dueOn}`, en: `Due: ${state.dueOn}` },
      url: `/accountability/items/${item.id}`,
    });
    sent++;
  }
  return { sent };
}
