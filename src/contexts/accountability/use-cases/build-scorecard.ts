import type { DbOrTx } from '../../../core/db/database.js';
import { clockState } from '../domain/deadline.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import type { Ymd } from '../domain/korean-calendar.js';
import { clockOf } from '../store/item.repository.js';
import type { ItemRow, KindRow } from '../store/tables.js';

export interface ScoreLine {
  key: string;
  name: { ko: string | null; en: string | null };
  received: number;
  answered: number;
  answeredOnTime: number;
  /** Median business days from receipt to answer; null before the first answer. */
  medianDays: number | null;
  overdueNow: number;
  disputes: number;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function score(key: string, name: ScoreLine['name'], items: ItemRow[], kinds: Map<string, KindRow>, pauses: Map<string, Array<{ from_on: string; to_on: string | null }>>, today: Ymd): ScoreLine {
  const answered = items.filter((i) => i.answered_on !== null);
  return {
    key, name,
    received: items.length,
    answered: answered.length,
    answeredOnTime: answered.filter((i) => i.answered_on_time === 1).length,
    medianDays: median(answered.map((i) => i.business_days_to_answer ?? 0)),
    overdueNow: items.filter((i) => AWAITING_ANSWER.includes(i.state) && clockState(clockOf(i, kinds.get(i.kind_id)!, pauses.get(i.id) ?? []), today).kind === 'overdue').length,
    disputes: items.filter((i) => i.dispute_reason !== null).length,
  };
}

/** Public responsiveness per department and per kind of input. */
export async function buildScorecard(db: DbOrTx, today: Ymd) {
  const [items, kindRows, pauseRows, orgs] = await Promise.all([
    db.selectFrom('accountability_item').selectAll().execute(),
    db.selectFrom('accountability_kind').selectAll().execute(),
    db.selectFrom('accountability_pause').select(['item_id', 'from_on', 'to_on']).execute(),
    db.selectFrom('accounts_organisation').select(['id', 'slug', 'name_ko', 'name_en']).execute(),
  ]);
  const kinds = new Map(kindRows.map((k) => [k.id, k]));
  const pauses = new Map<string, Array<{ from_on: string; to_on: string | null }>>();
  for (const p of pauseRows) pauses.set(p.item_id, [...(pauses.get(p.item_id) ?? []), p]);
  const group = (keyOf: (i: ItemRow) => string) => {
    const m = new Map<string, ItemRow[]>();
    for (const i of items) m.set(keyOf(i), [...(m.get(keyOf(i)) ?? []), i]);
    return m;
  };
  const byDepartment = [...group((i) => i.organisation_id)].map(([id, list]) => {
    const org = orgs.find((o) => o.id === id);
    return score(org?.slug ?? id, { ko: org?.name_ko ?? null, en: org?.name_en ?? null }, list, kinds, pauses, today);
  });
  const byKind = [...group((i) => i.kind_id)].map(([id, list]) => {
    const kind = kinds.get(id)!;
    return score(id, { ko: kind.name_ko, en: kind.name_en }, list, kinds, pauses, today);
  });
  return { today, byDepartment, byKind };
}
