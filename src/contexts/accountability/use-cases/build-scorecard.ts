import type { DbOrTx } from '../../../core/db/database.js';
import { listAllOrganisations } from '../../accounts/index.js';
import { itemFigures, type ItemFigures } from '../domain/clock-history.js';
import { AWAITING_ANSWER } from '../domain/item-state.js';
import type { Ymd } from '../../../core/calendar/korean-calendar.js';
import { loadHistories, ruleOf } from '../store/history.repository.js';
import { listItems } from '../store/item.repository.js';
import { listKinds } from '../store/kind.repository.js';
import type { ItemRow } from '../store/tables.js';

export interface ScoreLine {
  key: string;
  name: { ko: string | null; en: string | null };
  received: number;
  /** Inputs that got at least one answer. */
  answered: number;
  /** Answered inputs whose every answer came on time: one late answer, at any stage, makes the input late for good. */
  answeredOnTime: number;
  /** Median business days from the first receipt to the first answer; null before the first answer. */
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

type Scored = { item: ItemRow; figures: ItemFigures };

function score(key: string, name: ScoreLine['name'], list: Scored[]): ScoreLine {
  const answered = list.filter((s) => s.figures.firstAnsweredOn !== null);
  return {
    key,
    name,
    received: list.length,
    answered: answered.length,
    answeredOnTime: answered.filter((s) => s.figures.answeredOnTime === true).length,
    medianDays: median(answered.map((s) => s.figures.firstBusinessDaysToAnswer ?? 0)),
    overdueNow: list.filter((s) => AWAITING_ANSWER.includes(s.item.state) && s.figures.current.clock?.kind === 'overdue').length,
    disputes: list.filter((s) => s.figures.disputed).length,
  };
}

/** Public responsiveness per department and per kind of input, recomputed from every item's history. */
export async function buildScorecard(db: DbOrTx, today: Ymd) {
  const [items, kindRows, histories, orgs] = await Promise.all([listItems(db), listKinds(db), loadHistories(db), listAllOrganisations(db)]);
  const kinds = new Map(kindRows.map((k) => [k.id, k]));
  const scored: Scored[] = items
    .map((item) => ({ item, figures: itemFigures(histories.get(item.id) ?? [], ruleOf(kinds.get(item.kind_id)!), today) }))
    .filter((s) => s.figures.stages.length > 0);
  const group = (keyOf: (i: ItemRow) => string) => {
    const m = new Map<string, Scored[]>();
    for (const s of scored) m.set(keyOf(s.item), [...(m.get(keyOf(s.item)) ?? []), s]);
    return m;
  };
  const byDepartment = [...group((i) => i.organisation_id)].map(([id, list]) => {
    const org = orgs.find((o) => o.id === id);
    return score(org?.slug ?? id, { ko: org?.name_ko ?? null, en: org?.name_en ?? null }, list);
  });
  const byKind = [...group((i) => i.kind_id)].map(([id, list]) => {
    const kind = kinds.get(id)!;
    return score(id, { ko: kind.name_ko, en: kind.name_en }, list);
  });
  return { today, byDepartment, byKind };
}
