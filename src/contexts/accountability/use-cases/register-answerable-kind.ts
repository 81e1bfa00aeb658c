import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import { DEFAULT_RULE, type ResponseRule } from '../domain/deadline.js';
import { insertKind, kindExists } from '../store/kind.repository.js';

export interface AnswerableKind {
  /** Stable id, `<context>.<kind>`: plan.suggestion, data.request, transit.map_error … */
  id: string;
  context: string;
  name: { ko: string; en: string };
  rule?: Partial<ResponseRule>;
  remindDaysBefore?: number;
}

/** A context declares a kind of input that an authority must answer; admins may later change its rule. */
export async function registerAnswerableKind(db: DbOrTx, kind: AnswerableKind): Promise<void> {
  if (await kindExists(db, kind.id)) return;
  const rule = { ...DEFAULT_RULE, ...kind.rule };
  await insertKind(db, {
    id: kind.id,
    context: kind.context,
    name_ko: kind.name.ko,
    name_en: kind.name.en,
    unit: rule.unit,
    days: rule.days,
    max_extension_days: rule.maxExtensionDays,
    very_overdue_after_days: rule.veryOverdueAfterDays,
    remind_days_before: kind.remindDaysBefore ?? 3,
    updated_at: nowIso(),
  });
}
