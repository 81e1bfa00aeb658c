import type { Actor } from '../../../core/auth/actor.js';
import { isAdmin } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/domain/policy.js';
import { notifyUsers } from '../../accounts/use-cases/notify-users.js';
import { assertTransition } from '../domain/item-state.js';
import { kstDate } from '../domain/korean-calendar.js';
import { ESCALATION_LEVELS, itemPolicy } from '../domain/policy.js';
import { loadItem } from '../store/item.repository.js';
import { recordEvent } from './record-event.js';

/** The author accepts the answer: the loop is closed. */
export async function confirmAnswer(services: Services, actor: Actor, input: { itemId: string }) {
  const item = await loadItem(services.db, input.itemId);
  assertAllowed(actor, itemPolicy.canRespondAsAuthor(actor, item), 'confirm this answer');
  assertTransition(item.state, 'confirmed');
  await services.db.transaction().execute(async (tx) => {
    await recordEvent(tx, item, { type: 'confirmed', on: kstDate(services.now()), stage: item.escalation_level, actorId: actor.user!.id }, { state: 'confirmed' });
    await recordAudit(tx, actor, { action: 'accountability.confirm', entityType: 'accountability_item', entityId: item.id, before: { state: item.state }, after: { state: 'confirmed' } });
  });
}

/** The author disputes the answer, saying why; it can then be escalated. */
export async function disputeAnswer(services: Services, actor: Actor, input: { itemId: string; reason: unknown }) {
  const c = new Checker();
  const reason = c.text('reason', input.reason, { max: 3000 }) ?? '';
  c.done();
  const item = await loadItem(services.db, input.itemId);
  assertAllowed(actor, itemPolicy.canRespondAsAuthor(actor, item), 'dispute this answer');
  assertTransition(item.state, 'disputed');
  await services.db.transaction().execute(async (tx) => {
    await recordEvent(tx, item, { type: 'disputed', on: kstDate(services.now()), stage: item.escalation_level, actorId: actor.user!.id, reason }, { state: 'disputed' });
    await recordAudit(tx, actor, { action: 'accountability.dispute', entityType: 'accountability_item', entityId: item.id, before: { state: item.state }, after: { state: 'disputed', reason } });
  });
}

/** A disputed answer goes one level up (officer → head of department → committee) with a fresh clock. */
export async function escalateItem(services: Services, actor: Actor, input: { itemId: string }) {
  const item = await loadItem(services.db, input.itemId);
  assertAllowed(actor, itemPolicy.canRespondAsAuthor(actor, item) || isAdmin(actor), 'escalate this input');
  assertTransition(item.state, 'escalated');
  if (item.escalation_level >= ESCALATION_LEVELS.length - 1) {
    throw new AppError('accountability.top_level', 'This input has already reached the committee', 409);
  }
  const level = item.escalation_level + 1;
  const now = services.now();
  await services.db.transaction().execute(async (tx) => {
    // A new stage with its own clock; the first stage, its answer and whether it came on time stay as they were.
    await recordEvent(tx, item, { type: 'escalated', on: kstDate(now), stage: level, actorId: actor.user?.id ?? null }, { state: 'escalated', assignee_id: null });
    await recordAudit(tx, actor, { action: 'accountability.escalate', entityType: 'accountability_item', entityId: item.id, before: { level: item.escalation_level }, after: { level } });
  });
  const deptAdmins = await services.db.selectFrom('accounts_membership').select('user_id')
    .where('organisation_id', '=', item.organisation_id).where('role', '=', 'admin').execute();
  await notifyUsers(services, deptAdmins.map((m) => m.user_id), {
    title: { ko: `이의 제기로 상향 검토 요청: ${item.title}`, en: `Escalated after a dispute: ${item.title}` },
    body: { ko: '시민이 답변에 이의를 제기하여 상향 검토가 필요합니다.', en: 'The citizen disputed the answer; it now needs a review at a higher level.' },
    url: item.url,
  });
}
