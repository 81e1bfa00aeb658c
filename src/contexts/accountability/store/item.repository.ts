import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { Clock } from '../domain/deadline.js';
import type { Ymd } from '../domain/korean-calendar.js';
import type { ItemRow, KindRow } from './tables.js';
import './tables.js';

export async function loadItem(db: DbOrTx, id: string) {
  const item = await db.selectFrom('accountability_item').selectAll().where('id', '=', id).executeTakeFirst();
  if (!item) throw notFound('accountability_item');
  return item;
}

export const findItemBySubject = (db: DbOrTx, subjectType: string, subjectId: string) =>
  db.selectFrom('accountability_item').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).executeTakeFirst();

export async function loadKind(db: DbOrTx, id: string) {
  const kind = await db.selectFrom('accountability_kind').selectAll().where('id', '=', id).executeTakeFirst();
  if (!kind) throw notFound('accountability_kind');
  return kind;
}

export const loadPauses = (db: DbOrTx, itemId: string) =>
  db.selectFrom('accountability_pause').selectAll().where('item_id', '=', itemId).orderBy('from_on').execute();

/** The item's deadline clock, as the domain computes it. */
export function clockOf(item: ItemRow, kind: KindRow, pauses: Array<{ from_on: string; to_on: string | null }>): Clock {
  return {
    receivedOn: item.received_on as Ymd,
    rule: { unit: kind.unit, days: kind.days, maxExtensionDays: kind.max_extension_days, veryOverdueAfterDays: kind.very_overdue_after_days },
    pauses: pauses.map((p) => ({ from: p.from_on as Ymd, to: p.to_on as Ymd | null })),
    extensionDays: item.extension_days,
  };
}

export async function addEvent(db: DbOrTx, itemId: string, actorId: string | null, type: string, detail?: unknown) {
  await db.insertInto('accountability_event').values({
    id: randomUUID(), item_id: itemId, at: nowIso(), actor_id: actorId, type, detail: detail === undefined ? null : JSON.stringify(detail),
  }).execute();
}

export async function updateItem(db: DbOrTx, id: string, changes: Partial<ItemRow>) {
  await db.updateTable('accountability_item').set({ ...changes, updated_at: nowIso() }).where('id', '=', id).execute();
}

export const listEvents = (db: DbOrTx, itemId: string) =>
  db.selectFrom('accountability_event as e').leftJoin('accounts_user as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.at', 'e.type', 'e.detail', 'u.display_name']).where('e.item_id', '=', itemId).orderBy('e.at').orderBy('e.id').execute();

export const publishedAnswers = (db: DbOrTx, itemId: string) =>
  db.selectFrom('accountability_answer as a').innerJoin('accounts_user as u', 'u.id', 'a.author_id')
    .select(['a.id', 'a.escalation_level', 'a.decision', 'a.reasons', 'a.next_steps', 'a.published_at', 'u.display_name'])
    .where('a.item_id', '=', itemId).where('a.status', '=', 'published').orderBy('a.published_at').execute();

export const followersOf = async (db: DbOrTx, itemId: string) =>
  (await db.selectFrom('accountability_follower').select('user_id').where('item_id', '=', itemId).execute()).map((r) => r.user_id);
