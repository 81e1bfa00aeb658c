import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit/audit-log.js';
import type { Services } from '../../../core/context.js';
import { nowIso } from '../../../core/db/database.js';
import { Checker } from '../../../core/validation/checker.js';
import { assertAllowed } from '../../accounts/index.js';
import { itemPolicy } from '../domain/policy.js';
import { loadKind } from '../store/item.repository.js';
import { updateKind } from '../store/kind.repository.js';

export interface KindRuleInput {
  unit?: unknown;
  days?: unknown;
  maxExtensionDays?: unknown;
  veryOverdueAfterDays?: unknown;
  remindDaysBefore?: unknown;
}

/** Admins set the response rule of a kind of input; it applies to items received from now on and to open ones. */
export async function updateKindRule(services: Services, actor: Actor, id: string, input: KindRuleInput) {
  assertAllowed(actor, itemPolicy.canEditKinds(actor), 'change response rules');
  const before = await loadKind(services.db, id);
  const c = new Checker();
  const unit = input.unit === undefined ? before.unit : c.oneOf('unit', input.unit, ['business_days', 'calendar_days'] as const);
  const int = (field: string, value: unknown, fallback: number, min: number, max: number) => {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) c.add(field, 'validation.range');
    return value as number;
  };
  const after = {
    unit,
    days: int('days', input.days, before.days, 1, 90),
    max_extension_days: int('maxExtensionDays', input.maxExtensionDays, before.max_extension_days, 0, 90),
    very_overdue_after_days: int('veryOverdueAfterDays', input.veryOverdueAfterDays, before.very_overdue_after_days, 1, 180),
    remind_days_before: int('remindDaysBefore', input.remindDaysBefore, before.remind_days_before, 0, 30),
    updated_at: nowIso(),
  };
  c.done();
  await services.db.transaction().execute(async (tx) => {
    await updateKind(tx, id, after);
    await recordAudit(tx, actor, { action: 'accountability.update_kind', entityType: 'accountability_kind', entityId: id, before, after });
  });
  return { ...before, ...after };
}

export const publicKind = (k: Awaited<ReturnType<typeof loadKind>>) => ({
  id: k.id,
  context: k.context,
  name: { ko: k.name_ko, en: k.name_en },
  unit: k.unit,
  days: k.days,
  maxExtensionDays: k.max_extension_days,
  veryOverdueAfterDays: k.very_overdue_after_days,
  remindDaysBefore: k.remind_days_before,
});
