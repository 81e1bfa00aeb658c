import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTx } from '../../../core/db/database.js';
import type { Dialect } from '../../../core/db/types.js';

export type ChangeKind = 'station_version' | 'facility_status';

/**
 * Appends to the change feed apps follow (Atom, JSON, webhooks) in the caller's transaction, and queues one
 * delivery per active webhook. Sequence numbers are gap-free and ordered: on PostgreSQL the table is locked
 * for the transaction (SQLite has one writer anyway).
 */
export async function recordChange(
  tx: DbOrTx,
  dialect: Dialect,
  change: { kind: ChangeKind; stationId: string; ref: string; payload: object; at: string },
): Promise<number> {
  if (dialect === 'postgres') await sql`LOCK TABLE transit_change IN EXCLUSIVE MODE`.execute(tx);
  const last = await tx
    .selectFrom('transit_change')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await tx
    .insertInto('transit_change')
    .values({ seq, kind: change.kind, station_id: change.stationId, ref: change.ref, payload: JSON.stringify(change.payload), at: change.at })
    .execute();
  const hooks = await tx.selectFrom('transit_webhook').select('id').where('active', '=', 1).execute();
  if (hooks.length) {
    await tx
      .insertInto('transit_webhook_delivery')
      .values(
        hooks.map((h) => ({
          id: randomUUID(),
          webhook_id: h.id,
          change_seq: seq,
          status: 'pending',
          attempts: 0,
          next_attempt_at: change.at,
          lease_until: null,
          last_status: null,
          last_error: null,
          delivered_at: null,
        })),
      )
      .execute();
  }
  return seq;
}
