import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { refuseUpdates } from '../../../core/db/append-only.js';
import type { Migration } from '../../../core/db/migrator.js';
import { kstDate } from '../../../core/calendar/korean-calendar.js';

type Row = Record<string, any>;

/**
 * The append-only history of each input (`accountability_clock_event`) replaces the figures that were
 * overwritten in place. Existing items are carried over without losing anything: the current stage from the
 * item's row and its pauses (dates exact), earlier stages of escalated items from the old timeline (dates of
 * the recorded instants, in KST). The old tables are kept, read-only.
 */
export const accountabilityClockEvents: Migration = {
  name: '2026-12-06-10-accountability-clock-events',
  async up(db, dialect) {
    await db.schema
      .createTable('accountability_clock_event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull().references('accountability_item.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('stage', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('on_date', 'text', (c) => c.notNull())
      .addColumn('days', 'integer')
      .addColumn('reason', 'text')
      .addColumn('rule', 'text')
      .addColumn('actor_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addUniqueConstraint('accountability_clock_event_seq', ['item_id', 'seq'])
      .execute();
    // Append-only in the database too: an event, once written, is never changed.
    await refuseUpdates(db, dialect, 'accountability_clock_event');
    await db.schema
      .createTable('accountability_extra_holiday')
      .addColumn('on_date', 'text', (c) => c.primaryKey())
      .addColumn('name_ko', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The notices sent once per item (arrival, …), so that a rerun or a second server never repeats one.
    await db.schema
      .createTable('accountability_notice')
      .addColumn('item_id', 'text', (c) => c.notNull().references('accountability_item.id').onDelete('cascade'))
      .addColumn('notice', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('accountability_notice_pk', ['item_id', 'notice', 'day'])
      .execute();
    await backfillClockEvents(db);
    // Items that arrived before arrival notices existed are not announced now, months later.
    const items: Row[] = await db.selectFrom('accountability_item').select(['id', 'received_on']).execute();
    const at = new Date().toISOString();
    for (const i of items) await db.insertInto('accountability_notice').values({ item_id: i.id, notice: 'arrival', day: i.received_on, sent_at: at }).execute();
  },
};

/** Writes the history of every item that has none yet, from the old row, pauses and timeline. */
export async function backfillClockEvents(db: Kysely<any>): Promise<number> {
  const items: Row[] = await db
    .selectFrom('accountability_item')
    .selectAll()
    .where('id', 'not in', db.selectFrom('accountability_clock_event').select('item_id'))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const kinds = new Map(((await db.selectFrom('accountability_kind').selectAll().execute()) as Row[]).map((k) => [k.id, k]));
  for (const item of items) {
    const kind = kinds.get(item.kind_id)!;
    const rule = JSON.stringify({
      unit: kind.unit,
      days: kind.days,
      maxExtensionDays: kind.max_extension_days,
      veryOverdueAfterDays: kind.very_overdue_after_days,
    });
    const old: Row[] = await db.selectFrom('accountability_event').selectAll().where('item_id', '=', item.id).orderBy('at').orderBy('id').execute();
    const pauses: Row[] = await db.selectFrom('accountability_pause').selectAll().where('item_id', '=', item.id).orderBy('from_on').execute();
    const rows: Row[] = [];
    const push = (stage: number, type: string, on: string, at: string, extra: Row = {}) =>
      rows.push({
        id: randomUUID(),
        item_id: item.id,
        seq: rows.length + 1,
        stage,
        type,
        on_date: on,
        days: null,
        reason: null,
        rule: null,
        actor_id: null,
        at,
        ...extra,
      });
    const detail = (e: Row) => {
      try {
        return e.detail ? JSON.parse(e.detail) : {};
      } catch {
        return {};
      }
    };
    const level: number = item.escalation_level;
    // Earlier stages (only escalated items lost them from the row): replay the old timeline up to the last escalation.
    let stage = 0;
    const receivedEvent = old.find((e) => e.type === 'received');
    const lastEscalation = old.map((e) => e.type).lastIndexOf('escalated');
    if (level === 0) push(0, 'received', item.received_on, item.received_at, { actor_id: item.author_id });
    else {
      push(0, 'received', receivedEvent ? kstDate(new Date(receivedEvent.at)) : item.created_at.slice(0, 10), receivedEvent?.at ?? item.created_at, {
        actor_id: item.author_id,
      });
      for (const [i, e] of old.entries()) {
        if (i > lastEscalation) break;
        const d = detail(e);
        const on = i === lastEscalation ? item.received_on : kstDate(new Date(e.at));
        if (e.type === 'escalated') {
          stage++;
          push(stage, 'escalated', on, e.at, { actor_id: e.actor_id });
          continue;
        }
        if (['paused', 'resumed', 'confirmed', 'assigned'].includes(e.type)) push(stage, e.type, on, e.at, { actor_id: e.actor_id, reason: d.reason ?? null });
        if (e.type === 'extended') push(stage, 'extended', on, e.at, { actor_id: e.actor_id, days: d.days ?? null, reason: d.reason ?? null });
        if (e.type === 'answered') push(stage, 'answered', on, e.at, { actor_id: e.actor_id, rule });
        if (e.type === 'disputed') push(stage, 'disputed', on, e.at, { actor_id: e.actor_id, reason: d.reason ?? null });
      }
      stage = level;
    }
    // The current stage, from the row (exact dates) and the old timeline after the last escalation (who and when).
    const current = old.slice(lastEscalation + 1);
    const actorOf = (type: string) => current.find((e) => e.type === type)?.actor_id ?? null;
    const atOf = (type: string, fallback: string) => current.find((e) => e.type === type)?.at ?? fallback;
    const extension = current.find((e) => e.type === 'extended');
    for (const e of current.filter((x) => x.type === 'assigned')) push(stage, 'assigned', kstDate(new Date(e.at)), e.at, { actor_id: e.actor_id });
    const dated: Array<{ on: string; make: () => void }> = [];
    for (const p of pauses) {
      dated.push({ on: p.from_on, make: () => push(stage, 'paused', p.from_on, p.created_at, { actor_id: p.created_by, reason: p.reason }) });
      if (p.to_on) dated.push({ on: p.to_on, make: () => push(stage, 'resumed', p.to_on, atOf('resumed', p.created_at)) });
    }
    if (item.extension_days > 0) {
      const on = extension ? kstDate(new Date(extension.at)) : item.received_on;
      dated.push({
        on,
        make: () =>
          push(stage, 'extended', on, extension?.at ?? item.updated_at, {
            actor_id: extension?.actor_id ?? null,
            days: item.extension_days,
            reason: item.extension_reason ?? '',
          }),
      });
    }
    if (item.answered_on)
      dated.push({
        on: item.answered_on,
        make: () => push(stage, 'answered', item.answered_on, atOf('answered', item.updated_at), { actor_id: actorOf('answered'), rule }),
      });
    dated.sort((a, b) => a.on.localeCompare(b.on)).forEach((d) => d.make());
    if (item.answered_on && ['confirmed', 'disputed'].includes(item.state)) {
      const e = current.find((x) => x.type === item.state);
      push(stage, item.state, e ? kstDate(new Date(e.at)) : item.answered_on, e?.at ?? item.updated_at, {
        actor_id: e?.actor_id ?? item.author_id,
        reason: item.state === 'disputed' ? item.dispute_reason : null,
      });
    }
    if (rows.length) await db.insertInto('accountability_clock_event').values(rows).execute();
    // The row's receipt date had been overwritten by the escalation: give it back the first receipt.
    if (level > 0) await db.updateTable('accountability_item').set({ received_on: rows[0]!.on_date }).where('id', '=', item.id).execute();
  }
  return items.length;
}
